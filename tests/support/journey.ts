import { expect } from "vitest";

import { BrowserClient, hiddenValue, type Page } from "./browser-client";

export const validPriorities = {
  priority1What: "Faster access to scans when a GP is worried about cancer",
  priority1Why: "My mum waited six weeks for a CT scan",
  priority1Support: "investment",
  priority2What: "A named nurse who answers the phone",
  priority2Why: "",
  priority2Support: "project_support",
  priority3What: "",
  priority3Why: "",
};

/** Goes through the public journey as a person without JavaScript would, up to check your answers. */
export async function fillJourney(
  client: BrowserClient,
  {
    priorities = validPriorities,
    aboutYou = { respondentTypes: ["patient", "carer"], place: "wirral", trusts: ["clatterbridge", "wirral-university"], cancerType: "bowel" },
    stayInTouch = { email: "", contactPreferences: [] as string[] },
  }: {
    priorities?: Record<string, string>;
    aboutYou?: Record<string, string | string[]>;
    stayInTouch?: Record<string, string | string[]>;
  } = {},
): Promise<Page> {
  const prioritiesPage = await client.get("/priorities");
  expect(prioritiesPage.status).toBe(200);
  const afterPriorities = await client.post("/priorities", {
    ...priorities,
    formStartedAt: hiddenValue(prioritiesPage.html, "formStartedAt"),
    website: "",
  });
  expect(afterPriorities.url).toMatch(/\/about-you$/);
  const afterAbout = await client.post("/about-you", aboutYou);
  expect(afterAbout.url).toMatch(/\/stay-in-touch$/);
  const checkAnswers = await client.post("/stay-in-touch", stayInTouch);
  expect(checkAnswers.url).toMatch(/\/check-answers$/);
  expect(checkAnswers.status).toBe(200);
  return checkAnswers;
}

export function referenceIn(html: string): string {
  const match = /ICCT-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}/.exec(html);
  if (!match) throw new Error("no reference on the page");
  return match[0];
}
