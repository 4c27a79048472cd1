import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { BrowserClient } from "../support/browser-client";
import { startServer, type RunningServer } from "../support/server";

const root = fileURLToPath(new URL("../..", import.meta.url));
let dataDir: string;
let server: RunningServer;

function npmRun(script: string, args: string[], input?: string) {
  const result = spawnSync("npm", ["run", "--silent", script, "--", ...args], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, NODE_ENV: "production" },
    input,
    encoding: "utf8",
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "icct-cli-"));
  server = await startServer({ dataDir });
});
afterAll(async () => {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("npm run user", () => {
  it("adds the first admin with a one-time invite link that works in the running server", async () => {
    const added = npmRun("user", ["add", "--email", "First.Admin@Example.nhs.uk", "--name", "First Admin", "--role", "admin"]);
    expect(added.status).toBe(0);
    expect(added.stdout).toContain("Created Admin first.admin@example.nhs.uk");
    const link = /http:\/\/\S+\/staff\/invite\/[A-Za-z0-9_-]+/.exec(added.stdout)![0];
    const page = await new BrowserClient(server.url).get(new URL(link).pathname);
    expect(page.status).toBe(200);
    expect(page.html).toContain("First Admin");
  });

  it("sets a password from stdin, refusing a common one", () => {
    const weak = npmRun("user", ["add", "--email", "weak@example.nhs.uk", "--name", "Weak", "--role", "lead", "--password-stdin"], "password1234\n");
    expect(weak.status).toBe(2);
    expect(weak.stderr).toContain("This password is too common");
    const ok = npmRun("user", ["add", "--email", "lead@example.nhs.uk", "--name", "Lead", "--role", "lead", "--password-stdin"], "ripe mango tractor cloud\n");
    expect(ok.status).toBe(0);
  });

  it("lists and disables accounts, and refuses bad arguments with usage", () => {
    const list = npmRun("user", ["list"]);
    expect(list.stdout).toMatch(/first\.admin@example\.nhs\.uk\tFirst Admin\tadmin\tinvited/);
    expect(list.stdout).toMatch(/lead@example\.nhs\.uk\tLead\tlead\tno two-factor yet/);
    expect(list.stdout).not.toContain("weak@example.nhs.uk");
    expect(npmRun("user", ["disable", "--email", "lead@example.nhs.uk"]).status).toBe(0);
    expect(npmRun("user", ["list"]).stdout).toMatch(/lead@example\.nhs\.uk\tLead\tlead\tdisabled/);
    expect(npmRun("user", ["add", "--email", "x@example.nhs.uk", "--name", "X", "--role", "superuser"]).stderr).toContain("Give a --role");
    expect(npmRun("user", ["frobnicate"]).stderr).toContain("Usage:");
  });
});

describe("npm run audit", () => {
  it("exports the audit log as JSON lines since a date", () => {
    const file = join(dataDir, "audit.jsonl");
    const result = npmRun("audit", ["export", "--since", "2020-01-01", "--output", file]);
    expect(result.status).toBe(0);
    const entries = readFileSync(file, "utf8").trim().split("\n").map((line) => JSON.parse(line));
    expect(entries.map((entry) => entry.action)).toEqual(expect.arrayContaining(["user.invited", "user.disabled"]));
    expect(readFileSync(file, "utf8")).not.toContain("ripe mango");
    expect(npmRun("audit", ["export", "--since", "yesterday-ish"]).status).toBe(2);
  });
});
