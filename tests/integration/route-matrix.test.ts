import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Role } from "~db/schema";

import { can, type Permission } from "~/modules/auth/permissions";

import { BrowserClient } from "../support/browser-client";
import { count } from "../support/database";
import { fillJourney } from "../support/journey";
import { startServer, type RunningServer } from "../support/server";
import { TEST_SESSION_SECRET, signedInClient } from "../support/staff";

/**
 * Every route under /staff, and who may use it. A route that is not listed here fails this test,
 * so a new staff page cannot be added without deciding (and proving) its permission.
 */
/** `actionPermission`: what a POST needs, when it differs from reading the page. */
type Access = { permission: Permission; actionPermission?: Permission } | { public: true } | { pendingSignIn: true };
const matrix: Record<string, Access & { path: string }> = {
  "routes/staff._index": { path: "/staff", permission: "read:dashboard" },
  "routes/staff.account": { path: "/staff/account", permission: "read:dashboard" },
  "routes/staff.responses._index": { path: "/staff/responses", permission: "read:response", actionPermission: "update:response" },
  "routes/staff.responses.$id": { path: "/staff/responses/1", permission: "read:response", actionPermission: "update:response" },
  "routes/staff.responses.new": { path: "/staff/responses/new", permission: "create:response" },
  "routes/staff.responses.$id_.erase": { path: "/staff/responses/1/erase", permission: "erase:response" },
  "routes/staff.reports._index": { path: "/staff/reports", permission: "export:report" },
  "routes/staff.reports.preview": { path: "/staff/reports/preview", permission: "export:report" },
  "routes/staff.reports.pdf": { path: "/staff/reports/pdf", permission: "export:report" },
  "routes/staff.reports.csv.$export": { path: "/staff/reports/csv/priorities", permission: "export:report" },
  "routes/staff.admin._index": { path: "/staff/admin", permission: "manage:users" },
  "routes/staff.admin.users._index": { path: "/staff/admin/users", permission: "manage:users" },
  "routes/staff.admin.users.$id": { path: "/staff/admin/users/1", permission: "manage:users" },
  "routes/staff.admin.audit": { path: "/staff/admin/audit", permission: "read:audit" },
  "routes/staff.admin.outbox": { path: "/staff/admin/outbox", permission: "manage:outbox" },
  "routes/staff.admin.themes._index": { path: "/staff/admin/themes", permission: "manage:taxonomy" },
  "routes/staff.admin.themes.$id": { path: "/staff/admin/themes/1", permission: "manage:taxonomy" },
  "routes/staff.admin.safety-phrases": { path: "/staff/admin/safety-phrases", permission: "manage:taxonomy" },
  "routes/staff.sign-in._index": { path: "/staff/sign-in", public: true },
  "routes/staff.forgot-password": { path: "/staff/forgot-password", public: true },
  "routes/staff.invite.$token": { path: "/staff/invite/not-a-real-token", public: true },
  "routes/staff.reset-password.$token": { path: "/staff/reset-password/not-a-real-token", public: true },
  "routes/staff.sign-out": { path: "/staff/sign-out", public: true },
  "routes/staff.sign-in.two-factor": { path: "/staff/sign-in/two-factor", pendingSignIn: true },
  "routes/staff.two-factor.setup": { path: "/staff/two-factor/setup", pendingSignIn: true },
  "routes/staff.two-factor.recovery-codes": { path: "/staff/two-factor/recovery-codes", permission: "read:dashboard" },
};

interface RouteInfo {
  id: string;
  hasAction: boolean;
}

let server: RunningServer;
let staffRoutes: RouteInfo[];
const clients = {} as Record<Role, BrowserClient>;

beforeAll(async () => {
  server = await startServer({ env: { SESSION_SECRET: TEST_SESSION_SECRET, AUTH_FAILURES_PER_CLIENT: "1000" } });
  const build = (await import("../../build/index.js")) as { routes: Record<string, { parentId?: string; module: { action?: unknown } }> };
  staffRoutes = Object.entries(build.routes)
    .filter(([id, route]) => route.parentId === "routes/staff" && id.startsWith("routes/staff."))
    .map(([id, route]) => ({ id, hasAction: Boolean(route.module.action) }));
  for (const role of ["admin", "lead", "planner"] as const) clients[role] = (await signedInClient(server, role)).client;
  // Response 1, for the response page's row.
  const respondent = new BrowserClient(server.url);
  await fillJourney(respondent);
  await respondent.post("/check-answers", {});
});
afterAll(async () => {
  await server.stop();
});

async function get(client: BrowserClient | null, path: string) {
  return (client ?? new BrowserClient(server.url)).request(path, {}, false);
}

async function post(client: BrowserClient | null, path: string) {
  return (client ?? new BrowserClient(server.url)).post(path, {}, { follow: false });
}

describe("the staff route matrix", () => {
  it("lists every staff route in the build", () => {
    const missing = staffRoutes.map((route) => route.id).filter((id) => !(id in matrix));
    expect(missing, "add new staff routes to the matrix with their permission").toEqual([]);
    const stale = Object.keys(matrix).filter((id) => !staffRoutes.some((route) => route.id === id));
    expect(stale).toEqual([]);
  });

  it("sends anonymous visitors to sign in from every protected page and action", async () => {
    for (const route of staffRoutes) {
      const access = matrix[route.id]!;
      if (!("permission" in access) && !("pendingSignIn" in access)) continue;
      const page = await get(null, access.path);
      expect(page.status, `GET ${access.path}`).toBe(302);
      expect(page.headers.get("location"), `GET ${access.path}`).toMatch(/^\/staff\/sign-in/);
      if (route.hasAction) {
        const action = await post(null, access.path);
        expect(action.status, `POST ${access.path}`).toBe(302);
        expect(action.headers.get("location"), `POST ${access.path}`).toMatch(/^\/staff\/sign-in/);
      }
    }
  });

  it.each(["admin", "lead", "planner"] as const)("gives %s exactly what the role's permissions allow", async (role) => {
    for (const route of staffRoutes) {
      const access = matrix[route.id]!;
      if (!("permission" in access)) continue;
      const allowed = can(role, access.permission);
      const page = await get(clients[role], access.path);
      expect(page.status, `${role} GET ${access.path}`).toBe(allowed ? 200 : 403);
      if (route.hasAction) {
        const action = await post(clients[role], access.path);
        if (can(role, access.actionPermission ?? access.permission)) {
          expect(action.status, `${role} POST ${access.path}`).toBeLessThan(500);
          expect(action.status, `${role} POST ${access.path}`).not.toBe(403);
        } else {
          expect(action.status, `${role} POST ${access.path}`).toBe(403);
        }
      }
    }
  });

  it("serves the public staff pages to everyone, with a clear 404 for bad links", async () => {
    for (const route of staffRoutes) {
      const access = matrix[route.id]!;
      if (!("public" in access)) continue;
      const page = await get(null, access.path);
      expect([200, 302, 404], `GET ${access.path}`).toContain(page.status);
    }
    expect((await get(null, "/staff/invite/not-a-real-token")).status).toBe(404);
    expect((await get(null, "/staff/sign-out")).status).toBe(302);
  });

  it("answers 404 for unknown ids, and for ids that are not numbers", async () => {
    for (const path of ["/staff/admin/users/999999", "/staff/admin/users/abc", "/staff/admin/themes/999999", "/staff/admin/themes/-1"]) {
      expect((await get(clients.admin, path)).status, path).toBe(404);
    }
  });

  it("records permission denials in the audit log", async () => {
    const before = count(server.databasePath, "select count(*) n from audit_log where action = 'access.denied' and target_id = '/staff/admin/users'");
    const denied = await get(clients.planner, "/staff/admin/users");
    expect(denied.status).toBe(403);
    expect(denied.html).toContain("You do not have permission to see this page");
    expect(count(server.databasePath, "select count(*) n from audit_log where action = 'access.denied' and target_id = '/staff/admin/users'")).toBe(before + 1);
  });
});
