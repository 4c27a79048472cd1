import { spawnSync } from "node:child_process";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import type { DB } from "~db/client";

import { enqueueEmail } from "~/modules/mail/outbox.server";

import { createTestDatabase } from "../support/test-database";

/** `npm run mail -- ...` as an operator runs it: the CLI in its own process, on a real database file. */

const root = fileURLToPath(new URL("../..", import.meta.url));
let db: DB;
let path: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ db, path, cleanup } = await createTestDatabase());
});
afterEach(async () => {
  await cleanup();
});

function mailCli(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "app/cli/mail.ts", ...args], {
    cwd: root,
    env: { PATH: process.env.PATH, NODE_ENV: "production", DATA_DIR: dirname(path), ...env },
    encoding: "utf8",
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function message(state: "pending" | "sent" | "dead", { createdAt = new Date().toISOString(), lastError = null as string | null } = {}): Promise<number> {
  const id = await enqueueEmail(db, {
    template: "submission-confirmation",
    recipient: "person@example.com",
    payload: { reference: "ICCT-7KQ4-2M9X" },
    messageIdDomain: "icct.example.nhs.uk",
    now: new Date(createdAt),
  });
  await db.updateTable("outbox").set({ state, attempts: state === "pending" ? 0 : 1, last_error: lastError }).where("id", "=", id).execute();
  return id;
}

describe("npm run mail", () => {
  it("status: counts by state, how long the oldest pending message has waited, and dead messages with reasons, no addresses", async () => {
    const oldest = await message("pending", { createdAt: new Date(Date.now() - (2 * 60 + 5) * 60_000).toISOString() });
    await message("pending");
    await message("sent");
    const dead = await message("dead", { lastError: "EENVELOPE: Can't send mail - all recipients were rejected: 550 5.1.1 <[address]>: User unknown" });

    const { code, stdout } = mailCli(["status"]);
    expect(code).toBe(0);
    expect(stdout).toContain(`Outbox in ${path}`);
    expect(stdout).toMatch(new RegExp(`pending +2 +oldest waiting 2 h 5 min \\(message ${oldest}\\)`));
    expect(stdout).toMatch(/sending +0\n/);
    expect(stdout).toMatch(/sent +1\n/);
    expect(stdout).toMatch(/dead +1\n/);
    expect(stdout).toContain(`#${dead}  submission-confirmation`);
    expect(stdout).toContain("550 5.1.1 <[address]>: User unknown");
    expect(stdout).not.toContain("person@example.com");
  });

  it("retry <id> and retry --dead put dead messages back to pending; a sent or unknown message is refused", async () => {
    const dead = await message("dead", { lastError: "550" });
    const otherDead = await message("dead", { lastError: "550" });
    const sent = await message("sent");

    expect(mailCli(["retry", String(dead)])).toMatchObject({ code: 0, stdout: `Message ${dead} will be sent again by the running server.\n` });
    expect(await db.selectFrom("outbox").select(["state", "attempts"]).where("id", "=", dead).executeTakeFirst()).toEqual({ state: "pending", attempts: 0 });
    expect(mailCli(["retry", String(sent)])).toMatchObject({ code: 1, stderr: `Message ${sent} is sent or being sent; it was not changed.\n` });
    expect(mailCli(["retry", "424242"])).toMatchObject({ code: 1, stderr: "There is no message 424242.\n" });
    expect(mailCli(["retry", "--dead"])).toMatchObject({ code: 0, stdout: "1 dead message will be sent again by the running server.\n" });
    expect(await db.selectFrom("outbox").select("state").where("id", "=", otherDead).executeTakeFirst()).toEqual({ state: "pending" });
  });

  it("explains its usage, a missing database and a bad environment", () => {
    for (const args of [[], ["retry"], ["retry", "abc"], ["status", "extra"], ["resend"]]) {
      const { code, stderr } = mailCli(args);
      expect(code, args.join(" ")).toBe(2);
      expect(stderr).toContain("Usage: npm run mail -- status");
    }
    expect(mailCli(["status"], { DATA_DIR: "/nonexistent/icct" })).toMatchObject({ code: 1, stderr: expect.stringContaining("There is no database at /nonexistent/icct/app.db") });
    expect(mailCli(["status"], { STAFF_DIGEST_HOUR: "25" })).toMatchObject({ code: 1, stderr: expect.stringContaining("STAFF_DIGEST_HOUR") });
  });
});
