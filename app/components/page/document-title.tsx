import { useMatches } from "@remix-run/react";
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { UNSAFE_DataRouterStateContext } from "react-router-dom";

import { SERVICE_NAME } from "~/components/nhs/layout";

import { errorContentFor } from "./error-content";

/** Set `handle.pageTitle` on a route to name the page; the root adds the service name and NHS. */
export interface PageHandle {
  pageTitle?: string | ((data: unknown) => string);
}

const ClientErrorsContext = createContext<(hasErrors: boolean) => void>(() => {});

/** Lets a form that validated in the browser mark the page title with "Error: ". */
export function useReportClientErrors(hasErrors: boolean) {
  const report = useContext(ClientErrorsContext);
  useEffect(() => {
    report(hasErrors);
    return () => report(false);
  }, [report, hasErrors]);
}

function hasFieldErrors(actionData: unknown): boolean {
  return (
    typeof actionData === "object" &&
    actionData !== null &&
    "fieldErrors" in actionData &&
    typeof actionData.fieldErrors === "object" &&
    actionData.fieldErrors !== null &&
    Object.keys(actionData.fieldErrors).length > 0
  );
}

export function formatPageTitle(pageTitle: string, hasErrors = false): string {
  return `${hasErrors ? "Error: " : ""}${pageTitle} – ${SERVICE_NAME} – NHS`;
}

/**
 * The <title>, following the NHS pattern "<page> – <service> – NHS", prefixed "Error: " when the
 * page shows validation errors. Remix's meta() cannot see action data, which is where a failed
 * no-JavaScript post keeps its errors, so this reads the router state directly.
 */
export function DocumentTitle({ clientErrors }: { clientErrors: boolean }) {
  const matches = useMatches();
  const routerState = useContext(UNSAFE_DataRouterStateContext);
  const routeError = routerState?.errors ? Object.values(routerState.errors)[0] : undefined;

  let pageTitle = SERVICE_NAME;
  if (routeError !== undefined) {
    pageTitle = errorContentFor(routeError).title;
  } else {
    for (const match of [...matches].reverse()) {
      const handle = match.handle as PageHandle | undefined;
      if (handle?.pageTitle) {
        pageTitle = typeof handle.pageTitle === "function" ? handle.pageTitle(match.data) : handle.pageTitle;
        break;
      }
    }
  }
  const serverErrors = Object.values(routerState?.actionData ?? {}).some(hasFieldErrors);
  return <title>{formatPageTitle(pageTitle, serverErrors || clientErrors)}</title>;
}

export function ClientErrorsProvider({ children }: { children: (clientErrors: boolean) => ReactNode }) {
  const [clientErrors, setClientErrors] = useState(false);
  return <ClientErrorsContext.Provider value={setClientErrors}>{children(clientErrors)}</ClientErrorsContext.Provider>;
}
