import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";

import { RenderModeProvider } from "./components/email";

export interface RenderedEmail {
  html: string;
  text: string;
}

/** The five characters React escapes in text; plain text needs them back as they were. */
const escapedCharacters: [RegExp, string][] = [
  [/&lt;/g, "<"],
  [/&gt;/g, ">"],
  [/&quot;/g, '"'],
  [/&#x27;/g, "'"],
  [/&amp;/g, "&"],
];

/** Renders one email component as an HTML document and as plain text, from the same tree. */
export function renderEmail(email: ReactElement): RenderedEmail {
  const html = `<!doctype html>${renderToStaticMarkup(<RenderModeProvider value="html">{email}</RenderModeProvider>)}`;
  const markup = renderToStaticMarkup(<RenderModeProvider value="text">{email}</RenderModeProvider>);
  // In text mode the components render no elements; a tag here means an email used raw HTML
  // instead of the components, and its plain-text part would be wrong.
  if (/<[a-z!/]/i.test(markup)) throw new Error("An email rendered HTML in its plain-text part: build emails from emails/components only.");
  let text = markup;
  for (const [pattern, character] of escapedCharacters) text = text.replace(pattern, character);
  text = text
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return { html, text: `${text}\n` };
}
