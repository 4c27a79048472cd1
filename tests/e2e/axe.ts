import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** WCAG 2.2 AA checks with axe-core; every violation is listed by rule and element. */
export async function expectNoAxeViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const violations = results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    nodes: violation.nodes.map((node) => node.target.join(" ")),
  }));
  expect(violations, `axe violations on ${label}`).toEqual([]);
}

/**
 * axe needs to run script in the page, which a JavaScript-disabled page cannot. So the page's
 * HTML, exactly as the server sent it, is loaded into a second page on the same origin, where the
 * content security policy stops its own scripts, and checked there.
 */
export async function expectNoAxeViolationsWithoutScripts(page: Page, label: string) {
  const html = await page.content();
  const context = await page.context().browser()!.newContext({ javaScriptEnabled: true });
  try {
    const checker = await context.newPage();
    await checker.goto(new URL("/healthz", page.url()).href);
    await checker.setContent(html, { waitUntil: "load" });
    await expectNoAxeViolations(checker, label);
  } finally {
    await context.close();
  }
}
