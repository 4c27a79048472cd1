/** The pages whose answers are kept in a draft until the person sends their response. */
export type JourneyPage = "priorities" | "aboutYou" | "stayInTouch";

/** Where each page of the journey lives. Shared by loaders and components, so not server-only. */
export const journeyPaths = {
  start: "/",
  priorities: "/priorities",
  aboutYou: "/about-you",
  stayInTouch: "/stay-in-touch",
  checkAnswers: "/check-answers",
  equality: "/equality",
  equalityQuestions: "/equality/questions",
  ethnicBackground: "/equality/ethnic-background",
  confirmation: "/confirmation",
  copy: "/confirmation/copy",
} as const;

const pageOrder: JourneyPage[] = ["priorities", "aboutYou", "stayInTouch"];

export function previousPath(page: JourneyPage): string {
  const index = pageOrder.indexOf(page);
  return index === 0 ? journeyPaths.start : journeyPaths[pageOrder[index - 1]!];
}

export function nextPath(page: JourneyPage): string {
  const index = pageOrder.indexOf(page);
  return index === pageOrder.length - 1 ? journeyPaths.checkAnswers : journeyPaths[pageOrder[index + 1]!];
}

/** "Change" links on the check answers page add ?return=check-answers; nothing else is honoured. */
export function returnToFrom(value: string | null | undefined): "check-answers" | null {
  return value === "check-answers" ? value : null;
}
