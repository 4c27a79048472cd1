import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { BrowserClient, errorSummaryOf, titleOf } from "../support/browser-client";
import { rows } from "../support/database";
import { fillJourney, validPriorities } from "../support/journey";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.stop();
});

function draftAnswers(): { pages: Record<string, Record<string, unknown>> }[] {
  return rows<{ answers: string }>(server.databasePath, "select answers from drafts order by updated_at").map((row) => JSON.parse(row.answers));
}

/** A client part-way through the journey, with about-you answers saved, to prove errors lose nothing. */
async function clientWithSavedAnswers() {
  const client = new BrowserClient(server.url);
  await fillJourney(client);
  return client;
}

async function savedPages(client: BrowserClient) {
  const check = await client.get("/check-answers");
  expect(check.status).toBe(200);
  return check.html;
}

describe("bad input on the public journey", () => {
  it("an empty first priority gets a 400 with the NHS error summary, and the rest of the draft is kept", async () => {
    const client = await clientWithSavedAnswers();
    const page = await client.post("/priorities", { ...validPriorities, priority1What: "   " });
    expect(page.status).toBe(400);
    expect(titleOf(page.html)).toBe("Error: What are your top three priorities? – Improving Cancer Care Together – NHS");
    expect(errorSummaryOf(page.html)).toEqual(["priority1What: Enter your first priority"]);
    expect(page.html).toContain("There is a problem");
    expect(page.html).toContain(validPriorities.priority2What);
    const about = await client.get("/about-you");
    expect(about.html).toMatch(/<input[^>]*checked=""[^>]*value="wirral"/);
  });

  it("over-long text gets a 400, and what was typed is kept so it can be shortened", async () => {
    const client = await clientWithSavedAnswers();
    const tooLong = `${"word ".repeat(200)}x`;
    const page = await client.post("/priorities", { ...validPriorities, priority1What: tooLong });
    expect(page.status).toBe(400);
    expect(errorSummaryOf(page.html)).toEqual(["priority1What: First priority must be 1,000 characters or less"]);
    expect(page.html).toContain(tooLong.trim());
    const refreshed = await client.get("/priorities");
    expect(refreshed.html).toContain(tooLong.trim());
  });

  it("counts characters as people do: 1,000 accented or emoji characters are allowed", async () => {
    const client = new BrowserClient(server.url);
    const page = await client.post("/priorities", { priority1What: "é".repeat(500) + "👩🏻‍🚀".repeat(500) });
    expect(page.url).toMatch(/\/about-you$/);
  });

  it("an unknown place gets a 400 with a clear message", async () => {
    const client = await clientWithSavedAnswers();
    const page = await client.post("/about-you", { place: "narnia" });
    expect(page.status).toBe(400);
    expect(errorSummaryOf(page.html)).toEqual(["place: Select where you live from the list"]);
  });

  it("an email address with a header injection attempt is refused", async () => {
    const client = await clientWithSavedAnswers();
    const page = await client.post("/stay-in-touch", { email: "a@example.com\r\nBcc: b@example.com", contactPreferences: [] });
    expect(page.status).toBe(400);
    expect(errorSummaryOf(page.html)[0]).toMatch(/^email: Enter an email address in the correct format/);
  });

  it("HTML and script typed into a field are shown as text everywhere", async () => {
    const client = new BrowserClient(server.url);
    const script = `<script>alert("x")</script><img src=x onerror=alert(1)>`;
    await fillJourney(client, { priorities: { ...validPriorities, priority1What: script, priority1Why: "<b>bold</b>" } });
    const html = await savedPages(client);
    expect(html).not.toContain(script);
    expect(html).not.toContain("<b>bold</b>");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    const equality = await client.post("/check-answers", {});
    expect(equality.status).toBe(200);
    const copy = await client.get("/confirmation/copy");
    expect(copy.html).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });

  it("removes control characters and ignores fields the form does not have", async () => {
    const client = new BrowserClient(server.url);
    const page = await client.post("/priorities", { priority1What: "Better\u0000 care\u0007", isAdmin: "yes", status: "closed" });
    expect(page.url).toMatch(/\/about-you$/);
    const [draft] = draftAnswers().slice(-1);
    expect(draft!.pages.priorities).not.toHaveProperty("isAdmin");
    expect(draft!.pages.priorities).not.toHaveProperty("status");
    const check = await client.get("/priorities");
    expect(check.html).toContain("Better care");
  });

  it("a body over 100 KB gets a 413 page, declared or streamed, and nothing saved is lost", async () => {
    const client = await clientWithSavedAnswers();
    const huge = "x".repeat(101 * 1024);
    const declared = await client.post("/priorities", { priority1What: huge });
    expect(declared.status).toBe(413);
    expect(declared.html).toContain("Your answers are too long to send");
    expect(declared.html).toContain("nhsuk-header");

    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 11; i += 1) controller.enqueue(new TextEncoder().encode(`priority1What=${"y".repeat(10 * 1024)}&`));
        controller.close();
      },
    });
    const streamed = await fetch(`${server.url}/priorities`, {
      method: "POST",
      body: stream,
      duplex: "half",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: client.cookieHeader() },
    });
    expect(streamed.status).toBe(413);
    expect(await savedPages(client)).toContain(validPriorities.priority1What);
  });

  it("a body that is not a form gets a 4xx, never a 500", async () => {
    const client = await clientWithSavedAnswers();
    const json = await fetch(`${server.url}/priorities`, {
      method: "POST",
      body: JSON.stringify({ priority1What: "x" }),
      headers: { "content-type": "application/json", cookie: client.cookieHeader() },
    });
    expect(json.status).toBe(415);
    const brokenMultipart = await fetch(`${server.url}/priorities`, {
      method: "POST",
      body: "--nope\r\nContent-Disposition: form-data; name=\"priority1What\"\r\n\r\nunterminated",
      headers: { "content-type": "multipart/form-data; boundary=something-else", cookie: client.cookieHeader() },
    });
    expect(brokenMultipart.status).toBe(400);
    expect(await brokenMultipart.text()).toContain("Sorry, there is a problem with what was sent");
    const noType = await fetch(`${server.url}/priorities`, { method: "POST", body: "priority1What=x", headers: { cookie: client.cookieHeader() } });
    expect(noType.status).toBeGreaterThanOrEqual(400);
    expect(noType.status).toBeLessThan(500);
    expect(await savedPages(client)).toContain(validPriorities.priority1What);
  });

  it("a tampered draft cookie is ignored rather than trusted", async () => {
    const client = await clientWithSavedAnswers();
    const tampered = client.cookieHeader().replace(/=(.)/, (_m, c: string) => `=${c === "a" ? "b" : "a"}`);
    const response = await fetch(`${server.url}/check-answers`, { headers: { cookie: tampered }, redirect: "manual" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/priorities");
  });

  it("a post from another site is refused with 403", async () => {
    const response = await fetch(`${server.url}/priorities`, {
      method: "POST",
      body: new URLSearchParams({ priority1What: "x" }),
      headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    });
    expect(response.status).toBe(403);
  });
});
