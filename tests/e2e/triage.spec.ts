/**
 * An engagement lead's day in Chromium: enter paper responses, find them by searching, tag a
 * priority with the keyboard alone, flag one, exclude several at once, and check every page with
 * axe. Tagging is also done with scripts turned off, where the picker is plain checkboxes.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

import { expect, test, type Page } from "@playwright/test";

import { base32Decode, hotp, timeStep } from "../../app/modules/auth/totp.server";

import { expectNoAxeViolations, expectNoAxeViolationsWithoutScripts } from "./axe";

const root = fileURLToPath(new URL("../..", import.meta.url));
const password = "harbour lantern orchid tundra";

function addStaff(email: string, name: string, role: string) {
  execFileSync("npm", ["run", "--silent", "user", "--", "add", "--email", email, "--name", name, "--role", role, "--password-stdin"], {
    cwd: root,
    env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR!, NODE_ENV: "production" },
    input: `${password}\n`,
    encoding: "utf8",
  });
}

async function signInAndEnrol(page: Page, email: string) {
  await page.goto("/staff/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Continue" }).click();
  const key = (await page.getByTestId("totp-key").textContent())!.replace(/\s/g, "");
  await page.getByLabel("Security code").fill(hotp(base32Decode(key), timeStep(new Date())));
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await page.getByRole("link", { name: "Skip for now" }).click();
  await expect(page).toHaveTitle(/^Dashboard/);
}

async function enterPaperResponse(page: Page, what: string, why = "") {
  await page.goto("/staff/responses/new");
  await page.getByLabel("Paper").check();
  await page.getByLabel("What would make the most difference? (first priority)").fill(what);
  if (why) await page.getByLabel("Why does it matter? (optional) – first priority").fill(why);
  await page.getByRole("button", { name: "Save response" }).click();
  await expect(page.locator(".nhsuk-notification-banner--success")).toContainText("Response saved");
  return (await page.locator(".app-reference").textContent())!;
}

test("a lead enters, finds, tags by keyboard, flags and bulk-excludes responses, and every page passes axe", async ({ page }) => {
  const stamp = Date.now();
  const token = `kestrelmarker${stamp}`;
  const email = `e2e-triage-${stamp}@example.nhs.uk`;
  addStaff(email, "Tia Triage", "lead");
  await signInAndEnrol(page, email);
  await expectNoAxeViolations(page, "dashboard");

  await page.goto("/staff/responses/new");
  await expectNoAxeViolations(page, "enter a response");
  await page.getByRole("button", { name: "Save response" }).click();
  await expect(page.locator(".nhsuk-error-summary")).toContainText("Select how the response was received");
  await expectNoAxeViolations(page, "enter a response with errors");

  const first = await enterPaperResponse(page, `Shorter waits for scans after a referral ${token}`, "My mum waited eight weeks.");
  const second = await enterPaperResponse(page, `More nurse specialists on the wards ${token}`);
  expect(first).not.toEqual(second);
  await expectNoAxeViolations(page, "a response");

  await page.goto("/staff/responses");
  await expectNoAxeViolations(page, "responses");
  await page.getByLabel("Search the text of priorities").fill(token);
  await page.getByRole("button", { name: "Search and filter" }).click();
  await expect(page.getByRole("status")).toHaveText(`2 responses match "${token}"`);
  await expect(page.locator("mark").first()).toContainText(token);
  await expectNoAxeViolations(page, "search results");

  await page.getByRole("link", { name: first }).click();
  await expect(page.locator("h1")).toContainText(first);
  await page.locator("body").press("1");
  const filter = page.getByLabel("Filter themes for the first priority");
  await expect(filter).toBeFocused();
  await page.keyboard.type("waiting for");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("checkbox", { name: "Waiting for treatment" })).toBeChecked();
  await expect(filter).toHaveValue("");
  await page.keyboard.type("tests and");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Control+Enter");
  await expect(page.locator(".nhsuk-notification-banner--success")).toContainText("Themes saved");
  const firstCard = page.locator("section.nhsuk-card").first();
  await expect(firstCard.locator(".nhsuk-tag", { hasText: "Waiting for treatment" }).first()).toBeVisible();
  await expect(firstCard.locator(".nhsuk-tag", { hasText: "Tests and faster diagnosis" }).first()).toBeVisible();
  await expectNoAxeViolations(page, "a response after tagging");

  await page.getByRole("button", { name: "Flag as complaint" }).click();
  await expect(page.locator(".nhsuk-notification-banner--success")).toContainText("Flag raised");
  await expect(page.getByLabel("What was done")).toBeVisible();
  await expectNoAxeViolations(page, "a response with an open flag");
  await page.getByRole("button", { name: "Mark as actioned" }).click();
  await expect(page.locator(".nhsuk-error-summary")).toBeVisible();
  await page.getByLabel("What was done").fill("Passed to the PALS team with the person's consent.");
  await page.getByRole("button", { name: "Mark as actioned" }).click();
  await expect(page.locator(".nhsuk-notification-banner--success")).toContainText("Flag marked as actioned");

  await page.getByRole("link", { name: "Back to responses" }).click();
  await expect(page.getByRole("status")).toHaveText(`2 responses match "${token}"`);
  await page.getByLabel(`Select ${first}`).check();
  await page.getByLabel(`Select ${second}`).check();
  await page.getByLabel("What to do").selectOption({ label: "Exclude: Test response" });
  await page.getByRole("button", { name: "Apply to responses" }).click();
  await expect(page.locator(".nhsuk-notification-banner--success")).toContainText("2 responses updated");
  await expect(page.locator("tbody .nhsuk-tag", { hasText: "Excluded" })).toHaveCount(2);
  await expectNoAxeViolations(page, "responses after a bulk change");

  await page.getByLabel("Status").selectOption({ label: "Excluded" });
  await page.getByRole("button", { name: "Search and filter" }).click();
  await expect(page).toHaveURL(/status=excluded/);
  await expect(page.getByRole("status")).toHaveText(`2 responses match "${token}"`);
});

test("without scripts a lead tags a priority with checkboxes and the Save button", async ({ browser }) => {
  const stamp = Date.now();
  const email = `e2e-triage-nojs-${stamp}@example.nhs.uk`;
  addStaff(email, "Noah Noscript", "lead");
  const scripted = await browser.newContext();
  const setup = await scripted.newPage();
  await signInAndEnrol(setup, email);
  const reference = await enterPaperResponse(setup, `Clearer letters about screening results nojs${stamp}`);
  const responseUrl = setup.url();
  const signedIn = await scripted.storageState();
  await scripted.close();

  const context = await browser.newContext({ javaScriptEnabled: false, storageState: signedIn });
  try {
    const page = await context.newPage();
    await page.goto(responseUrl);
    await expect(page.locator("h1")).toContainText(reference);
    await expect(page.getByLabel("Filter themes for the first priority")).toHaveCount(0);
    await expectNoAxeViolationsWithoutScripts(page, "a response without scripts");
    const picker = page.locator("section.nhsuk-card").first();
    await picker.getByRole("checkbox", { name: /^Screening/ }).check();
    await picker.getByRole("checkbox", { name: /^Communication and involvement/ }).check();
    await picker.getByRole("button", { name: "Save themes for the first priority" }).click();
    await expect(page.locator(".nhsuk-notification-banner--success")).toContainText("Themes saved");
    await expect(picker.getByRole("checkbox", { name: /^Screening/ })).toBeChecked();
    await expect(picker.getByRole("checkbox", { name: /^Communication and involvement/ })).toBeChecked();
  } finally {
    await context.close();
  }
});
