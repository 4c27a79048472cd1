import { useNavigate } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";

import { useHydrated } from "~/components/forms/use-hydrated";

const STORAGE_KEY = "icct-keyboard-shortcuts";

const shortcuts: [string, string][] = [
  ["1, 2 or 3", "Go to the theme filter for the first, second or third priority"],
  ["Enter (in a theme filter)", "Tick the first theme that matches what you typed"],
  ["Ctrl + Enter (in a theme filter)", "Save that priority's themes"],
  ["Escape (in a theme filter)", "Clear the filter"],
  ["s", "Go to the status"],
  ["n", "Next response in this list"],
  ["p", "Previous response in this list"],
  ["?", "Show or hide this list"],
];

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
}

/**
 * Single-key shortcuts for tagging by keyboard. They work only when focus is not in a text field,
 * and can be turned off (WCAG 2.1.4), which is remembered in this browser.
 */
export function TriageShortcuts({ nextHref, previousHref }: { nextHref: string | null; previousHref: string | null }) {
  const live = useHydrated();
  const navigate = useNavigate();
  const details = useRef<HTMLDetailsElement>(null);
  const [enabled, setEnabled] = useState(true);

  useEffect(() => {
    setEnabled(window.localStorage.getItem(STORAGE_KEY) !== "off");
  }, []);

  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      const focus = (selector: string) => {
        const element = document.querySelector<HTMLElement>(selector);
        if (!element) return;
        event.preventDefault();
        element.focus();
        element.scrollIntoView({ block: "center" });
      };
      if (["1", "2", "3"].includes(event.key)) focus(`[data-priority-shortcut="${event.key}"] input[type="text"]`);
      else if (event.key === "s") focus('input[name="status"]:checked, input[name="status"]');
      else if (event.key === "n" && nextHref) navigate(nextHref);
      else if (event.key === "p" && previousHref) navigate(previousHref);
      else if (event.key === "?" && details.current) details.current.open = !details.current.open;
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [enabled, navigate, nextHref, previousHref]);

  if (!live) return null;
  return (
    <details className="nhsuk-details app-no-print" ref={details}>
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">Keyboard shortcuts</span>
      </summary>
      <div className="nhsuk-details__text">
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Keyboard shortcuts</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th className="nhsuk-table__header" scope="col">Key</th>
              <th className="nhsuk-table__header" scope="col">What it does</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {shortcuts.map(([key, description]) => (
              <tr key={key} className="nhsuk-table__row">
                <td className="nhsuk-table__cell">
                  <kbd>{key}</kbd>
                </td>
                <td className="nhsuk-table__cell">{description}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
          <div className="nhsuk-checkboxes__item">
            <input
              className="nhsuk-checkboxes__input"
              id="shortcuts-enabled"
              type="checkbox"
              checked={enabled}
              onChange={(event) => {
                setEnabled(event.target.checked);
                window.localStorage.setItem(STORAGE_KEY, event.target.checked ? "on" : "off");
              }}
            />
            <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="shortcuts-enabled">
              Use single-key shortcuts on this page
            </label>
          </div>
        </div>
      </div>
    </details>
  );
}
