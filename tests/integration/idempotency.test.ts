import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { BrowserClient } from "../support/browser-client";
import { count } from "../support/database";
import { fillJourney, referenceIn } from "../support/journey";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.stop();
});

describe("sending a response exactly once", () => {
  it("20 concurrent identical posts create one submission and all see the same reference", async () => {
    const client = new BrowserClient(server.url);
    await fillJourney(client, { stayInTouch: { email: "once@example.com", contactPreferences: [] } });
    const before = count(server.databasePath, "select count(*) n from submissions");
    const pages = await Promise.all(Array.from({ length: 20 }, () => client.post("/check-answers", {})));
    for (const page of pages) expect(page.status).toBe(200);
    const references = new Set(pages.map((page) => referenceIn(page.html)));
    expect(references.size).toBe(1);
    expect(count(server.databasePath, "select count(*) n from submissions")).toBe(before + 1);
    const [reference] = references;
    expect(
      count(server.databasePath, "select count(*) n from outbox o join submissions s on s.id = o.submission_id where s.reference = ?", reference),
    ).toBe(1);
  });

  it("a resubmit after Back shows the same reference and creates nothing new", async () => {
    const client = new BrowserClient(server.url);
    await fillJourney(client);
    const first = referenceIn((await client.post("/check-answers", {})).html);
    const before = count(server.databasePath, "select count(*) n from submissions");
    const back = await client.get("/check-answers");
    expect(back.url).toMatch(/\/confirmation$/);
    expect(back.html).toContain(first);
    const again = await client.post("/check-answers", {});
    expect(referenceIn(again.html)).toBe(first);
    expect(count(server.databasePath, "select count(*) n from submissions")).toBe(before);
  });

  it("two people sending the same words get two submissions", async () => {
    const one = new BrowserClient(server.url);
    const two = new BrowserClient(server.url);
    await fillJourney(one);
    await fillJourney(two);
    const [a, b] = await Promise.all([one.post("/check-answers", {}), two.post("/check-answers", {})]);
    expect(referenceIn(a.html)).not.toBe(referenceIn(b.html));
  });
});
