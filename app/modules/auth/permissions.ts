import type { Role } from "~db/schema";

/**
 * What staff can do, as `action:thing` strings. Every staff loader and action names the one it
 * needs; this map is the only place that says which roles have which.
 */
export const permissions = [
  "read:dashboard",
  "read:response",
  "create:response",
  "update:response",
  "erase:response",
  "read:equality",
  "export:report",
  "manage:users",
  "manage:taxonomy",
  "manage:outbox",
  "read:audit",
] as const;
export type Permission = (typeof permissions)[number];

export const roles = ["admin", "lead", "planner"] as const satisfies readonly Role[];

export const roleLabels: Record<Role, string> = {
  admin: "Admin",
  lead: "Engagement lead",
  planner: "Planner",
};

const grants: Record<Role, readonly Permission[]> = {
  admin: permissions,
  lead: ["read:dashboard", "read:response", "create:response", "update:response", "read:equality", "export:report"],
  planner: ["read:dashboard", "read:response", "export:report"],
};

export function can(role: Role, permission: Permission): boolean {
  return grants[role].includes(permission);
}

export function permissionsFor(role: Role): readonly Permission[] {
  return grants[role];
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (roles as readonly string[]).includes(value);
}
