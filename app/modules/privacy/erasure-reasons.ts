/** Why a member of staff erases a response (the service also erases them for "retention"). */
export const erasureReasons = ["request", "mistake"] as const;
export type ErasureReason = (typeof erasureReasons)[number] | "retention";

export const erasureReasonLabels: Record<ErasureReason, string> = {
  request: "The person asked us to delete it",
  mistake: "It was entered by mistake",
  retention: "It was kept as long as the privacy notice allows",
};
