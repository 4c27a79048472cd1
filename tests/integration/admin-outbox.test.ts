import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { BrowserClient } from "../support/browser-client";
import { count, rows } from "../support/database";
import { fillJourney } from "../support/journey";
import { startServer, type RunningServer } from "../support/server";
import { startSmtpSink, type SmtpSink } from "../support/smtp-sink";
import { TEST_SESSION_SECRET, signedInClient } from "../support/staff";
import { waitFor } from "../support/wait";

let server: RunningServer;
let smtp: SmtpSink;
let refuse = true;

beforeAll(async () => {
  smtp = await startSmtpSink({ onRecipient: (address) => (refuse && address === "bounce@example.com" ? { code: 550, message: "No such mailbox" } : null) });
  server = await startServer({ env: { SESSION_SECRET: TEST_SESSION_SECRET, SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, STAFF_NOTIFICATIONS: "off" } });
});
afterAll(async () => {
  await server.stop();
  await smtp.close();
});

describe("the outbox admin page", () => {
  it("shows counts and failed emails with their reason, and retries them with an audit entry", async () => {
    const respondent = new BrowserClient(server.url);
    await fillJourney(respondent, { stayInTouch: { email: "bounce@example.com", contactPreferences: [] } });
    await respondent.post("/check-answers", {});
    const id = await waitFor("the confirmation to fail", () => rows<{ id: number }>(server.databasePath, "select id from outbox where state = 'dead'")[0]?.id);

    const { client: admin } = await signedInClient(server, "admin");
    const page = await admin.get("/staff/admin/outbox");
    expect(page.status).toBe(200);
    expect(page.html).toContain("Confirmation to a respondent");
    expect(page.html).toContain("550");
    expect(page.html).not.toContain("bounce@example.com");

    refuse = false;
    const retried = await admin.post("/staff/admin/outbox", { intent: "retry", id: String(id) });
    expect(retried.html).toContain("queued to be sent again");
    expect(count(server.databasePath, "select count(*) n from audit_log where action = 'outbox.retried' and target_id = ?", String(id))).toBe(1);
    await waitFor("the retried email to arrive", () => smtp.messages.some((message) => message.envelope.to.includes("bounce@example.com")));
    await waitFor("the outbox row to be sent", () => count(server.databasePath, "select count(*) n from outbox where id = ? and state = 'sent'", id) === 1);
  });

  it("refuses to retry an email that was already sent, and answers 404 for one that does not exist", async () => {
    const { client: admin } = await signedInClient(server, "admin");
    const [sent] = rows<{ id: number }>(server.databasePath, "select id from outbox where state = 'sent'");
    expect((await admin.post("/staff/admin/outbox", { intent: "retry", id: String(sent!.id) })).status).toBe(409);
    expect((await admin.post("/staff/admin/outbox", { intent: "retry", id: "999999" })).status).toBe(404);
    expect((await admin.post("/staff/admin/outbox", { intent: "bogus" })).status).toBe(400);
  });
});
