import { createContext, useContext, type ReactNode } from "react";

/**
 * The building blocks of every email. Each renders itself twice, from the same component tree:
 * as HTML with inline styles, and as plain text (emails/render.tsx chooses the mode). An email
 * built only from these has the same words in both parts. See docs/decisions/006-email-rendering.md.
 */

export type RenderMode = "html" | "text";

const RenderModeContext = createContext<RenderMode>("html");
export const RenderModeProvider = RenderModeContext.Provider;
const useRenderMode = () => useContext(RenderModeContext);

/** NHS identity colours; every pairing used here meets WCAG 2.2 AA contrast (4.5:1 or better). */
const colour = {
  nhsBlue: "#005eb8", // white on it, and as link text on white: 6.4:1
  text: "#212b32", // on white: 14.4:1
  secondaryText: "#4c6272", // on the pale grey: 5.7:1
  paleGrey: "#f0f4f5",
  green: "#007f3b", // white on it: 5.1:1
  white: "#ffffff",
};
const font = "Arial, Helvetica, sans-serif";
const textStyle = { fontFamily: font, fontSize: "16px", lineHeight: "24px", color: colour.text };

const SERVICE_NAME = "Improving Cancer Care Together";
const ORGANISATION = "Cheshire and Merseyside Cancer Alliance";

interface EmailDocumentProps {
  /** The subject: also the HTML document's title. */
  title: string;
  children: ReactNode;
  /** Small print under a rule: why the person got this email. */
  footer: ReactNode;
}

export function EmailDocument({ title, children, footer }: EmailDocumentProps) {
  if (useRenderMode() === "text") {
    return (
      <>
        {`${SERVICE_NAME}\n${ORGANISATION}\n\n`}
        {children}
        {"----\n\n"}
        {footer}
      </>
    );
  }
  return (
    <html lang="en" dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <title>{title}</title>
      </head>
      <body style={{ margin: 0, padding: 0, backgroundColor: colour.paleGrey }}>
        <table role="presentation" width="100%" cellPadding={0} cellSpacing={0} style={{ backgroundColor: colour.paleGrey }}>
          <tbody>
            <tr>
              <td align="center" style={{ padding: "24px 12px" }}>
                <table role="presentation" width="100%" cellPadding={0} cellSpacing={0} style={{ maxWidth: "600px", backgroundColor: colour.white }}>
                  <tbody>
                    <tr>
                      <td style={{ backgroundColor: colour.nhsBlue, padding: "16px 24px" }}>
                        <p style={{ ...textStyle, margin: 0, color: colour.white, fontSize: "20px", lineHeight: "28px", fontWeight: "bold" }}>{SERVICE_NAME}</p>
                        <p style={{ ...textStyle, margin: 0, color: colour.white, fontSize: "14px", lineHeight: "20px" }}>{ORGANISATION}</p>
                      </td>
                    </tr>
                    <tr>
                      <td style={{ padding: "24px" }}>{children}</td>
                    </tr>
                    <tr>
                      <td style={{ padding: "16px 24px", backgroundColor: colour.paleGrey, borderTop: `4px solid ${colour.nhsBlue}` }}>{footer}</td>
                    </tr>
                  </tbody>
                </table>
              </td>
            </tr>
          </tbody>
        </table>
      </body>
    </html>
  );
}

export function Heading({ level, children }: { level: 1 | 2; children: string }) {
  if (useRenderMode() === "text") return <>{`${children}\n${(level === 1 ? "=" : "-").repeat(children.length)}\n\n`}</>;
  const size = level === 1 ? { fontSize: "28px", lineHeight: "34px" } : { fontSize: "22px", lineHeight: "28px" };
  const style = { ...textStyle, ...size, fontWeight: "bold", margin: "0 0 16px" };
  return level === 1 ? <h1 style={style}>{children}</h1> : <h2 style={{ ...style, margin: "24px 0 12px" }}>{children}</h2>;
}

export function Paragraph({ children, small = false }: { children: ReactNode; small?: boolean }) {
  if (useRenderMode() === "text") return <>{children}{"\n\n"}</>;
  const style = small ? { ...textStyle, fontSize: "14px", lineHeight: "20px", color: colour.secondaryText } : textStyle;
  return <p style={{ ...style, margin: "0 0 16px" }}>{children}</p>;
}

export function Strong({ children }: { children: ReactNode }) {
  if (useRenderMode() === "text") return <>{children}</>;
  return <strong>{children}</strong>;
}

/** An inline link; in plain text, its words followed by the address. */
export function Link({ href, children }: { href: string; children: string }) {
  if (useRenderMode() === "text") return <>{`${children} (${href})`}</>;
  return (
    <a href={href} style={{ color: colour.nhsBlue, textDecoration: "underline" }}>
      {children}
    </a>
  );
}

/** The main thing to do next, as a large link styled like an NHS button. */
export function ButtonLink({ href, children }: { href: string; children: string }) {
  if (useRenderMode() === "text") return <>{`${children}:\n${href}\n\n`}</>;
  return (
    <p style={{ ...textStyle, margin: "8px 0 24px" }}>
      <a
        href={href}
        style={{ display: "inline-block", backgroundColor: colour.green, color: colour.white, fontWeight: "bold", padding: "12px 16px", borderRadius: "4px", textDecoration: "none" }}
      >
        {children}
      </a>
    </p>
  );
}

/** A highlighted box for the one thing the reader must keep, like a reference number. */
export function Highlight({ label, value }: { label: string; value: string }) {
  if (useRenderMode() === "text") return <>{`${label}: ${value}\n\n`}</>;
  return (
    <table role="presentation" width="100%" cellPadding={0} cellSpacing={0} style={{ margin: "0 0 24px" }}>
      <tbody>
        <tr>
          <td style={{ backgroundColor: colour.green, padding: "16px 24px", textAlign: "center" }}>
            <p style={{ ...textStyle, margin: 0, color: colour.white }}>{label}</p>
            <p style={{ ...textStyle, margin: "4px 0 0", color: colour.white, fontSize: "28px", lineHeight: "34px", fontWeight: "bold", letterSpacing: "1px" }}>{value}</p>
          </td>
        </tr>
      </tbody>
    </table>
  );
}

export function List({ children }: { children: ReactNode }) {
  if (useRenderMode() === "text") return <>{children}{"\n"}</>;
  return <ul style={{ ...textStyle, margin: "0 0 16px", paddingLeft: "24px" }}>{children}</ul>;
}

export function ListItem({ children }: { children: ReactNode }) {
  if (useRenderMode() === "text") return <>{"- "}{children}{"\n"}</>;
  return <li style={{ margin: "0 0 8px" }}>{children}</li>;
}
