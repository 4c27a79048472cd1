import { Readable } from "node:stream";

import SQLite from "better-sqlite3";
import { sql, type AliasedExpression, type CompiledQuery, type Expression, type RawBuilder } from "kysely";

import type { Executor } from "~db/client";
import type { SubmissionChannel, SubmissionStatus, SupportNeeded } from "~db/schema";

import { equalityQuestions, ethnicBackgrounds, isEthnicGroupCode } from "~/modules/submissions/equality-options";
import { supportOptions } from "~/modules/submissions/options";
import { londonMonthOf } from "~/modules/time/london-time";
import { channelLabels, exclusionReasonLabels, statusLabels } from "~/modules/triage/inbox-filters";

import { CSV_BOM, csvRow, type CsvValue } from "./csv";
import { REDACTION_RULES_VERSION, redactPersonalDetails } from "./redaction";
import { respondentTypeFilterCodes, respondentTypeReportLabels } from "./report-filters";
import { priorityInScope, submissionInScope, type PrioritiesEb, type ReportReferenceData, type ReportScope } from "./report-scope.server";

/**
 * The report's CSV exports, streamed: rows come from a read-only SQLite connection of the
 * export's own, a few hundred at a time and only as fast as the reader takes them, so memory
 * stays flat however many there are and the writer connection every other request uses is never
 * held up. Free text is redacted in every export, from the stored redactions where they are up to
 * date (docs/decisions/012-report-csv-exports.md). Columns are documented in docs/reports.md.
 */

export const reportExportKinds = ["priorities", "responses", "quotes"] as const;
export type ReportExportKind = (typeof reportExportKinds)[number];

export function isReportExportKind(value: string): value is ReportExportKind {
  return (reportExportKinds as readonly string[]).includes(value);
}

/** Rows pushed at a time: small enough that a batch holds the event loop for a few milliseconds. */
const ROWS_PER_BATCH = 500;
const RANKS = [1, 2, 3] as const;

// ---------------------------------------------------------------------------------------------
// Selecting: each export is a list of named SQL expressions. Rows are read as arrays (much faster
// than objects for wide rows) and their cells found by the same names.

type Selection = readonly (readonly [name: string, expression: { as: (alias: string) => AliasedExpression<unknown, string> }])[];

type Row = readonly unknown[];

/** Positions of a selection's columns by name. */
function positions(selection: Selection): Map<string, number> {
  return new Map(selection.map(([name], index) => [name, index]));
}

function cell<T>(row: Row, at: Map<string, number>, name: string): T {
  const index = at.get(name);
  if (index === undefined) throw new Error(`no column ${name} in this export`);
  return row[index] as T;
}

/**
 * `value` for every row of a correlated subquery, joined with `separator` (in no particular order:
 * the caller sorts). SQLite's group_concat; PostgreSQL would use string_agg.
 */
function joinedValues(value: Expression<unknown>, separator: string): RawBuilder<string | null> {
  return sql<string | null>`group_concat(${value}, ${separator})`;
}

function themeIdsOf(db: Executor, priorityId: Expression<number>) {
  return db.selectFrom("priority_themes as pt").select(joinedValues(sql.ref("pt.theme_id"), ",").as("ids")).where("pt.priority_id", "=", priorityId);
}

function respondentTypesOf(db: Executor, submissionId: Expression<number>) {
  return db.selectFrom("submission_respondent_types as rt").select(joinedValues(sql.ref("rt.respondent_type"), ",").as("codes")).where("rt.submission_id", "=", submissionId);
}

/**
 * A priority's text, redacted: the stored redaction when it was made under the current rules,
 * otherwise the original (only then), for the export to redact as it goes.
 */
function redactionSelection(prefix: string, priority: string, redaction: string): Selection {
  return [
    [`${prefix}redacted_what`, sql.ref(`${redaction}.what_text`)],
    [`${prefix}redacted_why`, sql.ref(`${redaction}.why_text`)],
    [`${prefix}unredacted_what`, sql`case when ${sql.ref(`${redaction}.priority_id`)} is null then ${sql.ref(`${priority}.what_text`)} end`],
    [`${prefix}unredacted_why`, sql`case when ${sql.ref(`${redaction}.priority_id`)} is null then ${sql.ref(`${priority}.why_text`)} end`],
  ];
}

function redactedText(row: Row, at: Map<string, number>, prefix: string, field: "what" | "why"): string | null {
  const stored = cell<string | null>(row, at, `${prefix}redacted_${field}`);
  if (stored !== null) return stored;
  const original = cell<string | null>(row, at, `${prefix}unredacted_${field}`);
  return original === null ? null : redactPersonalDetails(original).text;
}

// ---------------------------------------------------------------------------------------------
// Labels

const supportLabels = new Map<string, string>(supportOptions.map((option) => [option.code, option.label]));
const respondentTypeOrder = new Map<string, number>(respondentTypeFilterCodes.map((code, index) => [code, index]));

const equalityColumns = [
  ["age_band", "ageBand"],
  ["sex", "sex"],
  ["gender_same_as_birth", "genderSameAsBirth"],
  ["sexual_orientation", "sexualOrientation"],
  ["ethnic_group", "ethnicGroup"],
  ["religion", "religion"],
  ["disability", "disability"],
  ["unpaid_carer", "unpaidCarer"],
] as const satisfies readonly (readonly [string, (typeof equalityQuestions)[number]["name"]])[];

const equalityLabels = new Map(
  equalityColumns.map(([column, name]) => [column, new Map<string, string>(equalityQuestions.find((question) => question.name === name)!.options.map((option) => [option.code, option.label]))]),
);
const ethnicBackgroundLabels = new Map(
  Object.entries(ethnicBackgrounds).map(([group, background]) => [group, new Map<string, string>(background.options.map((option) => [option.code, option.label]))]),
);

/** Equality columns (only for staff with read:equality): each answer's label, blank when not answered. */
const equalityColumnNames = [...equalityColumns.map(([column]) => column), "ethnic_background"];
const equalitySelection: Selection = equalityColumnNames.map((column) => [column, sql.ref(`e.${column}`)]);

function equalityValues(row: Row, at: Map<string, number>): CsvValue[] {
  const values: CsvValue[] = equalityColumns.map(([column]) => {
    const code = cell<string | null>(row, at, column);
    return code === null ? null : (equalityLabels.get(column)!.get(code) ?? null);
  });
  const group = cell<string | null>(row, at, "ethnic_group");
  const background = cell<string | null>(row, at, "ethnic_background");
  values.push(group && background && isEthnicGroupCode(group) ? (ethnicBackgroundLabels.get(group)!.get(background) ?? null) : null);
  return values;
}

function yesNo(flag: number): string {
  return flag === 1 ? "yes" : "no";
}

/**
 * Names for the lists of theme ids and respondent type codes the query returns. An export meets
 * the same few hundred combinations again and again, so each is worked out once.
 */
class ExportLabels {
  readonly #themes: Map<number, { name: string; order: number }>;
  readonly #themeLists = new Map<string, string>();
  readonly #typeLists = new Map<string, string>();

  constructor(reference: ReportReferenceData) {
    this.#themes = new Map(reference.themes.map((theme, order) => [theme.id, { name: theme.name, order }]));
  }

  themeNames(ids: string | null): string | null {
    if (!ids) return null;
    let names = this.#themeLists.get(ids);
    if (names === undefined) {
      names = ids
        .split(",")
        .map((id) => this.#themes.get(Number(id)))
        .filter((theme) => theme !== undefined)
        .sort((a, b) => a.order - b.order)
        .map((theme) => theme.name)
        .join("; ");
      this.#themeLists.set(ids, names);
    }
    return names;
  }

  respondentTypes(codes: string | null): string | null {
    if (!codes) return null;
    let labels = this.#typeLists.get(codes);
    if (labels === undefined) {
      labels = codes
        .split(",")
        .sort((a, b) => (respondentTypeOrder.get(a) ?? 99) - (respondentTypeOrder.get(b) ?? 99))
        .map((code) => respondentTypeReportLabels[code as keyof typeof respondentTypeReportLabels] ?? code)
        .join("; ");
      this.#typeLists.set(codes, labels);
    }
    return labels;
  }
}

// ---------------------------------------------------------------------------------------------
// The exports

interface ExportDefinition {
  header: (withEquality: boolean) => string[];
  selection: (db: Executor, withEquality: boolean) => Selection;
  query: (db: Executor, scope: ReportScope, selection: Selection, withEquality: boolean) => CompiledQuery<unknown>;
  values: (row: Row, at: Map<string, number>, labels: ExportLabels, withEquality: boolean) => CsvValue[];
}

const submissionColumnNames = ["reference", "received_at", "channel", "status", "excluded_reason", "campaign", "place", "respondent_types"];

function submissionSelection(db: Executor): Selection {
  return [
    ["reference", sql.ref("submissions.reference")],
    ["received_at", sql.ref("submissions.received_at")],
    ["channel", sql.ref("submissions.channel")],
    ["status", sql.ref("submissions.status")],
    ["excluded_reason", sql.ref("submissions.excluded_reason")],
    ["campaign", sql.ref("campaigns.code")],
    ["place", sql.ref("places.name")],
    ["place_prefer_not_to_say", sql.ref("submissions.place_prefer_not_to_say")],
    ["respondent_types", respondentTypesOf(db, sql.ref("submissions.id"))],
  ];
}

function submissionValues(row: Row, at: Map<string, number>, labels: ExportLabels): CsvValue[] {
  const excluded = cell<keyof typeof exclusionReasonLabels | null>(row, at, "excluded_reason");
  return [
    cell<string>(row, at, "reference"),
    cell<string>(row, at, "received_at"),
    channelLabels[cell<SubmissionChannel>(row, at, "channel")],
    statusLabels[cell<SubmissionStatus>(row, at, "status")],
    excluded ? exclusionReasonLabels[excluded] : null,
    cell<string>(row, at, "campaign"),
    cell<string | null>(row, at, "place") ?? (cell<number>(row, at, "place_prefer_not_to_say") === 1 ? "Prefer not to say" : null),
    labels.respondentTypes(cell<string | null>(row, at, "respondent_types")),
  ];
}

/** The scoped responses, oldest first, with what the selection needs joined. */
function scopedSubmissions(db: Executor, scope: ReportScope) {
  return db
    .selectFrom("submissions")
    .innerJoin("campaigns", "campaigns.id", "submissions.campaign_id")
    .leftJoin("places", "places.id", "submissions.place_id")
    .where((eb) => submissionInScope(eb, scope))
    .orderBy("submissions.received_at")
    .orderBy("submissions.id");
}

function selectAll(selection: Selection) {
  return selection.map(([name, expression]) => expression.as(name));
}

const priorityExport: ExportDefinition = {
  header: (withEquality) => [
    ...submissionColumnNames,
    "priority_rank",
    "priority",
    "why_it_matters",
    "support_needed",
    "themes",
    "suitable_to_quote",
    ...(withEquality ? equalityColumnNames : []),
  ],
  selection: (db, withEquality) => [
    ...submissionSelection(db),
    ["rank", sql.ref("priorities.rank")],
    ...redactionSelection("", "priorities", "r"),
    ["support_needed", sql.ref("priorities.support_needed")],
    ["theme_ids", themeIdsOf(db, sql.ref("priorities.id"))],
    ["suitable_to_quote", sql.ref("priorities.suitable_to_quote")],
    ...(withEquality ? equalitySelection : []),
  ],
  query: (db, scope, selection, withEquality) =>
    scopedSubmissions(db, scope)
      .innerJoin("priorities", "priorities.submission_id", "submissions.id")
      .leftJoin("priority_redactions as r", (join) => join.onRef("r.priority_id", "=", "priorities.id").on("r.rules_version", "=", REDACTION_RULES_VERSION))
      .$if(withEquality, (qb) => qb.leftJoin("equality_answers as e", "e.submission_id", "submissions.id"))
      .where((eb) => priorityInScope(eb as unknown as PrioritiesEb, scope))
      .select(selectAll(selection))
      .orderBy("priorities.rank")
      .compile(),
  values: (row, at, labels, withEquality) => {
    const support = cell<SupportNeeded | null>(row, at, "support_needed");
    return [
      ...submissionValues(row, at, labels),
      cell<number>(row, at, "rank"),
      redactedText(row, at, "", "what"),
      redactedText(row, at, "", "why"),
      support ? (supportLabels.get(support) ?? null) : null,
      labels.themeNames(cell<string | null>(row, at, "theme_ids")),
      yesNo(cell<number>(row, at, "suitable_to_quote")),
      ...(withEquality ? equalityValues(row, at) : []),
    ];
  },
};

/** Every priority of a response, not only those matching a theme filter: the response is the unit. */
const responseExport: ExportDefinition = {
  header: (withEquality) => [
    ...submissionColumnNames,
    "priorities",
    ...RANKS.flatMap((rank) => [`priority_${rank}`, `priority_${rank}_why_it_matters`, `priority_${rank}_support_needed`, `priority_${rank}_themes`, `priority_${rank}_suitable_to_quote`]),
    ...(withEquality ? equalityColumnNames : []),
  ],
  selection: (db, withEquality) => [
    ...submissionSelection(db),
    ...RANKS.flatMap((rank): Selection => [
      [`p${rank}_id`, sql.ref(`p${rank}.id`)],
      ...redactionSelection(`p${rank}_`, `p${rank}`, `r${rank}`),
      [`p${rank}_support_needed`, sql.ref(`p${rank}.support_needed`)],
      [`p${rank}_theme_ids`, themeIdsOf(db, sql.ref(`p${rank}.id`))],
      [`p${rank}_suitable_to_quote`, sql.ref(`p${rank}.suitable_to_quote`)],
    ]),
    ...(withEquality ? equalitySelection : []),
  ],
  query: (db, scope, selection, withEquality) =>
    scopedSubmissions(db, scope)
      .leftJoin("priorities as p1", (join) => join.onRef("p1.submission_id", "=", "submissions.id").on("p1.rank", "=", 1))
      .leftJoin("priorities as p2", (join) => join.onRef("p2.submission_id", "=", "submissions.id").on("p2.rank", "=", 2))
      .leftJoin("priorities as p3", (join) => join.onRef("p3.submission_id", "=", "submissions.id").on("p3.rank", "=", 3))
      .leftJoin("priority_redactions as r1", (join) => join.onRef("r1.priority_id", "=", "p1.id").on("r1.rules_version", "=", REDACTION_RULES_VERSION))
      .leftJoin("priority_redactions as r2", (join) => join.onRef("r2.priority_id", "=", "p2.id").on("r2.rules_version", "=", REDACTION_RULES_VERSION))
      .leftJoin("priority_redactions as r3", (join) => join.onRef("r3.priority_id", "=", "p3.id").on("r3.rules_version", "=", REDACTION_RULES_VERSION))
      .$if(withEquality, (qb) => qb.leftJoin("equality_answers as e", "e.submission_id", "submissions.id"))
      .select(selectAll(selection))
      .compile(),
  values: (row, at, labels, withEquality) => {
    const priorities = RANKS.flatMap((rank) => {
      const prefix = `p${rank}_`;
      if (cell<number | null>(row, at, `${prefix}id`) === null) return [null, null, null, null, null];
      const support = cell<SupportNeeded | null>(row, at, `${prefix}support_needed`);
      return [
        redactedText(row, at, prefix, "what"),
        redactedText(row, at, prefix, "why"),
        support ? (supportLabels.get(support) ?? null) : null,
        labels.themeNames(cell<string | null>(row, at, `${prefix}theme_ids`)),
        yesNo(cell<number>(row, at, `${prefix}suitable_to_quote`)),
      ];
    });
    return [
      ...submissionValues(row, at, labels),
      RANKS.filter((rank) => cell<number | null>(row, at, `p${rank}_id`) !== null).length,
      ...priorities,
      ...(withEquality ? equalityValues(row, at) : []),
    ];
  },
};

/** Quotable priorities, redacted, with nothing that leads back to the response. */
const quoteExport: ExportDefinition = {
  header: () => ["themes", "priority_rank", "quote", "why_it_matters", "place", "month_received"],
  selection: (db) => [
    ["theme_ids", themeIdsOf(db, sql.ref("priorities.id"))],
    ["rank", sql.ref("priorities.rank")],
    ...redactionSelection("", "priorities", "r"),
    ["place", sql.ref("places.name")],
    ["received_at", sql.ref("submissions.received_at")],
  ],
  query: (db, scope, selection) =>
    scopedSubmissions(db, scope)
      .innerJoin("priorities", "priorities.submission_id", "submissions.id")
      .leftJoin("priority_redactions as r", (join) => join.onRef("r.priority_id", "=", "priorities.id").on("r.rules_version", "=", REDACTION_RULES_VERSION))
      .where((eb) => priorityInScope(eb as unknown as PrioritiesEb, scope))
      .where("priorities.suitable_to_quote", "=", 1)
      .select(selectAll(selection))
      .orderBy("priorities.rank")
      .compile(),
  values: (row, at, labels) => [
    labels.themeNames(cell<string | null>(row, at, "theme_ids")),
    cell<number>(row, at, "rank"),
    redactedText(row, at, "", "what"),
    redactedText(row, at, "", "why"),
    cell<string | null>(row, at, "place"),
    londonMonthOf(cell<string>(row, at, "received_at")),
  ],
};

const exportDefinitions: Record<ReportExportKind, ExportDefinition> = {
  priorities: priorityExport,
  responses: responseExport,
  quotes: quoteExport,
};

/** The header row of an export: its documented column names. Quotes never carry equality answers. */
export function reportExportColumns(kind: ReportExportKind, withEquality: boolean): string[] {
  return exportDefinitions[kind].header(withEquality && kind !== "quotes");
}

export interface ReportExportOptions {
  kind: ReportExportKind;
  /** Builds the query (never runs it: the export reads through its own connection). */
  db: Executor;
  databasePath: string;
  scope: ReportScope;
  reference: ReportReferenceData;
  /** The person has read:equality. */
  withEquality: boolean;
}

/**
 * The export as a stream of text: a byte order mark and the header, then rows in batches, each
 * produced only when the reader asks for more and after other work has had its turn. The
 * connection opens with the first read (so the export is one consistent snapshot) and closes
 * when the stream ends, fails or is destroyed (the person stopped the download).
 */
export function reportExportStream({ kind, db, databasePath, scope, reference, withEquality }: ReportExportOptions): Readable {
  const definition = exportDefinitions[kind];
  const equality = withEquality && kind !== "quotes";
  const selection = definition.selection(db, equality);
  const at = positions(selection);
  const compiled = definition.query(db, scope, selection, equality);
  const labels = new ExportLabels(reference);
  let connection: SQLite.Database | null = null;
  let rows: IterableIterator<Row> | null = null;

  return new Readable({
    highWaterMark: 256 * 1024,
    read() {
      setImmediate(() => {
        if (this.destroyed) return;
        try {
          if (!rows) {
            connection = new SQLite(databasePath, { readonly: true, fileMustExist: true });
            connection.pragma("busy_timeout = 5000");
            rows = connection
              .prepare(compiled.sql)
              .raw(true)
              .iterate(...(compiled.parameters as unknown[])) as IterableIterator<Row>;
            this.push(CSV_BOM + csvRow(definition.header(equality)));
          }
          let batch = "";
          for (let count = 0; count < ROWS_PER_BATCH; count += 1) {
            const next = rows.next();
            if (next.done) {
              if (batch) this.push(batch);
              this.push(null);
              return;
            }
            batch += csvRow(definition.values(next.value, at, labels, equality));
          }
          this.push(batch);
        } catch (error) {
          this.destroy(error instanceof Error ? error : new Error(String(error)));
        }
      });
    },
    destroy(error, callback) {
      rows?.return?.();
      connection?.close();
      callback(error);
    },
  });
}
