import { Form } from "@remix-run/react";
import { useRef, useState } from "react";

import { useHydrated } from "~/components/forms/use-hydrated";
import { MAX_THEMES } from "~/modules/triage/theme-limits";

export interface PickerTheme {
  id: number;
  name: string;
}

/**
 * Theme tagging for one priority. Without scripts: a checkbox per theme and a Save button. With
 * scripts: a filter box (press the priority's number to reach it), Enter ticks the first match,
 * Ctrl+Enter saves, and no more than three can be ticked.
 */
export function ThemePicker({
  priorityId,
  ordinal,
  shortcut,
  version,
  themes,
  chosen,
  suggested,
}: {
  priorityId: number;
  ordinal: string;
  shortcut: number;
  version: number;
  themes: PickerTheme[];
  chosen: number[];
  suggested: number[];
}) {
  const live = useHydrated();
  const [selected, setSelected] = useState<number[]>(chosen);
  const [filter, setFilter] = useState("");
  const formRef = useRef<HTMLFormElement>(null);
  const ordered = [...themes.filter((theme) => suggested.includes(theme.id)), ...themes.filter((theme) => !suggested.includes(theme.id))];
  const visible = live && filter ? ordered.filter((theme) => theme.name.toLowerCase().includes(filter.toLowerCase())) : ordered;
  const full = selected.length >= MAX_THEMES;
  const toggle = (id: number) =>
    setSelected((current) => (current.includes(id) ? current.filter((value) => value !== id) : current.length >= MAX_THEMES ? current : [...current, id]));

  return (
    <Form method="post" ref={formRef} className="app-theme-picker" data-priority-shortcut={shortcut}>
      <input type="hidden" name="intent" value="themes" />
      <input type="hidden" name="priorityId" value={priorityId} />
      <input type="hidden" name="version" value={version} />
      <fieldset className="nhsuk-fieldset" aria-describedby={`themes-${priorityId}-hint`}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Themes for the {ordinal} priority</legend>
        <div className="nhsuk-hint" id={`themes-${priorityId}-hint`}>
          Choose up to {MAX_THEMES}. Suggested themes, from words in the text, are listed first.
          {live ? ` Press ${shortcut} to filter, Enter to tick the first match, Ctrl and Enter to save.` : null}
        </div>
        {live ? (
          <div className="nhsuk-form-group">
            <label className="nhsuk-label" htmlFor={`theme-filter-${priorityId}`}>
              Filter themes<span className="nhsuk-u-visually-hidden"> for the {ordinal} priority</span>
            </label>
            <input
              className="nhsuk-input nhsuk-u-width-two-thirds"
              id={`theme-filter-${priorityId}`}
              type="text"
              autoComplete="off"
              value={filter}
              onChange={(event) => setFilter(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
                  event.preventDefault();
                  formRef.current?.requestSubmit();
                } else if (event.key === "Enter") {
                  event.preventDefault();
                  if (visible[0]) toggle(visible[0].id);
                  setFilter("");
                } else if (event.key === "Escape") {
                  setFilter("");
                }
              }}
            />
          </div>
        ) : null}
        <div className="nhsuk-checkboxes nhsuk-checkboxes--small app-theme-options">
          {ordered.map((theme) => {
            const id = `theme-${priorityId}-${theme.id}`;
            const isSelected = selected.includes(theme.id);
            return (
              <div key={theme.id} className="nhsuk-checkboxes__item" hidden={live && !visible.includes(theme)}>
                <input
                  className="nhsuk-checkboxes__input"
                  id={id}
                  name="themeIds"
                  type="checkbox"
                  value={theme.id}
                  checked={isSelected}
                  disabled={live && full && !isSelected}
                  onChange={() => toggle(theme.id)}
                />
                <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={id}>
                  {theme.name}
                  {suggested.includes(theme.id) ? <strong className="nhsuk-tag nhsuk-tag--white app-suggested">Suggested</strong> : null}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
      <button className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" type="submit">
        Save themes<span className="nhsuk-u-visually-hidden"> for the {ordinal} priority</span>
      </button>
    </Form>
  );
}
