import type { Executor } from "~db/client";
import type { FlagKind, SubmissionChannel, SubmissionStatus, SupportNeeded } from "~db/schema";

import { labelFor, respondentTypeOptions, supportOptions, cancerTypeOptions, trustOtherOptions, PREFER_NOT_TO_SAY } from "~/modules/submissions/options";
import { listActiveThemes } from "~/modules/themes/taxonomy.server";

import { suggestThemes } from "./theme-suggestions";

export interface ResponsePriority {
  id: number;
  rank: 1 | 2 | 3;
  what: string;
  why: string | null;
  support: string | null;
  supportCode: SupportNeeded | null;
  suitableToQuote: boolean;
  themes: { id: number; name: string; slug: string }[];
  suggested: { id: number; name: string; slug: string }[];
}

export interface ResponseFlag {
  id: number;
  kind: FlagKind;
  source: "auto" | "manual";
  state: "open" | "actioned";
  matchedPhrase: string | null;
  raisedBy: string | null;
  raisedAt: string;
  actionedBy: string | null;
  actionedAt: string | null;
  actionNote: string | null;
}

export interface ResponseDetail {
  id: number;
  reference: string;
  version: number;
  status: SubmissionStatus;
  exclusionReason: string | null;
  channel: SubmissionChannel;
  receivedAt: string;
  enteredBy: string | null;
  campaign: string;
  assignee: { id: number; name: string } | null;
  respondentTypes: string[];
  organisationName: string | null;
  place: string | null;
  trusts: string[];
  cancerType: string | null;
  email: string | null;
  contactPreferences: string[];
  priorities: ResponsePriority[];
  flags: ResponseFlag[];
  notes: { id: number; author: string; body: string; createdAt: string }[];
  duplicateOf: { id: number; reference: string } | null;
  duplicates: { id: number; reference: string }[];
  hasEquality: boolean;
}

/** Everything the response page shows, except equality answers (see loadEqualityAnswers). */
export async function loadResponse(db: Executor, id: number): Promise<ResponseDetail | null> {
  const row = await db
    .selectFrom("submissions")
    .innerJoin("campaigns", "campaigns.id", "submissions.campaign_id")
    .leftJoin("places", "places.id", "submissions.place_id")
    .leftJoin("users as assignee", "assignee.id", "submissions.assigned_to_user_id")
    .leftJoin("users as enterer", "enterer.id", "submissions.entered_by_user_id")
    .leftJoin("submissions as original", "original.id", "submissions.duplicate_of_id")
    .select([
      "submissions.id",
      "submissions.reference",
      "submissions.version",
      "submissions.status",
      "submissions.excluded_reason",
      "submissions.channel",
      "submissions.received_at",
      "submissions.place_prefer_not_to_say",
      "submissions.cancer_type",
      "submissions.organisation_name",
      "submissions.email",
      "submissions.opt_in_updates",
      "submissions.opt_in_involvement",
      "campaigns.title as campaign",
      "places.name as place",
      "assignee.id as assignee_id",
      "assignee.name as assignee_name",
      "enterer.name as entered_by",
      "original.id as original_id",
      "original.reference as original_reference",
    ])
    .where("submissions.id", "=", id)
    .executeTakeFirst();
  if (!row) return null;

  const [priorities, confirmed, types, trusts, flags, notes, duplicates, equality, themes] = await Promise.all([
    db.selectFrom("priorities").selectAll().where("submission_id", "=", id).orderBy("rank").execute(),
    db
      .selectFrom("priority_themes")
      .innerJoin("priorities", "priorities.id", "priority_themes.priority_id")
      .innerJoin("themes", "themes.id", "priority_themes.theme_id")
      .select(["priority_themes.priority_id", "themes.id", "themes.name", "themes.slug"])
      .where("priorities.submission_id", "=", id)
      .orderBy("themes.sort_order")
      .execute(),
    db.selectFrom("submission_respondent_types").select("respondent_type").where("submission_id", "=", id).execute(),
    db
      .selectFrom("submission_trusts")
      .leftJoin("trusts", "trusts.id", "submission_trusts.trust_id")
      .select(["trusts.name", "submission_trusts.other_answer"])
      .where("submission_id", "=", id)
      .execute(),
    db
      .selectFrom("submission_flags")
      .leftJoin("users as raiser", "raiser.id", "submission_flags.raised_by_user_id")
      .leftJoin("users as actioner", "actioner.id", "submission_flags.actioned_by_user_id")
      .select([
        "submission_flags.id",
        "submission_flags.kind",
        "submission_flags.source",
        "submission_flags.state",
        "submission_flags.matched_phrase",
        "submission_flags.raised_at",
        "submission_flags.actioned_at",
        "submission_flags.action_note",
        "raiser.name as raised_by",
        "actioner.name as actioned_by",
      ])
      .where("submission_flags.submission_id", "=", id)
      .orderBy("submission_flags.kind")
      .execute(),
    db
      .selectFrom("submission_notes")
      .innerJoin("users", "users.id", "submission_notes.author_user_id")
      .select(["submission_notes.id", "users.name as author", "submission_notes.body", "submission_notes.created_at"])
      .where("submission_notes.submission_id", "=", id)
      .orderBy("submission_notes.created_at")
      .execute(),
    db.selectFrom("submissions").select(["id", "reference"]).where("duplicate_of_id", "=", id).orderBy("id").execute(),
    db.selectFrom("equality_answers").select("submission_id").where("submission_id", "=", id).executeTakeFirst(),
    listActiveThemes(db),
  ]);

  return {
    id: row.id,
    reference: row.reference,
    version: row.version,
    status: row.status,
    exclusionReason: row.excluded_reason,
    channel: row.channel,
    receivedAt: row.received_at,
    enteredBy: row.entered_by,
    campaign: row.campaign,
    assignee: row.assignee_id && row.assignee_name ? { id: row.assignee_id, name: row.assignee_name } : null,
    respondentTypes: types.map((type) => labelFor(respondentTypeOptions, type.respondent_type) ?? type.respondent_type),
    organisationName: row.organisation_name,
    place: row.place_prefer_not_to_say ? "Prefer not to say" : row.place,
    trusts: trusts.map((trust) => trust.name ?? labelFor(trustOtherOptions, trust.other_answer) ?? trust.other_answer ?? ""),
    cancerType: row.cancer_type === PREFER_NOT_TO_SAY ? "Prefer not to say" : (labelFor(cancerTypeOptions, row.cancer_type) ?? null),
    email: row.email,
    contactPreferences: [
      ...(row.opt_in_updates ? ["How views were used"] : []),
      ...(row.opt_in_involvement ? ["Getting involved"] : []),
    ],
    priorities: priorities.map((priority) => {
      const own = confirmed.filter((theme) => theme.priority_id === priority.id).map(({ id, name, slug }) => ({ id, name, slug }));
      const text = [priority.what_text, priority.why_text ?? ""].join(" ");
      return {
        id: priority.id,
        rank: priority.rank,
        what: priority.what_text,
        why: priority.why_text,
        support: labelFor(supportOptions, priority.support_needed) ?? null,
        supportCode: priority.support_needed,
        suitableToQuote: priority.suitable_to_quote === 1,
        themes: own,
        suggested: suggestThemes(text, themes.map((theme) => ({ id: theme.id, name: theme.name, slug: theme.slug, keywords: theme.keywordList })))
          .filter((suggestion) => !own.some((theme) => theme.id === suggestion.id))
          .slice(0, 3),
      };
    }),
    flags: flags.map((flag) => ({
      id: flag.id,
      kind: flag.kind,
      source: flag.source,
      state: flag.state,
      matchedPhrase: flag.matched_phrase,
      raisedBy: flag.raised_by,
      raisedAt: flag.raised_at,
      actionedBy: flag.actioned_by,
      actionedAt: flag.actioned_at,
      actionNote: flag.action_note,
    })),
    notes: notes.map((note) => ({ id: note.id, author: note.author, body: note.body, createdAt: note.created_at })),
    duplicateOf: row.original_id && row.original_reference ? { id: row.original_id, reference: row.original_reference } : null,
    duplicates,
    hasEquality: Boolean(equality),
  };
}

