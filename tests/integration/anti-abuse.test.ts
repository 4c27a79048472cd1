import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { BrowserClient, hiddenValue, titleOf } from "../support/browser-client";
import { count } from "../support/database";
import { fillJourney, validPriorities } from "../support/journey";
import { startServer, type RunningServer } from "../support/server";

describe("anti-abuse without a CAPTCHA", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ env: { MIN_FILL_SECONDS: "3", SUBMISSION_RATE_LIMIT: "2" } });
  });
  afterAll(async () => {
    await server.stop();
  });

  it("a filled-in honeypot gets a clear 400 page and saves nothing", async () => {
    const client = new BrowserClient(server.url);
    const form = await client.get("/priorities");
    const drafts = count(server.databasePath, "select count(*) n from drafts");
    const page = await client.post("/priorities", {
      ...validPriorities,
      formStartedAt: hiddenValue(form.html, "formStartedAt"),
      website: "https://spam.example",
    });
    expect(page.status).toBe(400);
    expect(titleOf(page.html)).toContain("Sorry, we could not accept your response");
    expect(count(server.databasePath, "select count(*) n from drafts")).toBe(drafts);
  });

  it("a response sent faster than a person could is refused with a clear page, and its answers are kept", async () => {
    const client = new BrowserClient(server.url);
    await fillJourney(client);
    const tooFast = await client.post("/check-answers", {});
    expect(tooFast.status).toBe(400);
    expect(tooFast.html).toContain("Please check your answers before sending");
    await new Promise((resolve) => setTimeout(resolve, 3_100));
    const sent = await client.post("/check-answers", {});
    expect(sent.url).toMatch(/\/equality$/);
  });

  it("a post that skipped the form entirely (no start time) is treated as automated", async () => {
    const client = new BrowserClient(server.url);
    await client.post("/priorities", validPriorities);
    await new Promise((resolve) => setTimeout(resolve, 3_100));
    const page = await client.post("/check-answers", {});
    expect(page.status).toBe(400);
    expect(page.html).toContain("looked like it was sent automatically");
  });

  it("limits new responses per client, with a clear 429 page", async () => {
    const sendOne = async () => {
      const client = new BrowserClient(server.url);
      await fillJourney(client);
      await new Promise((resolve) => setTimeout(resolve, 3_100));
      return client.post("/check-answers", {});
    };
    // The earlier test in this file already sent one response from this address.
    const second = await sendOne();
    expect(second.status).toBe(200);
    const third = await sendOne();
    expect(third.status).toBe(429);
    expect(third.html).toContain("You have sent a lot of responses");
  });
});
