import { screeningTexts } from "~/modules/triage/screening.server";
import { comparableText, fingerprint, textSketch } from "~/modules/triage/text-similarity.server";

import type { DB, Executor } from "../client";
import type { DemoResponse } from "./generate";

export interface DemoInsertSummary {
  responses: number;
  priorities: number;
  priorityThemes: number;
  respondentTypes: number;
  trusts: number;
  equalityAnswers: number;
  flags: number;
}

export interface DemoInsertOptions {
  campaignCode: string;
  /** Responses written per transaction. */
  batchSize?: number;
  onBatch?: (summary: DemoInsertSummary) => void;
}

interface ReferenceIds {
  campaignId: number;
  places: Map<string, number>;
  trusts: Map<string, number>;
  themes: Map<string, number>;
}

/** Rows per INSERT statement: well under SQLite's limit of 32,766 bound parameters. */
const ROWS_PER_STATEMENT = 500;

/**
 * Writes generated responses with their priorities, themes, answers and flags, a batch of
 * responses per transaction and many rows per statement, so 100,000 responses (and the FTS
 * triggers on their priorities) take seconds rather than minutes. Creates no outbox rows: demo
 * responses never send email.
 */
export async function insertDemoResponses(db: DB, responses: Iterable<DemoResponse>, options: DemoInsertOptions): Promise<DemoInsertSummary> {
  const ids = await loadReferenceIds(db, options.campaignCode);
  const summary: DemoInsertSummary = { responses: 0, priorities: 0, priorityThemes: 0, respondentTypes: 0, trusts: 0, equalityAnswers: 0, flags: 0 };
  const batchSize = options.batchSize ?? 5_000;
  // Planted duplicates name the earlier response they copy by sequence number.
  const idsBySequence = new Map<number, number>();
  let batch: DemoResponse[] = [];
  const flush = async () => {
    await db.transaction().execute((trx) => insertBatch(trx, batch, ids, summary, idsBySequence));
    batch = [];
    options.onBatch?.(summary);
  };
  for (const response of responses) {
    batch.push(response);
    if (batch.length >= batchSize) await flush();
  }
  if (batch.length > 0) await flush();
  return summary;
}

async function loadReferenceIds(db: DB, campaignCode: string): Promise<ReferenceIds> {
  const campaign = await db.selectFrom("campaigns").select("id").where("code", "=", campaignCode).executeTakeFirst();
  if (!campaign) throw new Error(`No campaign with code ${campaignCode}: seed the reference data first.`);
  const byCode = (rows: { id: number; code: string }[]) => new Map(rows.map((row) => [row.code, row.id]));
  return {
    campaignId: campaign.id,
    places: byCode(await db.selectFrom("places").select(["id", "code"]).execute()),
    trusts: byCode(await db.selectFrom("trusts").select(["id", "code"]).execute()),
    themes: new Map((await db.selectFrom("themes").select(["id", "slug"]).execute()).map((row) => [row.slug, row.id])),
  };
}

function idOf(map: Map<string, number>, code: string, what: string): number {
  const id = map.get(code);
  if (id === undefined) throw new Error(`Unknown ${what} "${code}" in demo data: is the reference data seeded?`);
  return id;
}

function* chunksOf<T>(rows: T[]): Generator<T[]> {
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) yield rows.slice(start, start + ROWS_PER_STATEMENT);
}

/** The same screening data live responses get: fingerprint, shingle sketch and duplicate link. */
function screeningOf(response: DemoResponse) {
  const texts = screeningTexts(response.priorities.map((priority) => ({ what: priority.what, why: priority.why })));
  return { fingerprint: fingerprint(texts), sketch: textSketch(comparableText(texts)) };
}

async function insertBatch(trx: Executor, batch: DemoResponse[], ids: ReferenceIds, summary: DemoInsertSummary, idsBySequence: Map<number, number>): Promise<void> {
  const submissionIds = new Map<string, number>();
  const screening = new Map(batch.map((response) => [response.sequence, screeningOf(response)]));
  for (const chunk of chunksOf(batch)) {
    const rows = await trx
      .insertInto("submissions")
      .values(
        chunk.map((response) => ({
          reference: response.reference,
          campaign_id: ids.campaignId,
          idempotency_key: null,
          channel: response.channel,
          received_at: response.receivedAt,
          created_at: response.createdAt,
          updated_at: response.updatedAt,
          place_id: response.placeCode === null ? null : idOf(ids.places, response.placeCode, "place"),
          place_prefer_not_to_say: response.placePreferNotToSay ? 1 : 0,
          cancer_type: response.cancerType,
          organisation_name: response.organisationName,
          email: response.email,
          opt_in_updates: response.optInUpdates ? 1 : 0,
          opt_in_involvement: response.optInInvolvement ? 1 : 0,
          status: response.status,
          version: response.version,
          excluded_reason: response.excludedReason,
          text_fingerprint: screening.get(response.sequence)!.fingerprint,
        })),
      )
      .returning(["id", "reference"])
      .execute();
    for (const row of rows) submissionIds.set(row.reference, row.id);
    for (const response of chunk) idsBySequence.set(response.sequence, submissionIds.get(response.reference)!);
  }
  // A planted duplicate's original can be in the same statement, so links are written afterwards.
  for (const response of batch) {
    if (response.planted.duplicateOf === null) continue;
    const original = idsBySequence.get(response.planted.duplicateOf);
    if (original !== undefined) {
      await trx.updateTable("submissions").set({ duplicate_of_id: original }).where("id", "=", submissionIds.get(response.reference)!).execute();
    }
  }
  const submissionId = (response: DemoResponse) => submissionIds.get(response.reference)!;

  const priorityIds = new Map<string, number>();
  const priorities = batch.flatMap((response) =>
    response.priorities.map((priority) => ({
      submission_id: submissionId(response),
      rank: priority.rank,
      what_text: priority.what,
      why_text: priority.why,
      support_needed: priority.support,
      suitable_to_quote: priority.suitableToQuote ? (1 as const) : (0 as const),
    })),
  );
  for (const chunk of chunksOf(priorities)) {
    const rows = await trx
      .insertInto("priorities")
      .values(chunk)
      .returning(["id", "submission_id", "rank"])
      .execute();
    for (const row of rows) priorityIds.set(`${row.submission_id}:${row.rank}`, row.id);
  }

  const priorityThemes = batch.flatMap((response) =>
    response.priorities.flatMap((priority) =>
      priority.confirmedThemeSlugs.map((slug) => ({
        priority_id: priorityIds.get(`${submissionId(response)}:${priority.rank}`)!,
        theme_id: idOf(ids.themes, slug, "theme"),
        assigned_by_user_id: null,
        assigned_at: response.updatedAt,
      })),
    ),
  );
  const respondentTypes = batch.flatMap((response) =>
    response.respondentTypes.map((type) => ({ submission_id: submissionId(response), respondent_type: type })),
  );
  const trusts = batch.flatMap((response) =>
    response.trusts.map((code) => {
      const trustId = ids.trusts.get(code);
      return { submission_id: submissionId(response), trust_id: trustId ?? null, other_answer: trustId === undefined ? code : null };
    }),
  );
  const equality = batch.flatMap((response) => {
    const answers = response.equality;
    return answers
      ? [
          {
            submission_id: submissionId(response),
            age_band: answers.ageBand,
            sex: answers.sex,
            gender_same_as_birth: answers.genderSameAsBirth,
            sexual_orientation: answers.sexualOrientation,
            ethnic_group: answers.ethnicGroup,
            ethnic_background: answers.ethnicBackground,
            religion: answers.religion,
            disability: answers.disability,
            unpaid_carer: answers.unpaidCarer,
            created_at: answers.createdAt,
          },
        ]
      : [];
  });
  const flags = batch.flatMap((response) =>
    response.flags.map((flag) => ({
      submission_id: submissionId(response),
      kind: flag.kind,
      source: "auto" as const,
      state: flag.state,
      matched_phrase: flag.phrase,
      raised_by_user_id: null,
      raised_at: flag.raisedAt,
      actioned_by_user_id: null,
      actioned_at: flag.actionedAt,
      action_note: flag.actionNote,
    })),
  );

  for (const chunk of chunksOf(priorityThemes)) await trx.insertInto("priority_themes").values(chunk).execute();
  for (const chunk of chunksOf(respondentTypes)) await trx.insertInto("submission_respondent_types").values(chunk).execute();
  for (const chunk of chunksOf(trusts)) await trx.insertInto("submission_trusts").values(chunk).execute();
  for (const chunk of chunksOf(equality)) await trx.insertInto("equality_answers").values(chunk).execute();
  for (const chunk of chunksOf(flags)) await trx.insertInto("submission_flags").values(chunk).execute();
  const sketches = batch.flatMap((response) => screening.get(response.sequence)!.sketch.map((value) => ({ value, submission_id: submissionId(response) })));
  for (const chunk of chunksOf(sketches)) await trx.insertInto("submission_text_sketch").values(chunk).onConflict((oc) => oc.doNothing()).execute();

  summary.responses += batch.length;
  summary.priorities += priorities.length;
  summary.priorityThemes += priorityThemes.length;
  summary.respondentTypes += respondentTypes.length;
  summary.trusts += trusts.length;
  summary.equalityAnswers += equality.length;
  summary.flags += flags.length;
}
