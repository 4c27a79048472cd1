import { mkdtempSync, readFileSync, rmSync, statSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { BrowserClient } from "../support/browser-client";
import { count, rows } from "../support/database";
import { fillJourney } from "../support/journey";
import { runServerToExit, startServer, type RunningServer } from "../support/server";

describe("a fresh start", () => {
  let server: RunningServer;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "icct-boot-"));
    server = await startServer({ dataDir, env: { LOG_LEVEL: "info" } });
  });
  afterAll(async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("creates, migrates and seeds the database, and prints the URL", () => {
    expect(server.output()).toMatch(/Improving Cancer Care Together is running at http:\/\/127\.0\.0\.1:\d+/);
    expect(count(server.databasePath, "select count(*) n from campaigns where code = 'ICCT' and status = 'open'")).toBe(1);
    expect(count(server.databasePath, "select count(*) n from places")).toBe(11);
    expect(count(server.databasePath, "select count(*) n from places where kind = 'place'")).toBe(9);
    expect(count(server.databasePath, "select count(*) n from themes")).toBe(19);
    expect(count(server.databasePath, "select count(*) n from trusts")).toBeGreaterThanOrEqual(10);
  });

  it("uses WAL, full synchronous writes and foreign keys", () => {
    const db = new Database(server.databasePath, { readonly: true });
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.close();
  });

  it("generates a session secret in the data directory, privately, with a warning", () => {
    const path = join(dataDir, "session-secret");
    expect(readFileSync(path, "utf8").trim().length).toBeGreaterThanOrEqual(32);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(server.output()).toContain("config.session_secret_generated");
  });

  it("answers /healthz after a real database round trip, and 503 when the database cannot be used", async () => {
    const ok = await fetch(`${server.url}/healthz`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ status: "ok" });

    const db = new Database(server.databasePath);
    db.pragma("foreign_keys = OFF");
    db.exec("alter table campaigns rename to campaigns_broken");
    try {
      const broken = await fetch(`${server.url}/healthz`);
      expect(broken.status).toBe(503);
      expect(await broken.json()).toEqual({ status: "unavailable" });
    } finally {
      db.exec("alter table campaigns_broken rename to campaigns");
      db.close();
    }
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it("keeps data and reference rows as they are across a restart (migrations and seeds run once)", async () => {
    const client = new BrowserClient(server.url);
    await fillJourney(client);
    await client.post("/check-answers", {});
    const edited = new Database(server.databasePath);
    edited.prepare("update themes set name = 'Prevention (edited)' where slug = 'prevention'").run();
    edited.close();
    await server.stop();

    server = await startServer({ dataDir, env: { LOG_LEVEL: "info" } });
    expect(server.output()).not.toContain("db.migrated");
    expect(count(server.databasePath, "select count(*) n from submissions")).toBe(1);
    expect(count(server.databasePath, "select count(*) n from themes")).toBe(19);
    expect(rows<{ name: string }>(server.databasePath, "select name from themes where slug = 'prevention'")[0]!.name).toBe("Prevention (edited)");
  });

  it("never stores the client's IP address with anything it saves", async () => {
    const db = new Database(server.databasePath, { readonly: true });
    const tables = db.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[];
    for (const { name } of tables) {
      const dump = JSON.stringify(db.prepare(`select * from "${name}"`).all());
      expect(dump, name).not.toContain("127.0.0.1");
    }
    db.close();
  });
});

describe("security headers", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it.each(["/", "/priorities", "/privacy", "/no-such-page", "/healthz"])("%s carries the baseline headers", async (path) => {
    const response = await fetch(`${server.url}${path}`);
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBeTruthy();
    expect(response.headers.get("x-powered-by")).toBeNull();
  });

  it("puts the header's nonce on every inline script", async () => {
    const response = await fetch(`${server.url}/priorities`);
    const nonce = /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy")!)![1]!;
    const html = await response.text();
    const scripts = [...html.matchAll(/<script([^>]*)>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes] of scripts) {
      if (!attributes!.includes("src=")) expect(attributes).toContain(`nonce="${nonce}"`);
    }
    expect(nonce).not.toBe(/'nonce-([^']+)'/.exec((await fetch(`${server.url}/priorities`)).headers.get("content-security-policy")!)![1]);
  });

  it("sends HSTS when the request came over HTTPS through a trusted proxy", async () => {
    const proxied = await startServer({ env: { TRUST_PROXY: "1" } });
    try {
      const response = await fetch(`${proxied.url}/`, { headers: { "x-forwarded-proto": "https" } });
      expect(response.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
      const plain = await fetch(`${proxied.url}/`);
      expect(plain.headers.get("strict-transport-security")).toBeNull();
    } finally {
      await proxied.stop();
    }
  });

  it("marks pages that can hold answers as not to be stored", async () => {
    const response = await fetch(`${server.url}/priorities`);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });
});

describe("configuration", () => {
  it("refuses to start on invalid settings and names the variable", async () => {
    const dir = mkdtempSync(join(tmpdir(), "icct-env-"));
    try {
      const { code, output } = await runServerToExit({ PORT: "not-a-port", SESSION_SECRET: "too-short" }, dir);
      expect(code).toBe(1);
      expect(output).toContain("PORT");
      expect(output).toContain("SESSION_SECRET must be at least 32 characters");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("uses SESSION_SECRET from the environment without writing one", async () => {
    const server = await startServer({ env: { SESSION_SECRET: "x".repeat(40) } });
    try {
      expect(existsSync(join(server.dataDir, "session-secret"))).toBe(false);
    } finally {
      await server.stop();
    }
  });
});

describe("migrations", () => {
  it("stop the server from starting when the database does not match the code", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "icct-migrate-"));
    try {
      const first = await startServer({ dataDir });
      await first.stop();
      const db = new Database(join(dataDir, "app.db"));
      db.prepare("insert into kysely_migration (name, timestamp) values ('9999-from-a-newer-release', ?)").run(new Date().toISOString());
      db.close();
      const { code, output } = await runServerToExit({}, dataDir);
      expect(code).toBe(1);
      expect(output).toContain("The server could not start");
      expect(output).toContain("9999-from-a-newer-release");
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
