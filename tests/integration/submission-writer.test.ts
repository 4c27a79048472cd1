import { afterEach, beforeEach, describe, expect, it } from "vitest";

import type { DB } from "~db/client";

import { createLogger } from "~/modules/observability/logger";
import { loadJourneyReferenceData, type JourneyReferenceData } from "~/modules/reference-data/queries.server";
import { prioritiesSchema, stayInTouchSchema, aboutYouSchemaFor } from "~/modules/submissions/journey-schemas";
import { SubmissionWriter } from "~/modules/submissions/submission-writer.server";
import { createFlagMatcher } from "~/modules/triage/safety-flags";
import { screenPendingNearDuplicates } from "~/modules/triage/screening.server";
import type { NewSubmissionRequest } from "~/modules/submissions/submit.server";

import { createTestDatabase } from "../support/test-database";

let db: DB;
let cleanup: () => Promise<void>;
let referenceData: JourneyReferenceData;
const silent = createLogger("error", () => {});

beforeEach(async () => {
  ({ db, cleanup } = await createTestDatabase());
  referenceData = await loadJourneyReferenceData(db);
});
afterEach(async () => {
  await cleanup();
});

function request(key: string, overrides: Partial<NewSubmissionRequest> = {}): NewSubmissionRequest {
  const now = new Date("2026-11-23T10:00:00.000Z");
  return {
    campaign: { id: 1, code: "ICCT" },
    response: {
      priorities: prioritiesSchema.parse({ priority1What: `Priority for ${key}` }),
      aboutYou: aboutYouSchemaFor(referenceData).parse({ place: "halton", respondentTypes: ["public"] }),
      stayInTouch: stayInTouchSchema.parse({ email: "a@example.com" }),
    },
    referenceData,
    idempotencyKey: key,
    channel: "online",
    receivedAt: now,
    now,
    messageIdDomain: "example.test",
    matchFlags: createFlagMatcher([{ phrase: "harm myself", kind: "safety" }]),
    ...overrides,
  };
}

async function count(table: "submissions" | "priorities" | "outbox"): Promise<number> {
  const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(row.n);
}

describe("SubmissionWriter", () => {
  it("writes submissions that arrive together in shared transactions, each fully", async () => {
    const writer = new SubmissionWriter(db, silent);
    const receipts = await Promise.all(Array.from({ length: 60 }, (_, i) => writer.submit(request(`key-${i}`))));
    expect(new Set(receipts.map((r) => r.reference)).size).toBe(60);
    expect(receipts.every((r) => r.created)).toBe(true);
    expect(await count("submissions")).toBe(60);
    expect(await count("priorities")).toBe(60);
    expect(await count("outbox")).toBe(60);
    expect(writer.stats.written).toBe(60);
    expect(writer.stats.transactions).toBeLessThan(60);
  });

  it("returns the first submission for a repeated key, within a batch and later", async () => {
    const writer = new SubmissionWriter(db, silent);
    const receipts = await Promise.all(Array.from({ length: 20 }, () => writer.submit(request("same-key"))));
    expect(new Set(receipts.map((r) => r.submissionId)).size).toBe(1);
    expect(receipts.filter((r) => r.created)).toHaveLength(1);
    const later = await writer.submit(request("same-key"));
    expect(later).toMatchObject({ submissionId: receipts[0]!.submissionId, created: false });
    expect(await count("submissions")).toBe(1);
    expect(await count("outbox")).toBe(1);
  });

  it("rolls back only the submission that fails, leaving the rest of its batch written", async () => {
    const writer = new SubmissionWriter(db, silent);
    const results = await Promise.allSettled([
      writer.submit(request("good-1")),
      writer.submit(request("bad", { campaign: { id: 999, code: "ICCT" } })),
      writer.submit(request("good-2")),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(await count("submissions")).toBe(2);
    expect(await count("priorities")).toBe(2);
    expect(await count("outbox")).toBe(2);
  });

  it("runs the caller's follow-up in the same transaction, only for new submissions", async () => {
    const writer = new SubmissionWriter(db, silent);
    const seen: number[] = [];
    const first = await writer.submit(request("follow-up"), async (_trx, receipt) => {
      seen.push(receipt.submissionId);
    });
    await writer.submit(request("follow-up"), async (_trx, receipt) => {
      seen.push(receipt.submissionId);
    });
    expect(seen).toEqual([first.submissionId]);
  });

  it("drains what is queued before shutdown", async () => {
    const writer = new SubmissionWriter(db, silent);
    const pending = writer.submit(request("at-shutdown"));
    await writer.drain();
    expect(await count("submissions")).toBe(1);
    await pending;
  });
});

describe("screening new responses", () => {
  async function submitWith(key: string, first: string, why = "") {
    const writer = new SubmissionWriter(db, silent);
    const base = request(key);
    return writer.submit({
      ...base,
      response: { ...base.response, priorities: prioritiesSchema.parse({ priority1What: first, priority1Why: why }) },
    });
  }

  const links = () => db.selectFrom("submissions").select(["id", "duplicate_of_id"]).orderBy("id").execute();
  const queued = async () => (await db.selectFrom("near_duplicate_checks").select("submission_id").orderBy("submission_id").execute()).map((row) => row.submission_id);

  it("links an exact copy on arrival and a near copy once its check has run, and leaves different ones alone", async () => {
    const original = await submitWith("a", "Faster access to CT scans when the GP is worried about cancer", "My dad waited six weeks for a scan and the worry was unbearable");
    const exact = await submitWith("b", "faster access to CT scans, when the GP is worried about cancer!", "My dad waited six weeks for a scan and the worry was unbearable.");
    const near = await submitWith("c", "Faster access to CT scans when the GP is worried about cancer", "My dad waited 6 weeks for a scan and the worry was unbearable");
    const other = await submitWith("d", "Free parking at the cancer centre for patients having treatment every day", "It costs us a fortune");
    expect(await links()).toEqual([
      { id: original.submissionId, duplicate_of_id: null },
      { id: exact.submissionId, duplicate_of_id: original.submissionId },
      { id: near.submissionId, duplicate_of_id: null },
      { id: other.submissionId, duplicate_of_id: null },
    ]);
    expect(await queued()).toEqual([original.submissionId, exact.submissionId, near.submissionId, other.submissionId]);
    expect(await db.selectFrom("submission_text_sketch").select("submission_id").execute()).toEqual([]);

    expect(await screenPendingNearDuplicates(db)).toBe(4);
    expect(await links()).toEqual([
      { id: original.submissionId, duplicate_of_id: null },
      { id: exact.submissionId, duplicate_of_id: original.submissionId },
      { id: near.submissionId, duplicate_of_id: original.submissionId },
      { id: other.submissionId, duplicate_of_id: null },
    ]);
    expect(await queued()).toEqual([]);
    const sketched = await db.selectFrom("submission_text_sketch").select("submission_id").distinct().orderBy("submission_id").execute();
    expect(sketched.map((row) => row.submission_id)).toEqual([original.submissionId, exact.submissionId, near.submissionId, other.submissionId]);
    expect(await screenPendingNearDuplicates(db)).toBe(0);
  });

  it("checks responses in the order they arrived, in batches, marking each copy as a copy of the first", async () => {
    const why = "My mum waited six weeks for a scan and the worry was unbearable for all of us";
    const first = await submitWith("e", "Faster access to CT scans when the GP is worried about cancer", why);
    const copies = [];
    for (const key of ["f", "g", "h", "i", "j"]) copies.push(await submitWith(key, `Faster access to CT scans when the GP is worried about cancer (${key})`, why));
    expect(await screenPendingNearDuplicates(db, { batchSize: 2, limit: 4 })).toBe(4);
    expect(await queued()).toEqual(copies.slice(3).map((copy) => copy.submissionId));
    expect(await screenPendingNearDuplicates(db, { batchSize: 2 })).toBe(2);
    expect(await links()).toEqual([{ id: first.submissionId, duplicate_of_id: null }, ...copies.map((copy) => ({ id: copy.submissionId, duplicate_of_id: first.submissionId }))]);
  });

  it("leaves nothing queued for a response that is erased before its check", async () => {
    const gone = await submitWith("k", "Faster access to CT scans when the GP is worried about cancer", "My dad waited six weeks");
    await db.deleteFrom("submissions").where("id", "=", gone.submissionId).execute();
    expect(await queued()).toEqual([]);
  });

  it("raises an automatic flag when the text contains a phrase from the list", async () => {
    const flagged = await submitWith("e", "Support after treatment, I sometimes feel I could harm myself");
    const flags = await db.selectFrom("submission_flags").selectAll().execute();
    expect(flags).toEqual([expect.objectContaining({ submission_id: flagged.submissionId, kind: "safety", source: "auto", state: "open", matched_phrase: "harm myself" })]);
  });
});
