import type { LinksFunction } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteError } from "@remix-run/react";
import type { ReactNode } from "react";

import { Footer, Header, SkipLink } from "~/components/nhs/layout";
import { useNonce } from "~/components/nonce";
import { ClientErrorsProvider, DocumentTitle } from "~/components/page/document-title";
import { errorContentFor } from "~/components/page/error-content";
import { ErrorPage } from "~/components/page/error-page";
import { publicFooterLinks } from "~/components/page/public-links";
import stylesheet from "~/styles/app.generated.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/assets/images/favicon.ico", sizes: "48x48" },
  { rel: "icon", href: "/assets/images/favicon.svg", sizes: "any", type: "image/svg+xml" },
  { rel: "apple-touch-icon", href: "/assets/images/nhsuk-icon-180.png" },
];

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  return (
    <ClientErrorsProvider>
      {(clientErrors) => (
        <html lang="en-GB">
          <head>
            <meta charSet="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <meta name="theme-color" content="#005eb8" />
            <DocumentTitle clientErrors={clientErrors} />
            <Meta />
            <Links />
          </head>
          <body>
            <SkipLink />
            {children}
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </body>
        </html>
      )}
    </ClientErrorsProvider>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const content = errorContentFor(useRouteError());
  return (
    <>
      <Header />
      <ErrorPage content={content} wayBack={<a href="/">Go to the start page</a>} />
      <Footer links={publicFooterLinks} />
    </>
  );
}
