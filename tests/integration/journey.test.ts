import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { BrowserClient, titleOf } from "../support/browser-client";
import { count, rows } from "../support/database";
import { fillJourney, referenceIn, validPriorities } from "../support/journey";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.stop();
});

describe("the public journey without JavaScript", () => {
  it("starts on an NHS-styled start page with the privacy notice, accessibility statement and a warning about urgent care", async () => {
    const page = await new BrowserClient(server.url).get("/");
    expect(page.status).toBe(200);
    expect(titleOf(page.html)).toBe("Tell us your priorities for cancer care – Improving Cancer Care Together – NHS");
    expect(page.html).toContain("nhsuk-header");
    expect(page.html).toContain('href="/privacy"');
    expect(page.html).toContain('href="/accessibility"');
    expect(page.html).toContain("call 111");
    expect(page.html).toContain("It takes about 5 minutes");
    expect(page.html).toContain('href="/priorities"');
  });

  it("saves a response with its priorities, about-you answers and no outbox row when no email was given", async () => {
    const client = new BrowserClient(server.url);
    const checkAnswers = await fillJourney(client);
    expect(titleOf(checkAnswers.html)).toContain("Check your answers");
    expect(checkAnswers.html).toContain(validPriorities.priority1What);
    expect(checkAnswers.html).toContain("Wirral");
    expect(checkAnswers.html).toContain("The Clatterbridge Cancer Centre NHS Foundation Trust");
    expect(checkAnswers.html).toContain('href="/priorities?return=check-answers#priority1What"');

    const equality = await client.post("/check-answers", { website: "" });
    expect(equality.url).toMatch(/\/equality$/);
    const reference = referenceIn(equality.html);

    const [submission] = rows<Record<string, unknown>>(server.databasePath, "select * from submissions where reference = ?", reference);
    expect(submission).toMatchObject({ channel: "online", status: "new", email: null, cancer_type: "bowel", place_prefer_not_to_say: 0 });
    const priorities = rows<{ rank: number; what_text: string; why_text: string | null; support_needed: string | null }>(
      server.databasePath,
      "select rank, what_text, why_text, support_needed from priorities where submission_id = ? order by rank",
      submission!.id,
    );
    expect(priorities).toEqual([
      { rank: 1, what_text: validPriorities.priority1What, why_text: validPriorities.priority1Why, support_needed: "investment" },
      { rank: 2, what_text: validPriorities.priority2What, why_text: null, support_needed: "project_support" },
    ]);
    expect(count(server.databasePath, "select count(*) n from submission_respondent_types where submission_id = ?", submission!.id)).toBe(2);
    expect(count(server.databasePath, "select count(*) n from submission_trusts where submission_id = ?", submission!.id)).toBe(2);
    expect(count(server.databasePath, "select count(*) n from outbox where submission_id = ?", submission!.id)).toBe(0);

    const confirmation = await client.get("/confirmation");
    expect(confirmation.html).toContain("nhsuk-panel");
    expect(confirmation.html).toContain(reference);
    expect(confirmation.html).toContain("What happens next");
    expect(confirmation.html).not.toContain("sending a confirmation to your email");

    const copy = await client.get("/confirmation/copy");
    expect(copy.html).toContain(reference);
    expect(copy.html).toContain(validPriorities.priority1Why);
  });

  it("queues a confirmation email in the same transaction when an email address was given", async () => {
    const client = new BrowserClient(server.url);
    await fillJourney(client, { stayInTouch: { email: "person@example.com", contactPreferences: ["updates"] } });
    const equality = await client.post("/check-answers", {});
    const reference = referenceIn(equality.html);
    const [message] = rows<{ payload: string; template: string; message_id: string; email: string }>(
      server.databasePath,
      "select o.*, s.email from outbox o join submissions s on s.id = o.submission_id where s.reference = ?",
      reference,
    );
    // The mail worker may already have sent it (tests/integration/mail-delivery.test.ts covers delivery).
    expect(message).toMatchObject({ template: "submission-confirmation", email: "person@example.com" });
    expect(JSON.parse(message!.payload)).toEqual({ reference });
    expect(message!.message_id).toMatch(/^<[0-9a-f-]+@localhost>$/);
    const confirmation = await client.get("/confirmation");
    expect(confirmation.html).toContain("sending a confirmation to your email");
  });

  it("keeps what was typed across pages: Back, refresh and Change links show the saved answers", async () => {
    const client = new BrowserClient(server.url);
    await fillJourney(client);
    const priorities = await client.get("/priorities?return=check-answers");
    expect(priorities.html).toContain(validPriorities.priority1What);
    expect(priorities.html).toContain('name="returnTo" value="check-answers"');
    const changed = await client.post("/priorities", { ...validPriorities, priority1What: "Changed first priority", returnTo: "check-answers" });
    expect(changed.url).toMatch(/\/check-answers$/);
    expect(changed.html).toContain("Changed first priority");
    const about = await client.get("/about-you");
    expect(about.html).toMatch(/<input[^>]*checked=""[^>]*value="wirral"/);
  });

  it("stores optional equality answers separately, and asks the background question for the chosen group", async () => {
    const client = new BrowserClient(server.url);
    await fillJourney(client);
    const explainer = await client.post("/check-answers", {});
    const reference = referenceIn(explainer.html);
    expect(explainer.html).toContain("Prefer not to say");
    const background = await client.post("/equality/questions", { ageBand: "65_74", ethnicGroup: "white", religion: "prefer_not_to_say" });
    expect(background.url).toMatch(/\/equality\/ethnic-background$/);
    expect(background.html).toContain("White background");
    const confirmation = await client.post("/equality/ethnic-background", { ethnicBackground: "irish" });
    expect(confirmation.url).toMatch(/\/confirmation$/);
    const [equality] = rows<Record<string, unknown>>(
      server.databasePath,
      "select e.* from equality_answers e join submissions s on s.id = e.submission_id where s.reference = ?",
      reference,
    );
    expect(equality).toMatchObject({ age_band: "65_74", ethnic_group: "white", ethnic_background: "irish", religion: "prefer_not_to_say", sex: null });
  });

  it("lets a person clear their answers from a shared device", async () => {
    const client = new BrowserClient(server.url);
    await fillJourney(client);
    await client.post("/check-answers", {});
    const start = await client.post("/confirmation", {});
    expect(start.url).toMatch(/\/\?cleared=1$/);
    expect(start.html).toContain("Your answers have been cleared from this device");
    const confirmation = await client.get("/confirmation");
    expect(confirmation.url).toBe(`${server.url}/`);
  });
});

describe("information pages", () => {
  it.each(["/privacy", "/accessibility", "/cookies", "/contact"])("%s is an NHS-styled page", async (path) => {
    const page = await new BrowserClient(server.url).get(path);
    expect(page.status).toBe(200);
    expect(page.html).toContain("nhsuk-footer");
    expect(titleOf(page.html)).toMatch(/ – Improving Cancer Care Together – NHS$/);
  });

  it("answers unknown pages with an NHS-styled 404", async () => {
    const page = await new BrowserClient(server.url).get("/no-such-page");
    expect(page.status).toBe(404);
    expect(titleOf(page.html)).toBe("Page not found – Improving Cancer Care Together – NHS");
    expect(page.html).toContain("nhsuk-header");
  });
});
