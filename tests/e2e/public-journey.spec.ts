import { expect, test, type Page } from "@playwright/test";

import { expectNoAxeViolations, expectNoAxeViolationsWithoutScripts } from "./axe";

const first = "Faster scans when a GP is worried";

async function expectTitle(page: Page, title: string) {
  await expect(page).toHaveTitle(`${title} – Improving Cancer Care Together – NHS`);
}

test.describe("with JavaScript", () => {
  test("the whole journey validates as the person goes, counts characters live and passes axe on every page", async ({ page }) => {
    await page.goto("/");
    await expectTitle(page, "Tell us your priorities for cancer care");
    await expectNoAxeViolations(page, "start page");
    await page.getByRole("link", { name: "Start now" }).click();

    await expectTitle(page, "What are your top three priorities?");
    await expect(page.getByText("You have 1,000 characters remaining").first()).toBeVisible();
    await expectNoAxeViolations(page, "priorities page");

    // Submitting an empty first priority is caught in the browser, before any request.
    const posts: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST") posts.push(request.url());
    });
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("alert")).toContainText("Enter your first priority");
    await expect(page).toHaveTitle(/^Error: What are your top three priorities\?/);
    expect(posts).toEqual([]);
    await expectNoAxeViolations(page, "priorities page with errors");

    const firstPriority = page.getByRole("textbox", { name: "first priority" }).first();
    await firstPriority.fill(first);
    await expect(page.getByText(`You have ${(1000 - first.length).toLocaleString("en-GB")} characters remaining`)).toBeVisible();
    await expect(page.getByRole("alert")).toHaveCount(0);
    await page.getByRole("group", { name: /Does it need investment.*first priority/ }).getByLabel("Both").check();
    await page.getByRole("textbox", { name: /What would make the most difference.*second priority/ }).fill("More cancer nurse specialists");
    await page.getByRole("button", { name: "Continue" }).click();

    await expectTitle(page, "About you");
    await expectNoAxeViolations(page, "about you page");
    // "Prefer not to say" cannot be combined with other answers: choosing it clears them, and back.
    await page.getByLabel("I care for, or have cared for, someone with cancer").check();
    const describeYou = page.getByRole("group", { name: "Which of these describe you? (optional)" });
    await describeYou.getByLabel("Prefer not to say").check();
    await expect(page.getByLabel("I care for, or have cared for, someone with cancer")).not.toBeChecked();
    await page.getByLabel("I care for, or have cared for, someone with cancer").check();
    await expect(describeYou.getByLabel("Prefer not to say")).not.toBeChecked();
    await page.getByLabel("Liverpool", { exact: true }).check();
    await page.getByRole("button", { name: "Continue" }).click();

    await expectTitle(page, "Stay in touch");
    await expectNoAxeViolations(page, "stay in touch page");
    await page.getByLabel("Email address (optional)").fill("not an email");
    await page.getByLabel("Email address (optional)").blur();
    await expect(page.getByText("Enter an email address in the correct format").first()).toBeVisible();
    await page.getByLabel("Email address (optional)").fill("");
    await page.getByRole("button", { name: "Continue" }).click();

    await expectTitle(page, "Check your answers before sending your response");
    await expect(page.getByText(first)).toBeVisible();
    await expectNoAxeViolations(page, "check answers page");
    await page.getByRole("link", { name: "Change where you live" }).click();
    await expectTitle(page, "About you");
    await page.getByLabel("Sefton").check();
    await page.getByRole("button", { name: "Continue" }).click();
    await expectTitle(page, "Check your answers before sending your response");
    await expect(page.getByText("Sefton")).toBeVisible();
    await page.getByRole("button", { name: "Send my response" }).click();

    await expectTitle(page, "Equality questions (optional)");
    const reference = (await page.locator(".app-reference").textContent())!;
    expect(reference).toMatch(/^ICCT-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    await expectNoAxeViolations(page, "equality explainer");
    await page.getByRole("link", { name: "Answer the equality questions" }).click();
    await expectNoAxeViolations(page, "equality questions");
    await page.getByRole("group", { name: "What is your age?" }).getByLabel("65 to 74").check();
    await page.getByRole("group", { name: "What is your ethnic group?" }).getByLabel("Asian or Asian British").check();
    await page.getByRole("button", { name: "Continue" }).click();
    await expectTitle(page, "Your ethnic background");
    await expectNoAxeViolations(page, "ethnic background");
    await page.getByLabel("Prefer not to say").check();
    await page.getByRole("button", { name: "Continue" }).click();

    await expectTitle(page, "Your priorities have been sent");
    await expect(page.locator(".nhsuk-panel")).toContainText(reference);
    await expectNoAxeViolations(page, "confirmation page");
    await page.getByRole("link", { name: "view and print a copy of your answers" }).click();
    await expect(page.getByText(first)).toBeVisible();
    await expect(page.getByRole("button", { name: "Print this page" })).toBeVisible();
    await expectNoAxeViolations(page, "copy page");
  });

  test("information pages and the 404 page pass axe", async ({ page }) => {
    for (const path of ["/privacy", "/accessibility", "/cookies", "/contact", "/not-a-page"]) {
      await page.goto(path);
      await expectNoAxeViolations(page, path);
    }
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the whole journey works with plain form posts and server validation", async ({ page }) => {
    await page.goto("/priorities");
    await expect(page.getByText("You can enter up to 1,000 characters").first()).toBeVisible();
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page).toHaveTitle(/^Error: What are your top three priorities\?/);
    await expect(page.locator(".nhsuk-error-summary")).toContainText("Enter your first priority");
    await expectNoAxeViolationsWithoutScripts(page, "priorities page with server errors (no JS)");
    await page.locator(".nhsuk-error-summary a").first().click();
    await expect(page.getByRole("textbox", { name: "first priority" }).first()).toBeFocused();

    await page.getByRole("textbox", { name: "first priority" }).first().fill(first);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page).toHaveTitle(/^About you/);
    // Conditional questions are shown when scripts cannot reveal them.
    await expect(page.getByLabel("Name of the organisation (optional)")).toBeVisible();
    await page.getByLabel("Wirral", { exact: true }).check();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByLabel("Email address (optional)").fill("person@example.com");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page).toHaveTitle(/^Check your answers/);
    await expect(page.getByText("person@example.com")).toBeVisible();
    await page.getByRole("button", { name: "Send my response" }).click();
    await expect(page).toHaveTitle(/^Equality questions/);
    await page.getByRole("link", { name: "Skip the equality questions" }).click();
    await expect(page).toHaveTitle(/^Your priorities have been sent/);
    await expect(page.locator(".nhsuk-panel")).toContainText(/ICCT-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}/);
    await expect(page.getByText("We are sending a confirmation to your email address")).toBeVisible();
    await expectNoAxeViolationsWithoutScripts(page, "confirmation (no JS)");
  });
});

test("the journey can be completed with the keyboard alone", async ({ page }) => {
  await page.goto("/");
  // Tab from the top of the page to the start button.
  for (let i = 0; i < 40; i += 1) {
    await page.keyboard.press("Tab");
    if ((await page.evaluate(() => document.activeElement?.textContent?.trim())) === "Start now") break;
  }
  await page.keyboard.press("Enter");
  await expect(page).toHaveTitle(/^What are your top three priorities\?/);

  await tabUntil(page, (el) => el.id === "priority1What");
  await page.keyboard.type("Shorter waits for test results");
  await tabUntil(page, (el) => el.id === "priority1Support");
  await page.keyboard.press("Space");
  await tabUntil(page, (el) => el.textContent?.trim() === "Continue");
  await page.keyboard.press("Enter");

  await expect(page).toHaveTitle(/^About you/);
  await tabUntil(page, (el) => el.textContent?.trim() === "Continue");
  await page.keyboard.press("Enter");
  await expect(page).toHaveTitle(/^Stay in touch/);
  await tabUntil(page, (el) => el.textContent?.trim() === "Continue");
  await page.keyboard.press("Enter");
  await expect(page).toHaveTitle(/^Check your answers/);
  await expect(page.getByText("Shorter waits for test results")).toBeVisible();
  await expect(page.getByText("Needs: Investment")).toBeVisible();
  await tabUntil(page, (el) => el.textContent?.trim() === "Send my response");
  await page.keyboard.press("Enter");
  await expect(page).toHaveTitle(/^Equality questions/);
  await tabUntil(page, (el) => el.textContent?.trim() === "Skip the equality questions");
  await page.keyboard.press("Enter");
  await expect(page).toHaveTitle(/^Your priorities have been sent/);
});

async function tabUntil(page: Page, matches: (element: HTMLElement) => boolean) {
  for (let i = 0; i < 80; i += 1) {
    await page.keyboard.press("Tab");
    const found = await page.evaluate(`(${matches.toString()})(document.activeElement)`);
    if (found) return;
  }
  throw new Error("did not reach the element by tabbing");
}

test("text typed before the page's scripts have loaded is kept when they take over", async ({ page }) => {
  let releaseScripts: () => void = () => {};
  const scriptsHeld = new Promise<void>((resolve) => (releaseScripts = resolve));
  await page.route("**/build/**/*.js", async (route) => {
    await scriptsHeld;
    await route.continue();
  });
  await page.goto("/priorities", { waitUntil: "domcontentloaded" });
  const firstPriority = page.getByRole("textbox", { name: "first priority" }).first();
  await firstPriority.fill("Typed while the page was still loading");
  await page.getByRole("group", { name: /Does it need investment.*first priority/ }).getByLabel("Not sure").check();
  releaseScripts();
  await expect(page.getByText(`You have ${1000 - "Typed while the page was still loading".length} characters remaining`)).toBeVisible();
  await expect(firstPriority).toHaveValue("Typed while the page was still loading");
  await expect(page.getByRole("group", { name: /Does it need investment.*first priority/ }).getByLabel("Not sure")).toBeChecked();
});
