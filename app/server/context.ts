import type { Cookie } from "@remix-run/node";

import type { DB } from "~db/client";

import type { SecretBox } from "~/modules/auth/secret-box.server";
import type { SessionPolicy } from "~/modules/auth/sessions.server";
import type { ThrottlePolicy } from "~/modules/auth/throttle.server";
import type { StaffNotificationSettings } from "~/modules/mail/staff-notifications.server";
import type { OutboxWorker } from "~/modules/mail/worker.server";
import type { Logger } from "~/modules/observability/logger";
import type { ReferenceDataCache } from "~/modules/reference-data/cache.server";
import type { ReportRenderer } from "~/modules/reports/pdf/renderer.server";
import type { ReportCache } from "~/modules/reports/report-cache.server";
import type { SubmissionWriter } from "~/modules/submissions/submission-writer.server";
import type { FixedWindowRateLimiter } from "~/modules/security/rate-limit";

import type { Env } from "./env";

export interface AppConfig {
  env: Env;
  /** Base URL for links in emails, e.g. https://improving-cancer-care.nhs.uk */
  publicUrl: URL;
  cookieSecure: boolean;
  dataDir: string;
  databasePath: string;
  sessionSecret: string;
  draftTtlMs: number;
  staffNotifications: StaffNotificationSettings;
}

/** Long-lived services created once at boot and handed to every loader and action. */
export interface AppServices {
  db: DB;
  config: AppConfig;
  cookies: { draft: Cookie };
  limiters: { submissions: FixedWindowRateLimiter };
  referenceData: ReferenceDataCache;
  auth: { cookie: Cookie; policy: SessionPolicy; throttle: ThrottlePolicy; secretBox: SecretBox };
  submissions: SubmissionWriter;
  /** Delivers the outbox; null when SMTP_URL is set but unusable, so mail waits in the outbox. */
  mailWorker: OutboxWorker | null;
  /** Report PDFs, rendered in worker threads. */
  reportRenderer: ReportRenderer;
  /** A read-only connection for reports, so their long reads never wait for (or hold up) the writer. */
  reportDb: DB;
  /** Report models and PDFs for identical requests on unchanged data. */
  reportCache: ReportCache;
  logger: Logger;
  now: () => Date;
}

export interface RequestContext extends AppServices {
  cspNonce: string;
  /** The client's address as seen through trusted proxies; never stored with a response. */
  clientAddress: string;
}

declare module "@remix-run/server-runtime" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends RequestContext {}
}
