import type { FlagKind, SubmissionStatus } from "~db/schema";

import { statusLabels } from "~/modules/triage/inbox-filters";

const statusColours: Record<SubmissionStatus, string> = {
  new: "nhsuk-tag--blue",
  in_review: "nhsuk-tag--yellow",
  themed: "nhsuk-tag--purple",
  closed: "nhsuk-tag--green",
  excluded: "nhsuk-tag--grey",
};

export function StatusTag({ status }: { status: SubmissionStatus }) {
  return <strong className={`nhsuk-tag ${statusColours[status]}`}>{statusLabels[status]}</strong>;
}

export const flagLabels: Record<FlagKind, string> = {
  safety: "Safety concern",
  complaint: "Complaint about care",
};

export function FlagTag({ kind, state }: { kind: FlagKind; state: "open" | "actioned" }) {
  return (
    <strong className={`nhsuk-tag ${state === "open" ? "nhsuk-tag--red" : "nhsuk-tag--white"}`}>
      {flagLabels[kind]}
      {state === "actioned" ? " (actioned)" : ""}
    </strong>
  );
}

export function ThemeTags({ names }: { names: readonly string[] }) {
  if (names.length === 0) return <span className="app-muted">No theme yet</span>;
  return (
    <ul className="app-tag-list">
      {names.map((name) => (
        <li key={name}>
          <strong className="nhsuk-tag nhsuk-tag--aqua-green">{name}</strong>
        </li>
      ))}
    </ul>
  );
}
