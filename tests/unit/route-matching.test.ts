import { createRequire } from "node:module";

import type { AgnosticRouteObject, matchRoutes as MatchRoutes } from "@remix-run/router";
import { describe, expect, it } from "vitest";

// The CommonJS build, as @remix-run/server-runtime loads it: the one patched in patches/.
const { matchRoutes } = createRequire(import.meta.url)("@remix-run/router") as { matchRoutes: typeof MatchRoutes };

const routes: AgnosticRouteObject[] = [
  {
    id: "root",
    path: "",
    children: [
      { id: "home", index: true },
      { id: "priorities", path: "priorities" },
      {
        id: "staff",
        path: "staff",
        children: [
          { id: "staff-home", index: true },
          { id: "response", path: "responses/:responseId" },
          { id: "responses-new", path: "responses/new" },
          { id: "report-file", path: "reports/:reportId/*" },
        ],
      },
      { id: "not-found", path: "*" },
    ],
  },
];

const matchedIds = (pathname: string) => matchRoutes(routes, pathname)?.map((match) => match.route.id) ?? null;

describe("route matching (patched @remix-run/router)", () => {
  it("matches the same routes on the first and every later request for a path", () => {
    for (let round = 0; round < 3; round += 1) {
      expect(matchedIds("/")).toEqual(["root", "home"]);
      expect(matchedIds("/priorities")).toEqual(["root", "priorities"]);
      expect(matchedIds("/staff")).toEqual(["root", "staff", "staff-home"]);
      expect(matchedIds("/staff/responses/new")).toEqual(["root", "staff", "responses-new"]);
      expect(matchedIds("/staff/responses/42")).toEqual(["root", "staff", "response"]);
      expect(matchedIds("/staff/reports/7/summary.pdf")).toEqual(["root", "staff", "report-file"]);
      expect(matchedIds("/no/such/page")).toEqual(["root", "not-found"]);
    }
  });

  it("gives each request its own params and match objects", () => {
    const first = matchRoutes(routes, "/staff/responses/42")!;
    (first.at(-1)!.params as Record<string, string>).responseId = "changed by a caller";
    const second = matchRoutes(routes, "/staff/responses/42")!;
    expect(second).not.toBe(first);
    expect(second.at(-1)!.params).toEqual({ responseId: "42" });
    expect(matchRoutes(routes, "/staff/responses/43")!.at(-1)!.params).toEqual({ responseId: "43" });
    expect(matchRoutes(routes, "/staff/reports/7/a%20b.pdf")!.at(-1)!.params).toEqual({ reportId: "7", "*": "a b.pdf" });
  });

  it("stays right after more distinct paths than it remembers", () => {
    for (let id = 0; id < 2_500; id += 1) {
      expect(matchRoutes(routes, `/staff/responses/${id}`)!.at(-1)!.params.responseId).toBe(String(id));
    }
    expect(matchedIds("/priorities")).toEqual(["root", "priorities"]);
  });

  it("answers null, every time, when nothing matches", () => {
    const withoutFallback: AgnosticRouteObject[] = [{ id: "only", path: "only" }];
    expect(matchRoutes(withoutFallback, "/other")).toBeNull();
    expect(matchRoutes(withoutFallback, "/other")).toBeNull();
    expect(matchRoutes(withoutFallback, "/only")?.map((match) => match.route.id)).toEqual(["only"]);
  });

  it("keeps each route tree's matches to itself", () => {
    const otherTree: AgnosticRouteObject[] = [{ id: "other-priorities", path: "priorities" }];
    expect(matchedIds("/priorities")).toEqual(["root", "priorities"]);
    expect(matchRoutes(otherTree, "/priorities")?.map((match) => match.route.id)).toEqual(["other-priorities"]);
  });
});
