/**
 * A planner signs in, builds a report, previews it (checked with axe) and downloads the PDF and a
 * CSV, in Chromium against the built server, with demo responses added to its database.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { expect, test, type Download, type Page } from "@playwright/test";

import { base32Decode, hotp, timeStep } from "../../app/modules/auth/totp.server";
import { normaliseSpace, pdfPages, qpdfCheck } from "../support/pdf-tools";

import { expectNoAxeViolations } from "./axe";

const root = fileURLToPath(new URL("../..", import.meta.url));

function npmRun(args: string[], input?: string): string {
  return execFileSync("npm", ["run", "--silent", ...args], {
    cwd: root,
    env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR!, NODE_ENV: "production" },
    input,
    encoding: "utf8",
  });
}

async function signInAsNewPlanner(page: Page) {
  const email = `e2e-planner-${Date.now()}@example.nhs.uk`;
  npmRun(["user", "--", "add", "--email", email, "--name", "Priya Planner", "--role", "planner", "--password-stdin"], "harbour lantern thistle quartz\n");
  await page.goto("/staff/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill("harbour lantern thistle quartz");
  await page.getByRole("button", { name: "Continue" }).click();
  const key = (await page.getByTestId("totp-key").textContent())!.replace(/\s/g, "");
  await page.getByLabel("Security code").fill(hotp(base32Decode(key), timeStep(new Date())));
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await page.getByRole("link", { name: "Skip for now" }).click();
  await expect(page).toHaveTitle("Dashboard – Improving Cancer Care Together – NHS");
}

async function downloadFrom(page: Page, linkName: string): Promise<{ download: Download; body: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: linkName }).click()]);
  const path = await download.path();
  return { download, body: readFileSync(path) };
}

test("a planner builds a report, previews it and downloads the PDF and a CSV", async ({ page }) => {
  npmRun(["seed:demo", "--", "--responses", "400", "--seed", "73", "--append"]);
  await signInAsNewPlanner(page);

  await page.getByRole("link", { name: "Reports", exact: true }).click();
  await expect(page).toHaveTitle("Build a report – Improving Cancer Care Together – NHS");
  await expectNoAxeViolations(page, "report builder");

  // A contradictory period is explained next to the field, and what was chosen is kept.
  await page.getByLabel("From", { exact: true }).fill("2026-10-01");
  await page.getByLabel("To", { exact: true }).fill("2026-09-01");
  await page.getByLabel("Liverpool", { exact: true }).check();
  await page.getByRole("button", { name: "Preview the report" }).click();
  await expect(page).toHaveTitle("Error: Build a report – Improving Cancer Care Together – NHS");
  await expect(page.locator(".nhsuk-error-summary")).toContainText("The end date must be the same as or after the start date");
  await expect(page.getByLabel("Liverpool", { exact: true })).toBeChecked();
  await expectNoAxeViolations(page, "report builder with errors");

  await page.getByLabel("From", { exact: true }).fill("");
  await page.getByLabel("To", { exact: true }).fill("");
  await page.getByLabel("Wirral", { exact: true }).check();
  await page.getByRole("button", { name: "Preview the report" }).click();
  await expect(page).toHaveTitle("Themed summary of priorities for cancer care – Improving Cancer Care Together – NHS");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Themed summary of priorities for cancer care");
  await expect(page.getByText("Places: Liverpool and Wirral")).toBeVisible();
  await expect(page.getByRole("table", { name: "Themes ranked by number of priorities" })).toBeVisible();
  await expectNoAxeViolations(page, "report preview");

  const pdf = await downloadFrom(page, "Download the report as a PDF");
  expect(pdf.download.suggestedFilename()).toMatch(/^icct-themed-summary-\d{4}-\d{2}-\d{2}\.pdf$/);
  const saved = { path: await pdf.download.path() };
  expect(qpdfCheck(saved).status).toBe(0);
  const text = normaliseSpace(pdfPages(saved).join(" "));
  expect(text).toContain("Places: Liverpool and Wirral");
  expect(text).toContain("Generated");
  expect(text).toContain("Priya Planner");

  const csv = await downloadFrom(page, "Download the priorities as a spreadsheet (CSV)");
  expect(csv.download.suggestedFilename()).toMatch(/^icct-priorities-\d{4}-\d{2}-\d{2}\.csv$/);
  expect([...csv.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...rows] = csv.body.toString("utf8").slice(1).split("\r\n").filter(Boolean);
  expect(header).toBe("reference,received_at,channel,status,excluded_reason,campaign,place,respondent_types,priority_rank,priority,why_it_matters,support_needed,themes,suitable_to_quote");
  expect(rows.length).toBeGreaterThan(10);

  // Still on the preview: downloads do not navigate away.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Themed summary of priorities for cancer care");
});
