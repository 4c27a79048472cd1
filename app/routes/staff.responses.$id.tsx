import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { NotificationBanner, SummaryList, TypedText, WarningCallout } from "~/components/nhs/content";
import { Button, ErrorSummary } from "~/components/nhs/form";
import { BackLink, Page } from "~/components/nhs/layout";
import { formatDateTime } from "~/components/staff/format";
import { ThemePicker } from "~/components/staff/theme-picker";
import { TriageShortcuts } from "~/components/staff/triage-shortcuts";
import { FlagTag, StatusTag, ThemeTags, flagLabels } from "~/components/staff/triage-tags";
import type { PageHandle } from "~/components/page/document-title";
import { ActionButtonForm } from "~/components/staff/simple-form";
import { listAuditEntries, recordAudit } from "~/modules/audit/audit-log.server";
import { can } from "~/modules/auth/permissions";
import { requireUser } from "~/modules/auth/staff-auth.server";
import { toStringArray } from "~/modules/forms/fields";
import { formValues, idParam, notFound, readFormData } from "~/modules/forms/request.server";
import { normaliseText } from "~/modules/forms/text";
import { addToResponse, changeResponse, type ChangeResult, type ResponseAddition, type ResponseChange } from "~/modules/triage/changes.server";
import { loadEqualityAnswers } from "~/modules/triage/equality-view.server";
import { filterIds, knownValues, loadInboxOptions } from "~/modules/triage/inbox-context.server";
import { channelLabels, exclusionReasonLabels, exclusionReasons, filtersToSearchParams, parseInboxFilters, statusLabels, statuses } from "~/modules/triage/inbox-filters";
import { findNeighbours } from "~/modules/triage/neighbours.server";
import { loadResponse } from "~/modules/triage/response.server";

export const handle: PageHandle = { pageTitle: (data) => `Response ${(data as { response?: { reference: string } })?.response?.reference ?? ""}`.trim() };

/** The inbox list this response was opened from (its filters), kept for back and next/previous links. */
function listQueryFrom(url: URL): string {
  return url.searchParams.get("list")?.slice(0, 1000) ?? "";
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, "read:response");
  const id = idParam(params.id);
  const url = new URL(request.url);
  const response = await loadResponse(context.db, id);
  if (!response) notFound();

  const listQuery = listQueryFrom(url);
  const options = await loadInboxOptions(context.db);
  const { filters } = parseInboxFilters(new URLSearchParams(listQuery), knownValues(options));
  const cleanListQuery = filtersToSearchParams(filters).toString();
  const [neighbours, history] = await Promise.all([
    findNeighbours(context.db, id, filters, filterIds(filters, options, user.id)),
    listAuditEntries(context.db, { targetType: "response", targetId: String(id), action: "response.updated" }),
  ]);

  const showEquality = url.searchParams.get("equality") === "show" && can(user.role, "read:equality") && response.hasEquality;
  const equality = showEquality ? await loadEqualityAnswers(context.db, id) : null;
  await recordAudit(context.db, {
    action: showEquality ? "response.equality_viewed" : "response.viewed",
    actor: user,
    target: { type: "response", id },
    clientAddress: context.clientAddress,
    at: context.now(),
  });

  const withList = (path: string) => (cleanListQuery ? `${path}?list=${encodeURIComponent(cleanListQuery)}` : path);
  return {
    response,
    canUpdate: can(user.role, "update:response"),
    canErase: can(user.role, "erase:response"),
    canSeeEquality: can(user.role, "read:equality"),
    equality,
    themes: options.themes.filter((theme) => !theme.retired).map(({ id: themeId, name }) => ({ id: themeId, name })),
    retiredThemes: options.themes.filter((theme) => theme.retired).map(({ id: themeId, name }) => ({ id: themeId, name })),
    leads: options.leads,
    backHref: `/staff/responses${cleanListQuery ? `?${cleanListQuery}` : ""}`,
    selfHref: withList(`/staff/responses/${id}`),
    nextHref: neighbours.next ? withList(`/staff/responses/${neighbours.next}`) : null,
    previousHref: neighbours.previous ? withList(`/staff/responses/${neighbours.previous}`) : null,
    history: history.entries.map((entry) => ({ id: entry.id, at: entry.at, who: entry.actor_email ?? "System", details: entry.details ? (JSON.parse(entry.details) as Record<string, unknown>) : {} })),
    saved: url.searchParams.get("saved"),
  };
}

const savedMessages: Record<string, string> = {
  created: "Response saved",
  status: "Status saved",
  themes: "Themes saved",
  quotable: "Saved",
  assign: "Assignment saved",
  duplicate: "Duplicate resolved",
  note: "Note added",
  flag: "Flag raised",
  "action-flag": "Flag marked as actioned",
  "reopen-flag": "Flag reopened",
};

function changeFrom(form: Record<string, unknown>): ResponseChange | null {
  const number = (value: unknown) => (Number.isSafeInteger(Number(value)) && Number(value) > 0 ? Number(value) : null);
  switch (form.intent) {
    case "status": {
      const status = String(form.status ?? "");
      if (!(statuses as readonly string[]).includes(status)) return null;
      const reason = String(form.exclusionReason ?? "");
      return { kind: "status", status: status as (typeof statuses)[number], exclusionReason: (exclusionReasons as readonly string[]).includes(reason) ? (reason as (typeof exclusionReasons)[number]) : null };
    }
    case "themes": {
      const priorityId = number(form.priorityId);
      const themeIds = toStringArray(form.themeIds).map(number);
      return priorityId && themeIds.every((value) => value !== null) ? { kind: "themes", priorityId, themeIds: themeIds as number[] } : null;
    }
    case "quotable": {
      const priorityId = number(form.priorityId);
      return priorityId ? { kind: "quotable", priorityId, quotable: form.quotable === "yes" } : null;
    }
    case "assign":
      return form.assigneeId === "" ? { kind: "assign", userId: null } : number(form.assigneeId) ? { kind: "assign", userId: number(form.assigneeId) } : null;
    case "duplicate":
      return form.resolution === "merge" || form.resolution === "exclude" || form.resolution === "not-duplicate" ? { kind: "duplicate", resolution: form.resolution } : null;
    default:
      return null;
  }
}

function additionFrom(form: Record<string, unknown>): ResponseAddition | null {
  const flagId = Number(form.flagId);
  switch (form.intent) {
    case "note":
      return { kind: "note", body: normaliseText(form.body) };
    case "flag":
      return form.flagKind === "safety" || form.flagKind === "complaint" ? { kind: "flag", flagKind: form.flagKind } : null;
    case "action-flag":
      return Number.isSafeInteger(flagId) ? { kind: "action-flag", flagId, note: normaliseText(form.note) } : null;
    case "reopen-flag":
      return Number.isSafeInteger(flagId) ? { kind: "reopen-flag", flagId } : null;
    default:
      return null;
  }
}

const errorField: Record<string, string> = {
  status: "status",
  themes: "themes",
  quotable: "themes",
  assign: "assigneeId",
  duplicate: "resolution",
  note: "body",
  flag: "flags",
  "action-flag": "flag-note",
  "reopen-flag": "flags",
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "update:response");
  const id = idParam(params.id);
  const form = formValues(await readFormData(request), ["themeIds"]);
  const intent = String(form.intent ?? "");
  const change = changeFrom(form);
  const addition = change ? null : additionFrom(form);
  if (!change && !addition) return data({ fieldErrors: { [errorField[intent] ?? "status"]: "Choose what to change" }, conflict: false }, { status: 400 });
  const changeContext = { actor: user, clientAddress: context.clientAddress, now: context.now() };
  let result: ChangeResult;
  if (change) {
    const version = Number(form.version);
    if (!Number.isSafeInteger(version)) return data({ fieldErrors: { status: "Reload the page and try again" }, conflict: false }, { status: 400 });
    result = await changeResponse(context.db, id, version, change, changeContext);
  } else {
    result = await addToResponse(context.db, id, addition!, changeContext);
  }
  if (result.kind === "not-found") notFound();
  if (result.kind === "conflict") return data({ fieldErrors: undefined, conflict: true }, { status: 409 });
  if (result.kind === "invalid") return data({ fieldErrors: { [errorField[intent] ?? "status"]: result.message }, conflict: false }, { status: 400 });
  const url = new URL(request.url);
  url.searchParams.set("saved", intent);
  url.searchParams.delete("equality");
  throw redirect(`${url.pathname}?${url.searchParams.toString()}`);
}

const ordinals = ["first", "second", "third"] as const;

const flagGuidance = {
  safety: [
    "If someone may be at risk of harm, tell the Alliance's safeguarding lead today. If a life may be at immediate risk, call 999.",
    "If the person gave an email address, you may contact them to signpost support, such as their GP, 111, Samaritans (116 123) or their cancer nurse specialist.",
    "Record what you did below. Do not copy the response's words into emails.",
  ],
  complaint: [
    "Complaints about care are handled by the Patient Advice and Liaison Service (PALS) of the trust concerned.",
    "If the person gave an email address, reply to tell them how to contact PALS. Otherwise, note it here so the theme is not lost.",
  ],
};

export default function ResponsePage() {
  const { response, canUpdate, canErase, canSeeEquality, equality, themes, retiredThemes, leads, backHref, selfHref, nextHref, previousHref, history, saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.fieldErrors as Record<string, string> | undefined;
  const openFlags = response.flags.filter((flag) => flag.state === "open");
  const themeName = (themeId: unknown) => [...themes, ...retiredThemes].find((theme) => theme.id === themeId)?.name ?? `theme ${String(themeId)}`;

  return (
    <Page before={<BackLink to={backHref}>Back to responses</BackLink>}>
      <ErrorSummary errors={Object.entries(errors ?? {}).map(([field, message]) => ({ field, message: String(message) }))} />
      {actionData?.conflict ? (
        <NotificationBanner title="Important">
          <p className="nhsuk-notification-banner__heading">Someone else changed this response while you were looking at it</p>
          <p>Your change was not saved. The page now shows the latest version: check it, then make your change again.</p>
        </NotificationBanner>
      ) : null}
      {saved && savedMessages[saved] ? (
        <NotificationBanner success title="Success">
          <p className="nhsuk-notification-banner__heading">{savedMessages[saved]}</p>
        </NotificationBanner>
      ) : null}

      <span className="nhsuk-caption-l">{response.campaign}</span>
      <h1>
        Response <span className="app-reference">{response.reference}</span>
      </h1>
      <p>
        <StatusTag status={response.status} />
        {response.exclusionReason ? ` ${exclusionReasonLabels[response.exclusionReason as keyof typeof exclusionReasonLabels] ?? ""}` : ""} Received{" "}
        {formatDateTime(response.receivedAt)} by {channelLabels[response.channel].toLowerCase()}
        {response.enteredBy ? `, entered by ${response.enteredBy}` : ""}. Assigned to {response.assignee?.name ?? "no one"}.
      </p>

      <nav className="nhsuk-pagination" role="navigation" aria-label="Responses in this list">
        <ul className="nhsuk-list nhsuk-pagination__list">
          {previousHref ? (
            <li className="nhsuk-pagination-item--previous">
              <Link className="nhsuk-pagination__link nhsuk-pagination__link--prev" to={previousHref}>
                <span className="nhsuk-pagination__title">Previous</span>
                <span className="nhsuk-u-visually-hidden">:</span>
                <span className="nhsuk-pagination__page">Previous response in this list</span>
              </Link>
            </li>
          ) : null}
          {nextHref ? (
            <li className="nhsuk-pagination-item--next">
              <Link className="nhsuk-pagination__link nhsuk-pagination__link--next" to={nextHref}>
                <span className="nhsuk-pagination__title">Next</span>
                <span className="nhsuk-u-visually-hidden">:</span>
                <span className="nhsuk-pagination__page">Next response in this list</span>
              </Link>
            </li>
          ) : null}
        </ul>
      </nav>
      {canUpdate ? <TriageShortcuts nextHref={nextHref} previousHref={previousHref} /> : null}

      {openFlags.map((flag) => (
        <WarningCallout key={flag.id} heading={`${flagLabels[flag.kind]}: what to do`}>
          <p>
            {flag.source === "auto" ? `Raised automatically: the text contains "${flag.matchedPhrase ?? ""}".` : `Raised by ${flag.raisedBy ?? "a member of staff"}.`} {formatDateTime(flag.raisedAt)}.
          </p>
          {flagGuidance[flag.kind].map((line) => (
            <p key={line}>{line}</p>
          ))}
          {canUpdate ? (
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="action-flag" />
              <input type="hidden" name="flagId" value={flag.id} />
              <div className={`nhsuk-form-group${errors?.["flag-note"] ? " nhsuk-form-group--error" : ""}`}>
                <label className="nhsuk-label" htmlFor="flag-note">
                  What was done
                </label>
                {errors?.["flag-note"] ? (
                  <span className="nhsuk-error-message" id="flag-note-error">
                    <span className="nhsuk-u-visually-hidden">Error: </span>
                    {errors["flag-note"]}
                  </span>
                ) : null}
                <textarea className="nhsuk-textarea" id="flag-note" name="note" rows={2} aria-describedby={errors?.["flag-note"] ? "flag-note-error" : undefined} />
              </div>
              <Button secondary>Mark as actioned</Button>
            </Form>
          ) : null}
        </WarningCallout>
      ))}

      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h2 id="themes">Priorities</h2>
          {response.priorities.map((priority) => (
            <section key={priority.id} className="nhsuk-card">
              <div className="nhsuk-card__content">
                <h3 className="nhsuk-card__heading">{`${ordinals[priority.rank - 1]![0]!.toUpperCase()}${ordinals[priority.rank - 1]!.slice(1)} priority`}</h3>
                <p className="app-pre-wrap">
                  <TypedText text={priority.what} />
                </p>
                {priority.why ? (
                  <p>
                    <strong>Why it matters:</strong> <TypedText text={priority.why} />
                  </p>
                ) : null}
                <p>
                  <strong>Needs:</strong> {priority.support ?? "Not said"}
                </p>
                <div className="nhsuk-body">
                  <strong>Themes:</strong> <ThemeTags names={priority.themes.map((theme) => theme.name)} />
                </div>
                {canUpdate ? (
                  <>
                    <ThemePicker
                      priorityId={priority.id}
                      ordinal={ordinals[priority.rank - 1]!}
                      shortcut={priority.rank}
                      version={response.version}
                      themes={[...themes, ...retiredThemes.filter((theme) => priority.themes.some((own) => own.id === theme.id))]}
                      chosen={priority.themes.map((theme) => theme.id)}
                      suggested={priority.suggested.map((theme) => theme.id)}
                    />
                    <Form method="post">
                      <input type="hidden" name="intent" value="quotable" />
                      <input type="hidden" name="priorityId" value={priority.id} />
                      <input type="hidden" name="version" value={response.version} />
                      <input type="hidden" name="quotable" value={priority.suitableToQuote ? "no" : "yes"} />
                      <p>
                        {priority.suitableToQuote ? "Suitable to quote in reports (names and contact details are removed automatically)." : "Not marked as suitable to quote."}{" "}
                        <button className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" type="submit">
                          {priority.suitableToQuote ? "Do not quote" : "Mark as suitable to quote"}
                          <span className="nhsuk-u-visually-hidden"> ({ordinals[priority.rank - 1]} priority)</span>
                        </button>
                      </p>
                    </Form>
                  </>
                ) : priority.suggested.length > 0 ? (
                  <p className="nhsuk-body-s">Suggested: {priority.suggested.map((theme) => theme.name).join(", ")}</p>
                ) : null}
              </div>
            </section>
          ))}

          <h2>About the person</h2>
          <SummaryList
            rows={[
              { key: "Which describe them", value: response.respondentTypes.join("; ") || "Not answered" },
              ...(response.organisationName ? [{ key: "Organisation", value: response.organisationName }] : []),
              { key: "Where they live", value: response.place ?? "Not answered" },
              { key: "Where they were treated", value: response.trusts.join("; ") || "Not answered" },
              { key: "Type of cancer", value: response.cancerType ?? "Not answered" },
              ...(canUpdate ? [{ key: "Email address", value: response.email ?? "Not given, or deleted after the confirmation was sent" }] : []),
              { key: "Emails they asked for", value: response.contactPreferences.join("; ") || "None" },
            ]}
          />

          {canSeeEquality && response.hasEquality ? (
            <>
              <h2>Equality answers</h2>
              {equality ? (
                <SummaryList rows={equality.map((row) => ({ key: row.question, value: row.answer }))} />
              ) : (
                <p>
                  Hidden. Viewing them is recorded in the audit log.{" "}
                  <Link to={`${selfHref}${selfHref.includes("?") ? "&" : "?"}equality=show`}>Show equality answers</Link>
                </p>
              )}
            </>
          ) : null}

          <h2>Notes</h2>
          {response.notes.length === 0 ? <p>No notes yet.</p> : null}
          {response.notes.map((note) => (
            <div key={note.id} className="nhsuk-inset-text">
              <p className="app-pre-wrap">
                <TypedText text={note.body} />
              </p>
              <p className="nhsuk-body-s">
                {note.author}, {formatDateTime(note.createdAt)}
              </p>
            </div>
          ))}
          {canUpdate ? (
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="note" />
              <div className={`nhsuk-form-group${errors?.body ? " nhsuk-form-group--error" : ""}`}>
                <label className="nhsuk-label" htmlFor="body">
                  Add a note for the team
                </label>
                {errors?.body ? (
                  <span className="nhsuk-error-message" id="body-error">
                    <span className="nhsuk-u-visually-hidden">Error: </span>
                    {errors.body}
                  </span>
                ) : null}
                <textarea className="nhsuk-textarea" id="body" name="body" rows={3} aria-describedby={errors?.body ? "body-error" : undefined} />
              </div>
              <Button secondary>Add note</Button>
            </Form>
          ) : null}
        </div>

        <div className="nhsuk-grid-column-one-third">
          {canUpdate ? (
            <>
              <h2 className="nhsuk-heading-m">Status</h2>
              <Form method="post" noValidate>
                <input type="hidden" name="intent" value="status" />
                <input type="hidden" name="version" value={response.version} />
                <fieldset className="nhsuk-fieldset">
                  <legend className="nhsuk-fieldset__legend nhsuk-u-visually-hidden">Status</legend>
                  <div className={`nhsuk-radios nhsuk-radios--small${errors?.status ? " nhsuk-form-group--error" : ""}`}>
                    {statuses.map((status, index) => (
                      <div key={status} className="nhsuk-radios__item">
                        <input className="nhsuk-radios__input" id={index === 0 ? "status" : `status-${status}`} name="status" type="radio" value={status} defaultChecked={response.status === status} />
                        <label className="nhsuk-label nhsuk-radios__label" htmlFor={index === 0 ? "status" : `status-${status}`}>
                          {statusLabels[status]}
                        </label>
                      </div>
                    ))}
                  </div>
                </fieldset>
                <div className="nhsuk-form-group">
                  <label className="nhsuk-label" htmlFor="exclusionReason">
                    If excluded, why
                  </label>
                  <select className="nhsuk-select" id="exclusionReason" name="exclusionReason" defaultValue={response.exclusionReason ?? ""}>
                    <option value="">Choose a reason</option>
                    {exclusionReasons.map((reason) => (
                      <option key={reason} value={reason}>
                        {exclusionReasonLabels[reason]}
                      </option>
                    ))}
                  </select>
                </div>
                <Button secondary>Save status</Button>
              </Form>

              <h2 className="nhsuk-heading-m">Assigned to</h2>
              <Form method="post">
                <input type="hidden" name="intent" value="assign" />
                <input type="hidden" name="version" value={response.version} />
                <div className="nhsuk-form-group">
                  <label className="nhsuk-label" htmlFor="assigneeId">
                    Engagement lead
                  </label>
                  <select className="nhsuk-select" id="assigneeId" name="assigneeId" defaultValue={response.assignee?.id ?? ""}>
                    <option value="">No one</option>
                    {leads.map((lead) => (
                      <option key={lead.id} value={lead.id}>
                        {lead.name}
                      </option>
                    ))}
                  </select>
                </div>
                <Button secondary>Save</Button>
              </Form>
            </>
          ) : null}

          <h2 className="nhsuk-heading-m" id="flags">
            Flags
          </h2>
          {response.flags.length === 0 ? <p>None.</p> : null}
          {response.flags.map((flag) => (
            <div key={flag.id}>
              <FlagTag kind={flag.kind} state={flag.state} />
              {flag.state === "actioned" ? (
                <p className="nhsuk-body-s">
                  {flag.actionedBy ?? "Actioned"}, {formatDateTime(flag.actionedAt)}: {flag.actionNote}
                </p>
              ) : null}
              {flag.state === "actioned" && canUpdate ? (
                <ActionButtonForm fields={{ intent: "reopen-flag", flagId: flag.id }} label="Reopen" hiddenContext={flagLabels[flag.kind]} />
              ) : null}
            </div>
          ))}
          {canUpdate ? (
            <Form method="post">
              <input type="hidden" name="intent" value="flag" />
              {(["safety", "complaint"] as const)
                .filter((kind) => !response.flags.some((flag) => flag.kind === kind))
                .map((kind) => (
                  <button key={kind} className="nhsuk-button nhsuk-button--warning nhsuk-button--small" type="submit" name="flagKind" value={kind}>
                    Flag as {flagLabels[kind].toLowerCase()}
                  </button>
                ))}
            </Form>
          ) : null}

          {response.duplicateOf || response.duplicates.length > 0 ? (
            <>
              <h2 className="nhsuk-heading-m" id="resolution">
                Duplicates
              </h2>
              {response.duplicateOf ? (
                <>
                  <p>
                    Likely a duplicate of <Link to={`/staff/responses/${response.duplicateOf.id}`}>{response.duplicateOf.reference}</Link>.
                  </p>
                  {canUpdate ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="duplicate" />
                      <input type="hidden" name="version" value={response.version} />
                      <button className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" type="submit" name="resolution" value="merge">
                        Merge into {response.duplicateOf.reference}
                      </button>{" "}
                      <button className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" type="submit" name="resolution" value="exclude">
                        Exclude as a duplicate
                      </button>{" "}
                      <button className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" type="submit" name="resolution" value="not-duplicate">
                        Not a duplicate
                      </button>
                    </Form>
                  ) : null}
                </>
              ) : null}
              {response.duplicates.length > 0 ? (
                <p>
                  Responses that look like duplicates of this one:{" "}
                  {response.duplicates.map((duplicate, index) => (
                    <span key={duplicate.id}>
                      {index > 0 ? ", " : ""}
                      <Link to={`/staff/responses/${duplicate.id}`}>{duplicate.reference}</Link>
                    </span>
                  ))}
                </p>
              ) : null}
            </>
          ) : null}

          <h2 className="nhsuk-heading-m">History</h2>
          {history.length === 0 ? <p>No changes yet.</p> : null}
          <ul className="nhsuk-list nhsuk-body-s">
            {history.map((entry) => (
              <li key={entry.id}>
                {formatDateTime(entry.at)}, {entry.who}: {describeChange(entry.details, themeName)}
              </li>
            ))}
          </ul>
          {canErase ? (
            <p className="nhsuk-body-s">
              <Link to={`/staff/responses/${response.id}/erase`}>Erase this response</Link> (when the person asks, or it was entered by mistake)
            </p>
          ) : null}
        </div>
      </div>
    </Page>
  );
}

function describeChange(details: Record<string, unknown>, themeName: (id: unknown) => string): string {
  switch (details.field) {
    case "status":
      return `status ${statusLabels[details.from as keyof typeof statusLabels] ?? details.from} to ${statusLabels[details.to as keyof typeof statusLabels] ?? details.to}${details.reason ? ` (${exclusionReasonLabels[details.reason as keyof typeof exclusionReasonLabels] ?? details.reason})` : ""}`;
    case "themes":
      return `themes set to ${(details.to as unknown[]).map(themeName).join(", ") || "none"}`;
    case "suitable_to_quote":
      return details.to ? "marked a priority as suitable to quote" : "marked a priority as not to quote";
    case "assigned_to":
      return details.to ? "assigned" : "unassigned";
    case "note":
      return "added a note";
    case "flag":
      return `${details.change as string} a flag`;
    case "duplicate_of":
      return "said it is not a duplicate";
    default:
      return "changed";
  }
}
