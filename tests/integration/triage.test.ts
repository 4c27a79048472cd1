import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { openDatabase } from "~db/client";
import { generateDemoData } from "~db/demo/generate";
import { insertDemoResponses } from "~db/demo/insert";

import { londonMidnightUtc, nextDay } from "~/modules/time/london-time";

import { BrowserClient, errorSummaryOf, hiddenValue, type Page } from "../support/browser-client";
import { count, rows } from "../support/database";
import { fillJourney, referenceIn, validPriorities } from "../support/journey";
import { startServer, type RunningServer } from "../support/server";
import { TEST_SESSION_SECRET, signedInClient, type TestStaffUser } from "../support/staff";
import { waitFor } from "../support/wait";

let server: RunningServer;
let lead: BrowserClient;
let leadUser: TestStaffUser;
let otherLead: BrowserClient;
let planner: BrowserClient;
let admin: BrowserClient;

beforeAll(async () => {
  server = await startServer({ env: { SESSION_SECRET: TEST_SESSION_SECRET, AUTH_FAILURES_PER_CLIENT: "1000", STAFF_NOTIFICATIONS: "off" } });
  const db = openDatabase({ filename: server.databasePath });
  await insertDemoResponses(db, generateDemoData({ responses: 600, seed: 7, until: new Date(), campaignCode: "ICCT" }), { campaignCode: "ICCT" });
  await db.destroy();
  ({ client: lead, user: leadUser } = await signedInClient(server, "lead"));
  ({ client: otherLead } = await signedInClient(server, "lead"));
  ({ client: planner } = await signedInClient(server, "planner"));
  ({ client: admin } = await signedInClient(server, "admin"));
});
afterAll(async () => {
  await server.stop();
});

function totalOf(page: Page): number {
  const match = /role="status">([\d,]+) (?:response|responses)/.exec(page.html);
  if (!match) throw new Error(`no total on ${page.url}`);
  return Number(match[1]!.replace(/,/g, ""));
}

function responseIdsOn(page: Page): number[] {
  return [...page.html.matchAll(/<a[^>]*class="app-nowrap"[^>]*>/g)].map((match) => Number(/href="\/staff\/responses\/(\d+)/.exec(match[0])![1]));
}

const db = () => server.databasePath;

function version(id: number): number {
  return rows<{ version: number }>(db(), "select version from submissions where id = ?", id)[0]!.version;
}

describe("the inbox", () => {
  it("lists every response newest first, 25 a page, and pages through them all by keyset without repeats", async () => {
    const first = await lead.get("/staff/responses");
    expect(first.status).toBe(200);
    expect(totalOf(first)).toBe(count(db(), "select count(*) n from submissions"));
    const seen: number[] = [];
    let page = first;
    for (let pageNumber = 0; pageNumber < 40; pageNumber += 1) {
      const ids = responseIdsOn(page);
      seen.push(...ids);
      const next = /href="(\/staff\/responses\?[^"]*after=[^"]+)"/.exec(page.html)?.[1];
      if (!next) break;
      page = await lead.get(next.replaceAll("&amp;", "&"));
    }
    expect(new Set(seen).size).toBe(seen.length);
    const expected = rows<{ id: number }>(db(), "select id from submissions order by received_at desc, id desc").map((row) => row.id);
    expect(seen).toEqual(expected);
  });

  const filterCases: [string, string][] = [
    ["status=new", "select count(*) n from submissions where status = 'new'"],
    ["status=excluded", "select count(*) n from submissions where status = 'excluded'"],
    ["theme=screening", "select count(distinct p.submission_id) n from priority_themes pt join priorities p on p.id = pt.priority_id join themes t on t.id = pt.theme_id where t.slug = 'screening'"],
    ["theme=none", "select count(*) n from submissions s where exists (select 1 from priorities p where p.submission_id = s.id and not exists (select 1 from priority_themes pt where pt.priority_id = p.id))"],
    ["place=wirral", "select count(*) n from submissions s join places p on p.id = s.place_id where p.code = 'wirral'"],
    ["place=none", "select count(*) n from submissions where place_id is null"],
    ["respondentType=carer", "select count(*) n from submission_respondent_types where respondent_type = 'carer'"],
    ["channel=paper", "select count(*) n from submissions where channel = 'paper'"],
    ["flagged=any", "select count(distinct submission_id) n from submission_flags"],
    ["flagged=open", "select count(distinct submission_id) n from submission_flags where state = 'open'"],
    ["flagged=safety", "select count(*) n from submission_flags where kind = 'safety'"],
    ["flagged=complaint", "select count(*) n from submission_flags where kind = 'complaint'"],
    ["assigned=unassigned", "select count(*) n from submissions where assigned_to_user_id is null"],
    ["campaign=ICCT", "select count(*) n from submissions"],
    ["status=themed&place=liverpool", "select count(*) n from submissions s join places p on p.id = s.place_id where p.code = 'liverpool' and s.status = 'themed'"],
  ];
  it.each(filterCases)("filters by %s, matching the database", async (query, sql) => {
    const page = await lead.get(`/staff/responses?${query}`);
    expect(page.status).toBe(200);
    const expected = count(db(), sql);
    expect(expected).toBeGreaterThan(0);
    expect(totalOf(page)).toBe(expected);
  });

  it("filters by the date received in UK days, both ends inclusive", async () => {
    const { day } = rows<{ day: string }>(db(), "select substr(received_at, 1, 10) day from submissions order by received_at limit 1 offset 300")[0]!;
    const expected = count(db(), "select count(*) n from submissions where received_at >= ? and received_at < ?", londonMidnightUtc(day), londonMidnightUtc(nextDay(day)));
    expect(totalOf(await lead.get(`/staff/responses?from=${day}&to=${day}`))).toBe(expected);

    // 23:30 UTC on 1 July is 00:30 on 2 July in the UK (BST).
    const { id } = rows<{ id: number }>(db(), "select id from submissions order by id limit 1")[0]!;
    const original = rows<{ received_at: string }>(db(), "select received_at from submissions where id = ?", id)[0]!.received_at;
    const writable = new Database(db());
    writable.prepare("update submissions set received_at = '2026-07-01T23:30:00.000Z' where id = ?").run(id);
    try {
      const everyPage = async (query: string) => {
        const ids: number[] = [];
        for (let page: Page | null = await lead.get(`/staff/responses?${query}`); page; ) {
          ids.push(...responseIdsOn(page));
          const next: string | undefined = /href="(\/staff\/responses\?[^"]*after=[^"]*)"/.exec(page.html)?.[1]?.replaceAll("&amp;", "&");
          page = next ? await lead.get(next) : null;
        }
        return ids;
      };
      expect(await everyPage("from=2026-07-02&to=2026-07-02")).toContain(id);
      expect(await everyPage("from=2026-07-01&to=2026-07-01")).not.toContain(id);
    } finally {
      writable.prepare("update submissions set received_at = ? where id = ?").run(original, id);
      writable.close();
    }
  });

  it("ignores filters it does not understand, says so, and never fails", async () => {
    const page = await lead.get("/staff/responses?status=bogus&theme=<script>&from=2026-13-45&flagged=maybe&after=%%%&page=-3");
    expect(page.status).toBe(200);
    expect(page.html).toContain("Some filters in the address were not recognised and have been ignored: status, theme, from, flagged");
    expect(totalOf(page)).toBe(count(db(), "select count(*) n from submissions"));
    expect(page.html).not.toContain("<script>");
  });

  it("searches priority text with stemming, ranking and highlighted snippets", async () => {
    const page = await lead.get("/staff/responses?q=hospices");
    const expected = count(db(), "select count(distinct p.submission_id) n from priorities_fts join priorities p on p.id = priorities_fts.rowid where priorities_fts match 'hospice'");
    expect(expected).toBeGreaterThan(0);
    expect(totalOf(page)).toBe(expected);
    expect(page.html).toMatch(/<mark class="app-highlight">hospice/i);
  });

  it("combines search with filters, and treats search syntax as plain words", async () => {
    const combined = await lead.get("/staff/responses?q=waiting&status=new");
    const expected = count(
      db(),
      "select count(distinct p.submission_id) n from priorities_fts join priorities p on p.id = priorities_fts.rowid join submissions s on s.id = p.submission_id where priorities_fts match 'waiting' and s.status = 'new'",
    );
    expect(totalOf(combined)).toBe(expected);
    const odd = await lead.get(`/staff/responses?q=${encodeURIComponent('scan" OR NEAR( * -')}`);
    expect(odd.status).toBe(200);
  });
});

describe("a response", () => {
  it("shows every answer, records the view, and keeps equality answers hidden until asked for (and recorded)", async () => {
    const { id } = rows<{ id: number }>(db(), "select submission_id id from equality_answers limit 1")[0]!;
    const page = await lead.get(`/staff/responses/${id}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain("Show equality answers");
    expect(page.html).not.toContain("What is your age?");
    expect(count(db(), "select count(*) n from audit_log where action = 'response.viewed' and target_id = ?", String(id))).toBeGreaterThan(0);
    const shown = await lead.get(`/staff/responses/${id}?equality=show`);
    expect(shown.html).toContain("What is your age?");
    expect(count(db(), "select count(*) n from audit_log where action = 'response.equality_viewed' and target_id = ?", String(id))).toBe(1);

    const plannerView = await planner.get(`/staff/responses/${id}?equality=show`);
    expect(plannerView.status).toBe(200);
    expect(plannerView.html).not.toContain("What is your age?");
    expect(plannerView.html).not.toContain("Save status");
  });

  it("answers 404 for a response that does not exist", async () => {
    expect((await lead.get("/staff/responses/999999")).status).toBe(404);
    expect((await lead.get("/staff/responses/not-a-number")).status).toBe(404);
    expect((await lead.post("/staff/responses/999999", { intent: "note", body: "hello" })).status).toBe(404);
  });

  it("moves through the status workflow, needs a reason to exclude, and shows who changed what", async () => {
    const { id } = rows<{ id: number }>(db(), "select id from submissions where status = 'new' limit 1")[0]!;
    for (const status of ["in_review", "themed", "closed"]) {
      const page = await lead.post(`/staff/responses/${id}`, { intent: "status", status, version: String(version(id)) });
      expect(page.html).toContain("Status saved");
    }
    const noReason = await lead.post(`/staff/responses/${id}`, { intent: "status", status: "excluded", exclusionReason: "", version: String(version(id)) });
    expect(noReason.status).toBe(400);
    expect(errorSummaryOf(noReason.html)).toEqual(["status: Select why the response is excluded"]);
    await lead.post(`/staff/responses/${id}`, { intent: "status", status: "excluded", exclusionReason: "spam", version: String(version(id)) });
    expect(rows(db(), "select status, excluded_reason from submissions where id = ?", id)).toEqual([{ status: "excluded", excluded_reason: "spam" }]);
    const page = await lead.get(`/staff/responses/${id}`);
    expect(page.html).toContain(`${leadUser.email}: status Closed to Excluded (Spam)`);
    expect(count(db(), "select count(*) n from audit_log where action = 'response.updated' and target_id = ?", String(id))).toBe(4);
  });

  it("refuses a change made on a stale copy, telling the person, and keeps the other lead's change", async () => {
    const { id } = rows<{ id: number }>(db(), "select id from submissions where status = 'new' limit 1 offset 1")[0]!;
    const seen = version(id);
    await lead.post(`/staff/responses/${id}`, { intent: "status", status: "in_review", version: String(seen) });
    const stale = await otherLead.post(`/staff/responses/${id}`, { intent: "status", status: "closed", version: String(seen) });
    expect(stale.status).toBe(409);
    expect(stale.html).toContain("Someone else changed this response while you were looking at it");
    expect(rows<{ status: string }>(db(), "select status from submissions where id = ?", id)[0]!.status).toBe("in_review");
  });

  it("tags a priority with up to three themes from the list, never a fourth or a retired one", async () => {
    const { id, priority } = rows<{ id: number; priority: number }>(db(), "select s.id, p.id priority from submissions s join priorities p on p.submission_id = s.id and p.rank = 1 where s.status = 'new' limit 1 offset 2")[0]!;
    const themeIds = rows<{ id: number }>(db(), "select id from themes where retired_at is null order by sort_order limit 4").map((row) => String(row.id));
    const three = await lead.post(`/staff/responses/${id}`, { intent: "themes", priorityId: String(priority), themeIds: themeIds.slice(0, 3), version: String(version(id)) });
    expect(three.html).toContain("Themes saved");
    expect(count(db(), "select count(*) n from priority_themes where priority_id = ?", priority)).toBe(3);
    const four = await lead.post(`/staff/responses/${id}`, { intent: "themes", priorityId: String(priority), themeIds, version: String(version(id)) });
    expect(four.status).toBe(400);
    expect(errorSummaryOf(four.html)[0]).toBe("themes: Choose up to 3 themes for a priority");
    const raw = new Database(db());
    raw.prepare("update themes set retired_at = ? where id = ?").run(new Date().toISOString(), Number(themeIds[3]));
    raw.close();
    const retired = await lead.post(`/staff/responses/${id}`, { intent: "themes", priorityId: String(priority), themeIds: [themeIds[3]!], version: String(version(id)) });
    expect(retired.status).toBe(400);
    const cleared = await lead.post(`/staff/responses/${id}`, { intent: "themes", priorityId: String(priority), version: String(version(id)) });
    expect(cleared.html).toContain("Themes saved");
    expect(count(db(), "select count(*) n from priority_themes where priority_id = ?", priority)).toBe(0);
    const otherPriority = rows<{ id: number }>(db(), "select id from priorities where submission_id != ? limit 1", id)[0]!.id;
    expect((await lead.post(`/staff/responses/${id}`, { intent: "themes", priorityId: String(otherPriority), themeIds: [themeIds[0]!], version: String(version(id)) })).status).toBe(400);
  });

  it("suggests themes from the taxonomy's keywords, separately from confirmed ones", async () => {
    const { id } = rows<{ id: number }>(db(), "select p.submission_id id from priorities p where p.what_text like '%screening%' and not exists (select 1 from priority_themes pt where pt.priority_id = p.id) limit 1")[0]!;
    const page = await lead.get(`/staff/responses/${id}`);
    expect(page.html).toMatch(/Screening<strong class="nhsuk-tag nhsuk-tag--white app-suggested">Suggested<\/strong>/);
  });

  it("marks priorities as suitable to quote, adds notes, and assigns leads", async () => {
    const { id, priority } = rows<{ id: number; priority: number }>(db(), "select s.id, p.id priority from submissions s join priorities p on p.submission_id = s.id where p.suitable_to_quote = 0 limit 1")[0]!;
    await lead.post(`/staff/responses/${id}`, { intent: "quotable", priorityId: String(priority), quotable: "yes", version: String(version(id)) });
    expect(rows<{ q: number }>(db(), "select suitable_to_quote q from priorities where id = ?", priority)[0]!.q).toBe(1);
    const empty = await lead.post(`/staff/responses/${id}`, { intent: "note", body: "   " });
    expect(empty.status).toBe(400);
    await lead.post(`/staff/responses/${id}`, { intent: "note", body: "<b>Called PALS</b> about this" });
    const page = await lead.get(`/staff/responses/${id}`);
    expect(page.html).toContain("&lt;b&gt;Called PALS&lt;/b&gt; about this");
    await lead.post(`/staff/responses/${id}`, { intent: "assign", assigneeId: String(leadUser.id), version: String(version(id)) });
    const mine = await lead.get("/staff/responses?assigned=me");
    expect(responseIdsOn(mine)).toContain(id);
    const plannerUser = rows<{ id: number }>(db(), "select id from users where role = 'planner' limit 1")[0]!.id;
    expect((await lead.post(`/staff/responses/${id}`, { intent: "assign", assigneeId: String(plannerUser), version: String(version(id)) })).status).toBe(400);
  });

  it("raises, actions and reopens flags by hand, showing what to do while open", async () => {
    const { id } = rows<{ id: number }>(db(), "select id from submissions s where not exists (select 1 from submission_flags f where f.submission_id = s.id) limit 1")[0]!;
    await lead.post(`/staff/responses/${id}`, { intent: "flag", flagKind: "complaint" });
    let page = await lead.get(`/staff/responses/${id}`);
    expect(page.html).toContain("Complaint about care: what to do");
    expect(page.html).toContain("Patient Advice and Liaison Service");
    const { flagId } = rows<{ flagId: number }>(db(), "select id flagId from submission_flags where submission_id = ?", id)[0]!;
    const noNote = await lead.post(`/staff/responses/${id}`, { intent: "action-flag", flagId: String(flagId), note: "" });
    expect(noNote.status).toBe(400);
    await lead.post(`/staff/responses/${id}`, { intent: "action-flag", flagId: String(flagId), note: "Gave PALS details by email" });
    expect(rows(db(), "select state, actioned_by_user_id from submission_flags where id = ?", flagId)).toEqual([{ state: "actioned", actioned_by_user_id: leadUser.id }]);
    page = await lead.get(`/staff/responses/${id}`);
    expect(page.html).not.toContain("Complaint about care: what to do");
    await lead.post(`/staff/responses/${id}`, { intent: "reopen-flag", flagId: String(flagId) });
    expect(rows<{ state: string }>(db(), "select state from submission_flags where id = ?", flagId)[0]!.state).toBe("open");
  });

  it("keeps the inbox's filter for next and previous", async () => {
    const list = await lead.get("/staff/responses?status=themed");
    const [first, second] = responseIdsOn(list);
    const page = await lead.get(`/staff/responses/${first}?list=${encodeURIComponent("status=themed")}`);
    expect(page.html).toContain(`href="/staff/responses/${second}?list=status%3Dthemed"`);
  });
});

describe("screening of new responses", () => {
  it("flags a public response that mentions self-harm, and lists open safety flags first on the dashboard", async () => {
    const respondent = new BrowserClient(server.url);
    await fillJourney(respondent, { priorities: { ...validPriorities, priority1Why: "Some days I think about how to end my life" } });
    const reference = referenceIn((await respondent.post("/check-answers", {})).html);
    const { id } = rows<{ id: number }>(db(), "select id from submissions where reference = ?", reference)[0]!;
    expect(rows(db(), "select kind, source, state from submission_flags where submission_id = ?", id)).toEqual([{ kind: "safety", source: "auto", state: "open" }]);
    const dashboard = await lead.get("/staff");
    const flagsTable = dashboard.html.slice(dashboard.html.indexOf("Open flags"), dashboard.html.indexOf("At a glance"));
    const kinds = [...flagsTable.matchAll(/nhsuk-tag--red">(Safety concern|Complaint about care)/g)].map((match) => match[1]);
    expect(kinds.indexOf("Complaint about care") === -1 || kinds.lastIndexOf("Safety concern") < kinds.indexOf("Complaint about care")).toBe(true);
  });

  it("lets an admin add, turn off and turn on phrases, which flag the responses saved afterwards", async () => {
    const send = async () => {
      const respondent = new BrowserClient(server.url);
      await fillJourney(respondent, { priorities: { ...validPriorities, priority1Why: "The ward felt like a Wild-West Show at night" } });
      const reference = referenceIn((await respondent.post("/check-answers", {})).html);
      return rows<{ kind: string; matched_phrase: string }>(db(), "select f.kind, f.matched_phrase from submission_flags f join submissions s on s.id = f.submission_id where s.reference = ?", reference);
    };
    expect(await send()).toEqual([]);

    expect((await lead.get("/staff/admin/safety-phrases")).status).toBe(403);
    expect((await lead.post("/staff/admin/safety-phrases", { kind: "safety", phrase: "wild west show" })).status).toBe(403);
    const invalid = await admin.post("/staff/admin/safety-phrases", { kind: "worry", phrase: "  !! " });
    expect(invalid.status).toBe(400);
    expect(errorSummaryOf(invalid.html)).toEqual(["kind: Select what the phrase suggests", "phrase: Enter a phrase of at least 3 characters"]);

    const added = await admin.post("/staff/admin/safety-phrases", { kind: "safety", phrase: "  Wild   West show " });
    expect(added.status).toBe(200);
    expect(added.html).toContain("&quot;wild west show&quot; added");
    expect((await admin.post("/staff/admin/safety-phrases", { kind: "safety", phrase: "wild west show" })).status).toBe(409);
    expect(await send()).toEqual([{ kind: "safety", matched_phrase: "wild west show" }]);
    expect(count(db(), "select count(*) n from audit_log where action = 'safety_phrases.changed'")).toBe(1);

    const { id } = rows<{ id: number }>(db(), "select id from safety_phrases where phrase = 'wild west show'")[0]!;
    const list = await admin.get("/staff/admin/safety-phrases");
    expect(list.html).toMatch(/wild west show<\/td><td[^>]*>1<\/td><td[^>]*>On</);
    expect((await admin.post(`/staff/admin/safety-phrases?phrase=${id}`, { active: "no" })).html).toContain("turned off");
    expect(await send()).toEqual([]);
    expect((await admin.post(`/staff/admin/safety-phrases?phrase=${id}`, { active: "yes" })).html).toContain("turned on");
    expect(await send()).toEqual([{ kind: "safety", matched_phrase: "wild west show" }]);
    expect((await admin.post("/staff/admin/safety-phrases?phrase=999999", { active: "no" })).status).toBe(404);
    expect(count(db(), "select count(*) n from audit_log where action = 'safety_phrases.changed'")).toBe(3);
  });

  it("marks a resubmitted response as a likely duplicate, which can be merged (themes kept) or declared different", async () => {
    const send = async (why: string) => {
      const respondent = new BrowserClient(server.url);
      await fillJourney(respondent, { priorities: { ...validPriorities, priority1What: "Free parking at Clatterbridge for everyone having radiotherapy every day", priority1Why: why } });
      return referenceIn((await respondent.post("/check-answers", {})).html);
    };
    const originalRef = await send("It costs us twenty pounds a week and we are on benefits");
    const copyRef = await send("It costs us 20 pounds a week and we are on benefits");
    const [original] = rows<{ id: number }>(db(), "select id from submissions where reference = ?", originalRef);
    // The near-duplicate check runs in the background within a second or so of sending.
    const copy = await waitFor("the copy's near-duplicate check", () =>
      rows<{ id: number; duplicate_of_id: number | null }>(db(), "select id, duplicate_of_id from submissions where reference = ?", copyRef).find((row) => row.duplicate_of_id !== null),
    );
    expect(copy.duplicate_of_id).toBe(original!.id);

    const copyPriority = rows<{ id: number }>(db(), "select id from priorities where submission_id = ? and rank = 1", copy!.id)[0]!.id;
    const travel = rows<{ id: number }>(db(), "select id from themes where slug = 'travel-cost-closer-to-home'")[0]!.id;
    await lead.post(`/staff/responses/${copy!.id}`, { intent: "themes", priorityId: String(copyPriority), themeIds: [String(travel)], version: String(version(copy!.id)) });
    const page = await lead.get(`/staff/responses/${copy!.id}`);
    expect(page.html).toContain(`Likely a duplicate of`);
    await lead.post(`/staff/responses/${copy!.id}`, { intent: "duplicate", resolution: "merge", version: String(version(copy!.id)) });
    expect(rows(db(), "select status, excluded_reason from submissions where id = ?", copy!.id)).toEqual([{ status: "excluded", excluded_reason: "duplicate" }]);
    expect(count(db(), "select count(*) n from priority_themes pt join priorities p on p.id = pt.priority_id where p.submission_id = ? and pt.theme_id = ?", original!.id, travel)).toBe(1);

    const third = await send("It costs us twenty pounds a week and we are on benefits, honestly");
    const [thirdRow] = rows<{ id: number }>(db(), "select id from submissions where reference = ?", third);
    await lead.post(`/staff/responses/${thirdRow!.id}`, { intent: "duplicate", resolution: "not-duplicate", version: String(version(thirdRow!.id)) });
    expect(rows(db(), "select duplicate_of_id from submissions where id = ?", thirdRow!.id)).toEqual([{ duplicate_of_id: null }]);
  });
});

describe("bulk actions", () => {
  it("change the ticked responses in one transaction with one audit entry listing the ids", async () => {
    const ids = rows<{ id: number }>(db(), "select id from submissions where status = 'new' order by id limit 3").map((row) => String(row.id));
    const page = await lead.post("/staff/responses", { query: "status=new", ids, scope: "selected", bulkAction: "status:in_review" });
    expect(page.html).toContain("3 responses updated");
    expect(count(db(), `select count(*) n from submissions where status = 'in_review' and id in (${ids.join(",")})`)).toBe(3);
    const [entry] = rows<{ details: string }>(db(), "select details from audit_log where action = 'response.bulk_updated' order by id desc limit 1");
    expect(JSON.parse(entry!.details)).toMatchObject({ action: "status", status: "in_review", scope: "selected", ids: ids.map(Number) });
  });

  it("apply to every response matching the filter, including exclusion with a reason and adding a theme", async () => {
    const matching = count(db(), "select count(*) n from submissions where channel = 'event'");
    const excluded = await lead.post("/staff/responses", { query: "channel=event", scope: "filter", bulkAction: "exclude:test" });
    expect(excluded.html).toContain(`${matching} response`);
    expect(count(db(), "select count(*) n from submissions where channel = 'event' and status = 'excluded' and excluded_reason = 'test'")).toBe(matching);

    const other = rows<{ id: number }>(db(), "select id from themes where slug = 'other'")[0]!.id;
    await lead.post("/staff/responses", { query: "q=hospice", scope: "filter", bulkAction: `theme:${other}` });
    const byLead = "pt.theme_id = ? and pt.assigned_by_user_id = ?";
    expect(count(db(), `select count(*) n from priority_themes pt where ${byLead}`, other, leadUser.id)).toBeGreaterThan(0);
    expect(count(db(), `select count(*) n from priority_themes pt join priorities p on p.id = pt.priority_id where ${byLead} and p.what_text not like '%hospice%' and coalesce(p.why_text, '') not like '%hospice%'`, other, leadUser.id)).toBe(0);
  });

  it("refuse an empty selection or a missing action with a clear 400", async () => {
    const nothing = await lead.post("/staff/responses", { query: "", scope: "selected", bulkAction: "status:closed" });
    expect(nothing.status).toBe(400);
    expect(errorSummaryOf(nothing.html)).toEqual(["bulkAction: Select at least one response"]);
    const noAction = await lead.post("/staff/responses", { query: "", ids: ["1"], scope: "selected", bulkAction: "" });
    expect(noAction.status).toBe(400);
  });

  it("are not available to planners", async () => {
    expect((await planner.post("/staff/responses", { ids: ["1"], scope: "selected", bulkAction: "status:closed" })).status).toBe(403);
    const page = await planner.get("/staff/responses");
    expect(page.html).not.toContain("Change several responses at once");
  });
});

describe("responses entered by staff", () => {
  it("use the public questions plus channel and date, marked as entered by the lead, once however often posted", async () => {
    const form = await lead.get("/staff/responses/new");
    const entryKey = hiddenValue(form.html, "entryKey");
    const answers = { entryKey, channel: "paper", receivedOn: "2026-10-01", ...validPriorities, respondentTypes: ["carer"], place: "halton", email: "", contactPreferences: [] as string[] };
    const [a, b] = await Promise.all([lead.post("/staff/responses/new", answers), lead.post("/staff/responses/new", answers)]);
    expect(a.url).toBe(b.url);
    const id = Number(/\/staff\/responses\/(\d+)/.exec(a.url)![1]);
    expect(rows(db(), "select channel, substr(received_at, 1, 10) day, entered_by_user_id from submissions where id = ?", id)).toEqual([{ channel: "paper", day: "2026-10-01", entered_by_user_id: leadUser.id }]);
    expect(count(db(), "select count(*) n from submissions where idempotency_key = ?", `staff:${entryKey}`)).toBe(1);
    expect(a.html).toContain("entered by");
  });

  it("validate like the public form, and refuse dates in the future", async () => {
    const form = await lead.get("/staff/responses/new");
    const page = await lead.post("/staff/responses/new", { entryKey: hiddenValue(form.html, "entryKey"), channel: "", receivedOn: "2999-01-01", priority1What: "", place: "atlantis" });
    expect(page.status).toBe(400);
    expect(errorSummaryOf(page.html)).toEqual([
      "channel: Select how the response was received",
      "receivedOn: Date received must be today or in the past",
      "priority1What: Enter your first priority",
      "place: Select where you live from the list",
    ]);
  });

  it("cannot be entered by planners", async () => {
    expect((await planner.get("/staff/responses/new")).status).toBe(403);
  });
});

describe("the dashboard", () => {
  it("shows totals by status, new this week and untagged priorities that match the database", async () => {
    const page = await admin.get("/staff");
    for (const [status, label] of [["new", "New"], ["in_review", "In review"], ["themed", "Themed"], ["closed", "Closed"], ["excluded", "Excluded"]]) {
      const expected = count(db(), "select count(*) n from submissions where status = ?", status);
      expect(page.html, status).toContain(`>${label}</a></th><td class="nhsuk-table__cell nhsuk-table__cell--numeric">${expected.toLocaleString("en-GB")}<`);
    }
    const untagged = count(db(), "select count(*) n from priorities p join submissions s on s.id = p.submission_id where s.status != 'excluded' and not exists (select 1 from priority_themes pt where pt.priority_id = p.id)");
    expect(page.html).toContain(`${untagged.toLocaleString("en-GB")}</p><p class="nhsuk-card__description"><a class="nhsuk-card__link" data-discover="true" href="/staff/responses?theme=none">priorities without a theme`);
    expect(page.html).toContain('role="img"');
  });
});
