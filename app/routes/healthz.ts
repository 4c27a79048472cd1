import type { LoaderFunctionArgs } from "@remix-run/node";

import { checkDatabase } from "~/modules/health/check.server";

export async function loader({ context }: LoaderFunctionArgs) {
  const healthy = await checkDatabase(context.db);
  if (!healthy) context.logger.error("health.database_unavailable", {});
  return new Response(JSON.stringify({ status: healthy ? "ok" : "unavailable" }), {
    status: healthy ? 200 : 503,
    headers: { "Content-Type": "application/json", "Cache-Control": "no-store" },
  });
}
