import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { NotificationBanner } from "~/components/nhs/content";
import { Button, ErrorSummary } from "~/components/nhs/form";
import { Page } from "~/components/nhs/layout";
import { formatDate } from "~/components/staff/format";
import { FlagTag, StatusTag, ThemeTags } from "~/components/staff/triage-tags";
import type { PageHandle } from "~/components/page/document-title";
import { can } from "~/modules/auth/permissions";
import { requireUser } from "~/modules/auth/staff-auth.server";
import { toStringArray } from "~/modules/forms/fields";
import { formValues, readFormData } from "~/modules/forms/request.server";
import { labelFor, respondentTypeOptions } from "~/modules/submissions/options";
import { parseReference } from "~/modules/submissions/reference";
import { applyBulkAction, type BulkAction } from "~/modules/triage/bulk.server";
import { filterIds, knownValues, loadInboxOptions } from "~/modules/triage/inbox-context.server";
import {
  channelLabels,
  channels,
  exclusionReasonLabels,
  exclusionReasons,
  filtersToSearchParams,
  flagFilterLabels,
  flagFilters,
  parseInboxFilters,
  statusLabels,
  statuses,
  type InboxFilters,
} from "~/modules/triage/inbox-filters";
import { decodeCursor, listInbox, matchingIds } from "~/modules/triage/inbox.server";
import { snippetParts } from "~/modules/triage/snippet";

export const handle: PageHandle = { pageTitle: "Responses" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, "read:response");
  const url = new URL(request.url);
  const options = await loadInboxOptions(context.db);
  const { filters, ignored } = parseInboxFilters(url.searchParams, knownValues(options));
  const pageNumber = Math.min(Math.max(Number(url.searchParams.get("page")) || 1, 1), 4000);
  const inbox = await listInbox(context.db, {
    filters,
    ids: filterIds(filters, options, user.id),
    cursor: decodeCursor(url.searchParams.get("after")),
    page: pageNumber,
  });
  const query = filtersToSearchParams(filters);
  return {
    inbox,
    filters,
    query: query.toString(),
    ignored,
    paged: Boolean(url.searchParams.get("after")) || pageNumber > 1,
    page: pageNumber,
    bulkResult: url.searchParams.get("updated"),
    erased: parseReference(url.searchParams.get("erased") ?? ""),
    options,
    canUpdate: can(user.role, "update:response"),
    canCreate: can(user.role, "create:response"),
  };
}

function bulkActionFrom(value: string, searchText: string | null): BulkAction | null {
  const [kind, argument] = value.split(":");
  if (kind === "status" && (statuses as readonly string[]).includes(argument ?? "") && argument !== "excluded") {
    return { kind: "status", status: argument as (typeof statuses)[number], exclusionReason: null };
  }
  if (kind === "exclude" && (exclusionReasons as readonly string[]).includes(argument ?? "")) {
    return { kind: "status", status: "excluded", exclusionReason: argument as (typeof exclusionReasons)[number] };
  }
  if (kind === "theme" && Number.isSafeInteger(Number(argument))) return { kind: "add-theme", themeId: Number(argument), searchText };
  if (kind === "assign") return argument === "none" ? { kind: "assign", userId: null } : Number.isSafeInteger(Number(argument)) ? { kind: "assign", userId: Number(argument) } : null;
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "update:response");
  const form = formValues(await readFormData(request), ["ids"]);
  const options = await loadInboxOptions(context.db);
  const filterParams = new URLSearchParams(String(form.query ?? ""));
  const { filters } = parseInboxFilters(filterParams, knownValues(options));
  const back = `/staff/responses?${filtersToSearchParams(filters).toString()}`;
  const bulk = bulkActionFrom(String(form.bulkAction ?? ""), filters.q ?? null);
  if (!bulk) return data({ fieldErrors: { bulkAction: "Choose what to do with the responses" } }, { status: 400 });
  const scope = form.scope === "filter" ? "filter" : "selected";
  const ids =
    scope === "filter"
      ? await matchingIds(context.db, filters, filterIds(filters, options, user.id))
      : toStringArray(form.ids).map(Number).filter((id) => Number.isSafeInteger(id) && id > 0);
  const result = await applyBulkAction(context.db, ids, bulk, { actor: user, clientAddress: context.clientAddress, now: context.now(), scope });
  if (result.kind === "invalid") return data({ fieldErrors: { bulkAction: result.message } }, { status: 400 });
  throw redirect(`${back}&updated=${result.count}`);
}

function Select({ name, label, value, options }: { name: string; label: string; value: string | undefined; options: { value: string; label: string }[] }) {
  return (
    <div className="nhsuk-form-group">
      <label className="nhsuk-label" htmlFor={`filter-${name}`}>
        {label}
      </label>
      <select className="nhsuk-select" id={`filter-${name}`} name={name} defaultValue={value ?? ""}>
        <option value="">Any</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function Filters({ filters, options }: { filters: InboxFilters; options: ReturnType<typeof useLoaderData<typeof loader>>["options"] }) {
  return (
    <Form method="get" className="app-filters" role="search" aria-label="Search and filter responses">
      <div className="nhsuk-form-group">
        <label className="nhsuk-label nhsuk-label--s" htmlFor="filter-q">
          Search the text of priorities
        </label>
        <input className="nhsuk-input nhsuk-u-width-two-thirds" id="filter-q" name="q" type="search" defaultValue={filters.q ?? ""} />
      </div>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-one-quarter">
          <Select name="status" label="Status" value={filters.status} options={statuses.map((status) => ({ value: status, label: statusLabels[status] }))} />
        </div>
        <div className="nhsuk-grid-column-one-quarter">
          <Select
            name="theme"
            label="Theme"
            value={filters.theme}
            options={[{ value: "none", label: "No theme yet" }, ...options.themes.map((theme) => ({ value: theme.slug, label: theme.retired ? `${theme.name} (retired)` : theme.name }))]}
          />
        </div>
        <div className="nhsuk-grid-column-one-quarter">
          <Select name="place" label="Place" value={filters.place} options={[...options.places.map((place) => ({ value: place.code, label: place.name })), { value: "none", label: "Not given" }]} />
        </div>
        <div className="nhsuk-grid-column-one-quarter">
          <Select
            name="respondentType"
            label="Respondent"
            value={filters.respondentType}
            options={respondentTypeOptions.map((option) => ({ value: option.code, label: option.label }))}
          />
        </div>
      </div>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-one-quarter">
          <Select name="channel" label="Channel" value={filters.channel} options={channels.map((channel) => ({ value: channel, label: channelLabels[channel] }))} />
        </div>
        <div className="nhsuk-grid-column-one-quarter">
          <Select name="flagged" label="Flags" value={filters.flagged} options={flagFilters.map((flag) => ({ value: flag, label: flagFilterLabels[flag] }))} />
        </div>
        <div className="nhsuk-grid-column-one-quarter">
          <Select
            name="assigned"
            label="Assigned"
            value={filters.assigned}
            options={[
              { value: "me", label: "Assigned to me" },
              { value: "unassigned", label: "Unassigned" },
            ]}
          />
        </div>
        <div className="nhsuk-grid-column-one-quarter">
          <Select name="campaign" label="Campaign" value={filters.campaign} options={options.campaigns.map((campaign) => ({ value: campaign.code, label: campaign.title }))} />
        </div>
      </div>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-one-quarter">
          <div className="nhsuk-form-group">
            <label className="nhsuk-label" htmlFor="filter-from">
              Received from
            </label>
            <input className="nhsuk-input" id="filter-from" name="from" type="date" defaultValue={filters.from ?? ""} />
          </div>
        </div>
        <div className="nhsuk-grid-column-one-quarter">
          <div className="nhsuk-form-group">
            <label className="nhsuk-label" htmlFor="filter-to">
              Received to
            </label>
            <input className="nhsuk-input" id="filter-to" name="to" type="date" defaultValue={filters.to ?? ""} />
          </div>
        </div>
      </div>
      <div className="app-button-group">
        <Button secondary>Search and filter</Button>
        <p>
          <Link to="/staff/responses">Clear filters</Link>
        </p>
      </div>
    </Form>
  );
}

function Snippet({ snippet }: { snippet: string }) {
  return (
    <>
      {snippetParts(snippet).map((part, index) =>
        part.highlighted ? (
          <mark key={index} className="app-highlight">
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}

export default function InboxPage() {
  const { inbox, filters, query, ignored, paged, page, bulkResult, erased, options, canUpdate, canCreate } = useLoaderData<typeof loader>();
  const bulkError = useActionData<typeof action>()?.fieldErrors.bulkAction;
  const listQuery = query ? `?list=${encodeURIComponent(query)}` : "";
  const nextHref = inbox.nextCursor ? `?${new URLSearchParams([...new URLSearchParams(query), ["after", inbox.nextCursor]])}` : inbox.nextPage ? `?${new URLSearchParams([...new URLSearchParams(query), ["page", String(inbox.nextPage)]])}` : null;
  const previousHref = filters.q && page > 1 ? `?${new URLSearchParams([...new URLSearchParams(query), ["page", String(page - 1)]])}` : null;

  return (
    <Page>
      <ErrorSummary errors={bulkError ? [{ field: "bulkAction", message: bulkError }] : []} />
      {ignored.length > 0 ? (
        <NotificationBanner title="Important">
          <p className="nhsuk-notification-banner__heading">Some filters in the address were not recognised and have been ignored: {ignored.join(", ")}</p>
        </NotificationBanner>
      ) : null}
      {bulkResult ? (
        <NotificationBanner success title="Success">
          <p className="nhsuk-notification-banner__heading">{`${Number(bulkResult).toLocaleString("en-GB")} ${Number(bulkResult) === 1 ? "response" : "responses"} updated`}</p>
        </NotificationBanner>
      ) : null}
      {erased ? (
        <NotificationBanner success title="Success">
          <p className="nhsuk-notification-banner__heading">Response {erased} erased</p>
        </NotificationBanner>
      ) : null}
      <div className="app-button-group">
        <h1>Responses</h1>
        {canCreate ? (
          <Link className="nhsuk-button nhsuk-button--secondary" to="/staff/responses/new">
            Enter a response from paper, email, phone or an event
          </Link>
        ) : null}
      </div>
      <Filters filters={filters} options={options} />

      <p className="nhsuk-body-l" role="status">
        {filters.q
          ? inbox.totalIsLowerBound
            ? `More than ${inbox.total.toLocaleString("en-GB")} responses match "${filters.q}"`
            : `${inbox.total.toLocaleString("en-GB")} ${inbox.total === 1 ? "response matches" : "responses match"} "${filters.q}"`
          : `${inbox.total.toLocaleString("en-GB")} ${inbox.total === 1 ? "response" : "responses"}`}
        {paged ? " (showing a later page)" : ""}
      </p>
      {inbox.order === "newest" ? (
        <p className="nhsuk-body-s">These words are in too many responses to sort by how well they match, so the newest come first. Add a word or a filter to narrow the search.</p>
      ) : null}

      <Form method="post">
        <input type="hidden" name="query" value={query} />
        <table className="nhsuk-table app-table-compact">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Responses, newest first</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              {canUpdate ? (
                <th className="nhsuk-table__header" scope="col">
                  <span className="nhsuk-u-visually-hidden">Select</span>
                </th>
              ) : null}
              <th className="nhsuk-table__header" scope="col">Response</th>
              <th className="nhsuk-table__header" scope="col">Respondent</th>
              <th className="nhsuk-table__header" scope="col">{filters.q ? "Matching text" : "First priority"}</th>
              <th className="nhsuk-table__header" scope="col">Themes</th>
              <th className="nhsuk-table__header" scope="col">Status</th>
              <th className="nhsuk-table__header" scope="col">Assigned</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {inbox.rows.map((row) => (
              <tr key={row.id} className="nhsuk-table__row">
                {canUpdate ? (
                  <td className="nhsuk-table__cell">
                    <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
                      <div className="nhsuk-checkboxes__item">
                        <input className="nhsuk-checkboxes__input" id={`select-${row.id}`} name="ids" type="checkbox" value={row.id} />
                        <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`select-${row.id}`}>
                          <span className="nhsuk-u-visually-hidden">Select {row.reference}</span>
                        </label>
                      </div>
                    </div>
                  </td>
                ) : null}
                <td className="nhsuk-table__cell">
                  <Link to={`/staff/responses/${row.id}${listQuery}`} className="app-nowrap">
                    {row.reference}
                  </Link>
                  <br />
                  <span className="nhsuk-body-s">
                    {formatDate(row.receivedAt)}, {channelLabels[row.channel].toLowerCase()}
                  </span>
                </td>
                <td className="nhsuk-table__cell">
                  {row.respondentTypes.map((type) => labelFor(respondentTypeOptions, type) ?? type).join("; ") || <span className="app-muted">Not given</span>}
                  <br />
                  <span className="nhsuk-body-s">{row.place ?? "Place not given"}</span>
                </td>
                <td className="nhsuk-table__cell app-pre-wrap">{row.snippet ? <Snippet snippet={row.snippet} /> : row.firstPriority}</td>
                <td className="nhsuk-table__cell">
                  <ThemeTags names={row.themes} />
                </td>
                <td className="nhsuk-table__cell">
                  <StatusTag status={row.status} />
                  {row.flags.map((flag) => (
                    <div key={flag.kind}>
                      <FlagTag kind={flag.kind} state={flag.state} />
                    </div>
                  ))}
                  {row.likelyDuplicate ? <div className="nhsuk-body-s">Likely duplicate</div> : null}
                </td>
                <td className="nhsuk-table__cell">{row.assignee ?? <span className="app-muted">No one</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {inbox.rows.length === 0 ? <p>No responses match these filters.</p> : null}

        {canUpdate && inbox.rows.length > 0 ? (
          <fieldset className="nhsuk-fieldset app-filters">
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Change several responses at once</legend>
            <div className="nhsuk-radios nhsuk-radios--small nhsuk-radios--inline">
              <div className="nhsuk-radios__item">
                <input className="nhsuk-radios__input" id="scope-selected" name="scope" type="radio" value="selected" defaultChecked />
                <label className="nhsuk-label nhsuk-radios__label" htmlFor="scope-selected">
                  The responses ticked above
                </label>
              </div>
              <div className="nhsuk-radios__item">
                <input className="nhsuk-radios__input" id="scope-filter" name="scope" type="radio" value="filter" />
                <label className="nhsuk-label nhsuk-radios__label" htmlFor="scope-filter">
                  {inbox.totalIsLowerBound ? `All responses matching these filters (more than ${inbox.total.toLocaleString("en-GB")})` : `All ${inbox.total.toLocaleString("en-GB")} responses matching these filters`}
                </label>
              </div>
            </div>
            <div className="nhsuk-form-group">
              <label className="nhsuk-label" htmlFor="bulkAction">
                What to do
              </label>
              <select className="nhsuk-select" id="bulkAction" name="bulkAction" defaultValue="">
                <option value="">Choose an action</option>
                <optgroup label="Set status">
                  {statuses
                    .filter((status) => status !== "excluded")
                    .map((status) => (
                      <option key={status} value={`status:${status}`}>
                        Set status to {statusLabels[status]}
                      </option>
                    ))}
                </optgroup>
                <optgroup label="Exclude">
                  {exclusionReasons.map((reason) => (
                    <option key={reason} value={`exclude:${reason}`}>
                      Exclude: {exclusionReasonLabels[reason]}
                    </option>
                  ))}
                </optgroup>
                <optgroup label={filters.q ? "Add a theme to the matching priorities" : "Add a theme to each first priority"}>
                  {options.themes
                    .filter((theme) => !theme.retired)
                    .map((theme) => (
                      <option key={theme.id} value={`theme:${theme.id}`}>
                        Add theme: {theme.name}
                      </option>
                    ))}
                </optgroup>
                <optgroup label="Assign">
                  {options.leads.map((lead) => (
                    <option key={lead.id} value={`assign:${lead.id}`}>
                      Assign to {lead.name}
                    </option>
                  ))}
                  <option value="assign:none">Unassign</option>
                </optgroup>
              </select>
            </div>
            <Button secondary>Apply to responses</Button>
          </fieldset>
        ) : null}
      </Form>

      {nextHref || previousHref || paged ? (
        <nav className="nhsuk-pagination" role="navigation" aria-label="Pagination">
          <ul className="nhsuk-list nhsuk-pagination__list">
            {previousHref || (paged && !filters.q) ? (
              <li className="nhsuk-pagination-item--previous">
                <Link className="nhsuk-pagination__link nhsuk-pagination__link--prev" to={previousHref ?? `?${query}`}>
                  <span className="nhsuk-pagination__title">{previousHref ? "Previous" : "Newest"}</span>
                  <span className="nhsuk-u-visually-hidden">:</span>
                  <span className="nhsuk-pagination__page">{previousHref ? "Previous page" : "Back to the newest responses"}</span>
                </Link>
              </li>
            ) : null}
            {nextHref ? (
              <li className="nhsuk-pagination-item--next">
                <Link className="nhsuk-pagination__link nhsuk-pagination__link--next" to={nextHref}>
                  <span className="nhsuk-pagination__title">Next</span>
                  <span className="nhsuk-u-visually-hidden">:</span>
                  <span className="nhsuk-pagination__page">{filters.q ? "Next page" : "Older responses"}</span>
                </Link>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </Page>
  );
}
