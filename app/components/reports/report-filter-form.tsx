import { Form } from "@remix-run/react";

import { Button, Checkboxes, ErrorMessage, Fieldset, Hint } from "~/components/nhs/form";
import type { FieldErrors } from "~/modules/forms/fields";
import {
  NOT_GIVEN,
  PLACE_NOT_GIVEN_LABEL,
  respondentTypeFilterCodes,
  respondentTypeReportLabels,
  type ReportFilterOptions,
  type ReportFilterValues,
} from "~/modules/reports/report-filters";
import { statusLabels, statuses } from "~/modules/triage/inbox-filters";

/**
 * The report builder: a GET form, so every filter ends up in the address of the preview and of
 * each download. Works without JavaScript; the server checks every value.
 */
export function ReportFilterForm({ options, values, errors }: { options: ReportFilterOptions; values: ReportFilterValues; errors: FieldErrors }) {
  return (
    <Form method="get" action="/staff/reports/preview" noValidate>
      <div className={`nhsuk-form-group${errors.campaign ? " nhsuk-form-group--error" : ""}`}>
        <label className="nhsuk-label nhsuk-label--m" htmlFor="campaign">
          Campaign
        </label>
        {errors.campaign ? <ErrorMessage id="campaign-error">{errors.campaign}</ErrorMessage> : null}
        <select
          className={`nhsuk-select${errors.campaign ? " nhsuk-select--error" : ""}`}
          id="campaign"
          name="campaign"
          defaultValue={values.campaign || options.campaigns[0]?.code}
          aria-describedby={errors.campaign ? "campaign-error" : undefined}
        >
          {options.campaigns.map((campaign) => (
            <option key={campaign.code} value={campaign.code}>
              {campaign.title}
            </option>
          ))}
        </select>
      </div>

      <div className={`nhsuk-form-group${errors.from || errors.to ? " nhsuk-form-group--error" : ""}`}>
        <Fieldset legend="When responses were received" describedById="period-hint">
          <Hint id="period-hint">Leave a date blank for no limit. Dates are in UK time and include the whole day.</Hint>
          <DateField id="from" label="From" value={values.from} error={errors.from} />
          <DateField id="to" label="To" value={values.to} error={errors.to} />
        </Fieldset>
      </div>

      <Checkboxes
        name="place"
        legend="Where respondents live"
        hint="Choose none for every place."
        error={errors.place}
        defaultValues={values.place}
        options={[...options.places.map((place) => ({ code: place.code, label: place.name })), { code: NOT_GIVEN, label: PLACE_NOT_GIVEN_LABEL }]}
      />
      <Checkboxes
        name="respondentType"
        legend="Who responded"
        hint="Choose none for every respondent. Respondents could choose more than one."
        error={errors.respondentType}
        defaultValues={values.respondentType}
        options={respondentTypeFilterCodes.map((code) => ({ code, label: respondentTypeReportLabels[code] }))}
      />
      <Checkboxes
        name="theme"
        legend="Themes"
        hint="Choose none for every priority, with a theme or not. Choosing themes reports on the priorities tagged with them."
        error={errors.theme}
        defaultValues={values.theme}
        options={options.themes.map((theme) => ({ code: theme.slug, label: theme.retired ? `${theme.name} (retired)` : theme.name }))}
      />
      <Checkboxes
        name="status"
        legend="Statuses"
        hint="Choose none for every status except excluded."
        error={errors.status}
        defaultValues={values.status}
        options={statuses.map((status) => ({ code: status, label: statusLabels[status] }))}
      />
      <Button>Preview the report</Button>
    </Form>
  );
}

function DateField({ id, label, value, error }: { id: string; label: string; value: string; error: string | undefined }) {
  return (
    <div className="nhsuk-form-group">
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
      <input
        className={`nhsuk-input nhsuk-input--width-10${error ? " nhsuk-input--error" : ""}`}
        id={id}
        name={id}
        type="date"
        defaultValue={value}
        aria-describedby={error ? `${id}-error` : undefined}
      />
    </div>
  );
}
