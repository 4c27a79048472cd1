import { openDatabase } from "~db/client";
import type { Role } from "~db/schema";

import { hashPassword } from "~/modules/auth/password.server";
import { replaceRecoveryCodes } from "~/modules/auth/recovery-codes.server";
import { SecretBox } from "~/modules/auth/secret-box.server";
import { base32Decode, generateTotpSecret, hotp, timeStep } from "~/modules/auth/totp.server";
import { createUser, updateUser } from "~/modules/auth/users.server";

import { BrowserClient, hiddenValue, type Page } from "./browser-client";
import type { RunningServer } from "./server";

/** Start servers with this secret so tests can seal TOTP secrets the way the server does. */
export const TEST_SESSION_SECRET = "integration-tests-session-secret-0123456789";

export interface TestStaffUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  password: string;
  totpSecret: string;
  recoveryCodes: string[];
}

let counter = 0;

/** A staff account written straight into the server's database: password set and two-factor enrolled. */
export async function createStaffUser(server: Pick<RunningServer, "databasePath">, role: Role, overrides: { email?: string; enrolled?: boolean } = {}): Promise<TestStaffUser> {
  counter += 1;
  const email = overrides.email ?? `${role}-${counter}-${Date.now()}@example.nhs.uk`;
  const password = `kettle orbit meadow ${counter} lantern`;
  const totpSecret = generateTotpSecret();
  const db = openDatabase({ filename: server.databasePath });
  try {
    const now = new Date();
    const id = await createUser(db, { email, name: `Test ${role} ${counter}`, role, now });
    await updateUser(
      db,
      id,
      {
        password_hash: await hashPassword(password),
        ...(overrides.enrolled === false
          ? {}
          : { totp_secret: new SecretBox(TEST_SESSION_SECRET, "totp-secrets").seal(totpSecret), totp_enabled_at: now.toISOString() }),
      },
      now,
    );
    const recoveryCodes = overrides.enrolled === false ? [] : await replaceRecoveryCodes(db, id, TEST_SESSION_SECRET);
    return { id, email, name: `Test ${role} ${counter}`, role, password, totpSecret, recoveryCodes };
  } finally {
    await db.destroy();
  }
}

const usedSteps = new Map<string, number>();

/** The code an authenticator app would show now; a later step if this one was already used. */
export function currentCode(secret: string): string {
  const now = timeStep(new Date());
  const step = Math.max(now, (usedSteps.get(secret) ?? -1) + 1);
  if (step > now + 1) throw new Error("no unused TOTP step left in the window; use another user");
  usedSteps.set(secret, step);
  return hotp(base32Decode(secret), step);
}

export async function signIn(client: BrowserClient, user: TestStaffUser, returnTo?: string): Promise<Page> {
  const first = await client.post("/staff/sign-in", { email: user.email, password: user.password, ...(returnTo ? { returnTo } : {}) });
  if (!first.url.includes("/staff/sign-in/two-factor")) throw new Error(`password step failed: ${first.status} ${first.url}`);
  return client.post("/staff/sign-in/two-factor", { code: currentCode(user.totpSecret), returnTo: returnTo ?? "" });
}

export async function signedInClient(server: Pick<RunningServer, "url" | "databasePath">, role: Role): Promise<{ client: BrowserClient; user: TestStaffUser }> {
  const user = await createStaffUser(server, role);
  const client = new BrowserClient(server.url);
  const page = await signIn(client, user);
  if (page.status !== 200 || !page.url.endsWith("/staff")) throw new Error(`sign-in failed: ${page.status} ${page.url}`);
  return { client, user };
}

export { hiddenValue };
