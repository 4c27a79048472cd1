import type { Cookie } from "@remix-run/node";

import type { DB } from "~db/client";

import type { Logger } from "~/modules/observability/logger";
import type { ReferenceDataCache } from "~/modules/reference-data/cache.server";
import type { ReportRenderer } from "~/modules/reports/pdf/renderer.server";
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
}

/** Long-lived services created once at boot and handed to every loader and action. */
export interface AppServices {
  db: DB;
  config: AppConfig;
  cookies: { draft: Cookie };
  limiters: { submissions: FixedWindowRateLimiter };
  referenceData: ReferenceDataCache;
  submissions: SubmissionWriter;
  /** Report PDFs, rendered in worker threads. */
  reportRenderer: ReportRenderer;
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
