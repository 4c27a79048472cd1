/**
 * Staff accounts from the command line:
 *   npm run user -- add --email <email> --name <name> --role <admin|lead|planner> [--password-stdin]
 *   npm run user -- list
 *   npm run user -- disable --email <email>
 */
import { parseArgs } from "node:util";

import { changeAccount, inviteUser, setPasswordDirectly } from "~/modules/auth/accounts.server";
import { passwordProblem } from "~/modules/auth/password.server";
import { isRole, roleLabels } from "~/modules/auth/permissions";
import { SecretBox } from "~/modules/auth/secret-box.server";
import { findUserByEmail, listUsers } from "~/modules/auth/users.server";

import { fail, openCliDatabase, readStdin } from "./cli-support";

const usage = `Usage:
  npm run user -- add --email <email> --name <name> --role <admin|lead|planner> [--password-stdin]
  npm run user -- list
  npm run user -- disable --email <email>`;

const { values, positionals } = parseArgs({
  args: process.argv.slice(2),
  options: {
    email: { type: "string" },
    name: { type: "string" },
    role: { type: "string" },
    "password-stdin": { type: "boolean", default: false },
  },
  allowPositionals: true,
});
const command = positionals[0];
if (!command || !["add", "list", "disable"].includes(command)) fail(usage);

const { db, config } = await openCliDatabase();
const now = new Date();
const env = {
  db,
  now,
  publicUrl: config.publicUrl,
  secret: config.sessionSecret,
  secretBox: new SecretBox(config.sessionSecret, "totp-secrets"),
  policy: { idleMs: config.env.STAFF_SESSION_IDLE_MINUTES * 60_000, absoluteMs: config.env.STAFF_SESSION_ABSOLUTE_HOURS * 3_600_000 },
  throttle: { accountLimit: config.env.AUTH_FAILURES_PER_ACCOUNT, clientLimit: config.env.AUTH_FAILURES_PER_CLIENT, windowMs: config.env.AUTH_FAILURE_WINDOW_MINUTES * 60_000 },
  clientAddress: "command line",
  userAgent: null,
};

try {
  if (command === "add") {
    const { email, name, role } = values;
    if (!email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) fail("Give a valid --email");
    if (!name?.trim()) fail("Give the person's --name");
    if (!isRole(role)) fail("Give a --role: admin, lead or planner");
    const address = email.trim().toLowerCase();
    const password = values["password-stdin"] ? await readStdin() : null;
    const weakness = password === null ? null : passwordProblem(password, { email: address, name });
    if (weakness) fail(weakness);
    const result = await inviteUser(env, { email: address, name: name.trim(), role, invitedBy: null, sendEmail: false });
    if (result.kind === "email-taken") fail(`There is already an account for ${address}`);
    if (password !== null) {
      await setPasswordDirectly(env, { email: address, password });
      process.stdout.write(`Created ${roleLabels[role]} ${address}. They set up two-factor sign-in the first time they sign in at ${new URL("/staff/sign-in", config.publicUrl).href}\n`);
    } else {
      process.stdout.write(`Created ${roleLabels[role]} ${address}.\nSend them this one-time link (valid for 48 hours) to set a password and two-factor sign-in:\n${result.inviteLink}\n`);
    }
  } else if (command === "list") {
    for (const user of await listUsers(db)) {
      const status = user.disabled_at ? "disabled" : !user.hasPassword ? "invited" : user.twoFactorEnabled ? "active" : "no two-factor yet";
      process.stdout.write(`${user.id}\t${user.email}\t${user.name}\t${user.role}\t${status}\n`);
    }
  } else if (command === "disable") {
    if (!values.email) fail("Give the --email of the account to disable");
    const user = await findUserByEmail(db, values.email);
    if (!user) fail(`No account for ${values.email}`);
    const result = await changeAccount(env, { userId: user.id, change: { kind: "disable" }, by: null });
    if (result.kind === "refused") fail(result.message);
    process.stdout.write(`Disabled ${user.email} and signed them out everywhere.\n`);
  }
} finally {
  await db.destroy();
}
