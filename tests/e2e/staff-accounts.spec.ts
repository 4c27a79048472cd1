import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

import { expect, test, type Page } from "@playwright/test";

import { base32Decode, hotp, timeStep } from "../../app/modules/auth/totp.server";

import { expectNoAxeViolations } from "./axe";

const root = fileURLToPath(new URL("../..", import.meta.url));

function npmUser(args: string[], input?: string): string {
  return execFileSync("npm", ["run", "--silent", "user", "--", ...args], {
    cwd: root,
    env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR!, NODE_ENV: "production" },
    input,
    encoding: "utf8",
  });
}

function codeFor(key: string, offset = 0): string {
  return hotp(base32Decode(key.replace(/\s/g, "")), timeStep(new Date()) + offset);
}

async function expectTitle(page: Page, title: string | RegExp) {
  await expect(page).toHaveTitle(typeof title === "string" ? `${title} – Improving Cancer Care Together – NHS` : title);
}

test("an invited lead sets a password, enrols two-factor, signs in and out, and every page passes axe", async ({ page }) => {
  const email = `e2e-lead-${Date.now()}@example.nhs.uk`;
  const output = npmUser(["add", "--email", email, "--name", "Erin Example", "--role", "lead"]);
  const invitePath = new URL(/http:\/\/\S+\/staff\/invite\/\S+/.exec(output)![0]).pathname;

  await page.goto(invitePath);
  await expectTitle(page, "Create your account");
  await expectNoAxeViolations(page, "create your account");
  await page.getByLabel("Create a password").fill("password1234");
  await page.getByLabel("Confirm your password").fill("password1234");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator(".nhsuk-error-summary")).toContainText("This password is too common");
  await expectNoAxeViolations(page, "create your account with errors");
  await page.getByLabel("Create a password").fill("velvet canyon rooftop mint");
  await page.getByLabel("Confirm your password").fill("velvet canyon rooftop mint");
  await page.getByRole("button", { name: "Continue" }).click();

  await expectTitle(page, "Set up two-factor sign-in");
  await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
  await expectNoAxeViolations(page, "two-factor setup");
  const key = (await page.getByTestId("totp-key").textContent())!;
  await page.getByLabel("Security code").fill(codeFor(key));
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.getByText("Two-factor sign-in is set up")).toBeVisible();
  await expectNoAxeViolations(page, "recovery codes offer");
  await page.getByRole("button", { name: "Create recovery codes" }).click();
  await expect(page.locator(".app-recovery-codes li")).toHaveCount(10);
  await expectNoAxeViolations(page, "recovery codes");
  await page.getByRole("link", { name: "I have saved my recovery codes" }).click();

  await expectTitle(page, "Dashboard");
  await expectNoAxeViolations(page, "dashboard");
  await page.getByRole("link", { name: "Erin Example" }).click();
  await expectTitle(page, "Your account");
  await expectNoAxeViolations(page, "your account");
  await page.getByRole("button", { name: "Sign out", exact: true }).click();

  await expectTitle(page, "Sign in");
  await expect(page.getByText("You have signed out")).toBeVisible();
  await expectNoAxeViolations(page, "sign in");
  await page.goto("/staff");
  await expectTitle(page, "Sign in");

  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill("velvet canyon rooftop mint");
  await page.getByRole("button", { name: "Continue" }).click();
  await expectTitle(page, "Enter the code from your authenticator app");
  await expectNoAxeViolations(page, "two-factor code");
  // The enrolment code used this time step; the app's next code is accepted.
  await page.getByLabel("Security code").fill(codeFor(key, 1));
  await page.getByRole("button", { name: "Continue" }).click();
  await expectTitle(page, "Dashboard");
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expectTitle(page, "Sign in");
});

test("an admin's pages pass axe: accounts, an account, themes, a theme, audit log, safety phrases, erasing a response, outbox, forgotten password", async ({ page }) => {
  const email = `e2e-admin-${Date.now()}@example.nhs.uk`;
  npmUser(["add", "--email", email, "--name", "Alex Admin", "--role", "admin", "--password-stdin"], "glacier pepper violin sketch\n");
  await page.goto("/staff/forgot-password");
  await expectNoAxeViolations(page, "forgotten password");
  await page.goto("/staff/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill("glacier pepper violin sketch");
  await page.getByRole("button", { name: "Continue" }).click();
  const key = (await page.getByTestId("totp-key").textContent())!;
  await page.getByLabel("Security code").fill(codeFor(key));
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await page.getByRole("link", { name: "Skip for now" }).click();

  await page.getByRole("link", { name: "Admin", exact: true }).click();
  await expectTitle(page, "Admin");
  await expectNoAxeViolations(page, "admin");
  await page.getByRole("link", { name: "Staff accounts" }).click();
  await expectNoAxeViolations(page, "staff accounts");
  await page.getByLabel("Full name").fill("Pat Planner");
  await page.getByLabel("Email address").fill(`pat-${Date.now()}@example.nhs.uk`);
  await page.getByLabel("Planner").check();
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(/An invitation has been sent to pat-/)).toBeVisible();
  await page.getByRole("link", { name: "Pat Planner" }).click();
  await expectNoAxeViolations(page, "an account");
  await page.goto("/staff/admin/themes");
  await expectNoAxeViolations(page, "themes");
  await page.getByRole("link", { name: "Screening" }).click();
  await expectNoAxeViolations(page, "a theme");
  await page.goto("/staff/admin/audit");
  await expect(page.getByRole("cell", { name: "user.invited" }).first()).toBeVisible();
  await expectNoAxeViolations(page, "audit log");
  await page.goto("/staff/admin/safety-phrases");
  await page.getByLabel("Complaint about care").check();
  await page.getByLabel("Phrase").fill(`not listened to ${Date.now()}`);
  await page.getByRole("button", { name: "Add phrase" }).click();
  await expect(page.locator(".nhsuk-notification-banner--success")).toContainText("added");
  await expectNoAxeViolations(page, "safety phrases");
  await page.goto("/staff/responses/new");
  await page.getByLabel("Email", { exact: true }).check();
  await page.getByLabel("What would make the most difference? (first priority)").fill("A response sent twice by mistake");
  await page.getByRole("button", { name: "Save response" }).click();
  const reference = (await page.locator(".app-reference").textContent())!;
  await page.getByRole("link", { name: "Erase this response" }).click();
  await expectNoAxeViolations(page, "erase a response");
  await page.getByRole("button", { name: "Erase response" }).click();
  await expect(page.locator(".nhsuk-error-summary")).toContainText("Select why the response is being erased");
  await expectNoAxeViolations(page, "erase a response with errors");
  await page.getByLabel("It was entered by mistake").check();
  await page.getByRole("button", { name: "Erase response" }).click();
  await expect(page.locator(".nhsuk-notification-banner--success")).toContainText(`Response ${reference} erased`);
  await page.goto("/staff/admin/outbox");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Email outbox");
  await expectNoAxeViolations(page, "outbox");
});
