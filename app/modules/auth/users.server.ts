import type { Executor } from "~db/client";
import type { Role, User } from "~db/schema";

export type UserSummary = Pick<User, "id" | "email" | "name" | "role" | "disabled_at" | "last_sign_in_at" | "created_at"> & {
  twoFactorEnabled: boolean;
  hasPassword: boolean;
};

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserByEmail(db: Executor, email: string): Promise<User | undefined> {
  return db.selectFrom("users").selectAll().where("email", "=", normaliseEmail(email)).executeTakeFirst();
}

export async function findUserById(db: Executor, id: number): Promise<User | undefined> {
  return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

function summarise(user: User): UserSummary {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    disabled_at: user.disabled_at,
    last_sign_in_at: user.last_sign_in_at,
    created_at: user.created_at,
    twoFactorEnabled: Boolean(user.totp_enabled_at),
    hasPassword: Boolean(user.password_hash),
  };
}

export async function listUsers(db: Executor): Promise<UserSummary[]> {
  const users = await db.selectFrom("users").selectAll().orderBy("disabled_at").orderBy("name").execute();
  return users.map(summarise);
}

export async function getUserSummary(db: Executor, id: number): Promise<UserSummary | undefined> {
  const user = await findUserById(db, id);
  return user ? summarise(user) : undefined;
}

export async function countActiveAdmins(db: Executor): Promise<number> {
  const row = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("role", "=", "admin")
    .where("disabled_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function createUser(db: Executor, { email, name, role, now }: { email: string; name: string; role: Role; now: Date }): Promise<number> {
  const row = await db
    .insertInto("users")
    .values({
      email: normaliseEmail(email),
      name,
      role,
      password_hash: null,
      password_changed_at: null,
      totp_secret: null,
      totp_enabled_at: null,
      totp_last_step: null,
      disabled_at: null,
      last_sign_in_at: null,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateUser(
  db: Executor,
  id: number,
  changes: Partial<Pick<User, "role" | "name" | "password_hash" | "password_changed_at" | "totp_secret" | "totp_enabled_at" | "totp_last_step" | "disabled_at" | "last_sign_in_at">>,
  now: Date,
): Promise<void> {
  await db.updateTable("users").set({ ...changes, updated_at: now.toISOString() }).where("id", "=", id).execute();
}
