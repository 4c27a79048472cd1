import type { ReactNode } from "react";

export function WarningCallout({ heading, children }: { heading: string; children: ReactNode }) {
  return (
    <div className="nhsuk-card nhsuk-card--warning">
      <div className="nhsuk-card__content">
        <h2 className="nhsuk-card__heading">{heading}</h2>
        {children}
      </div>
    </div>
  );
}

export function InsetText({ children }: { children: ReactNode }) {
  return (
    <div className="nhsuk-inset-text">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      {children}
    </div>
  );
}

export function Panel({ heading, children }: { heading: string; children: ReactNode }) {
  return (
    <div className="nhsuk-panel">
      <h1 className="nhsuk-panel__heading">{heading}</h1>
      <div className="nhsuk-panel__body">{children}</div>
    </div>
  );
}

export function Details({ summary, children, open }: { summary: string; children: ReactNode; open?: boolean }) {
  return (
    <details className="nhsuk-details" open={open}>
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">{summary}</span>
      </summary>
      <div className="nhsuk-details__text">{children}</div>
    </details>
  );
}

export interface SummaryRow {
  key: string;
  value: ReactNode;
  /** A Change link; `label` completes "Change ..." for screen readers. */
  action?: { href: string; label: string };
}

export function SummaryList({ rows, noBorder }: { rows: SummaryRow[]; noBorder?: boolean }) {
  return (
    <dl className={`nhsuk-summary-list${noBorder ? " nhsuk-summary-list--no-border" : ""}`}>
      {rows.map((row) => (
        <div key={row.key} className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">{row.key}</dt>
          <dd className="nhsuk-summary-list__value">{row.value}</dd>
          {row.action ? (
            <dd className="nhsuk-summary-list__actions">
              <a className="nhsuk-link" href={row.action.href}>
                Change<span className="nhsuk-u-visually-hidden"> {row.action.label}</span>
              </a>
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}

export function NotificationBanner({
  title = "Important",
  success,
  children,
}: {
  title?: string;
  success?: boolean;
  children: ReactNode;
}) {
  return (
    <div
      className={`nhsuk-notification-banner${success ? " nhsuk-notification-banner--success" : ""}`}
      role={success ? "alert" : "region"}
      aria-labelledby="notification-banner-title"
    >
      <div className="nhsuk-notification-banner__header">
        <h2 className="nhsuk-notification-banner__title" id="notification-banner-title">
          {title}
        </h2>
      </div>
      <div className="nhsuk-notification-banner__content">{children}</div>
    </div>
  );
}

/** Multi-line text typed by a person, shown exactly as typed (React escapes it). */
export function TypedText({ text }: { text: string }) {
  return <span className="app-pre-wrap">{text}</span>;
}
