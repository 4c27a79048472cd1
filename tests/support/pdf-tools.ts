/**
 * Debian's PDF tools (qpdf, poppler-utils; `.ci/run` installs them), run on a rendered PDF the way
 * a person checking it would.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const folder = mkdtempSync(join(tmpdir(), "icct-pdf-"));
let saved = 0;

export interface SavedPdf {
  path: string;
}

export function savePdf(pdf: Uint8Array): SavedPdf {
  saved += 1;
  const path = join(folder, `report-${saved}.pdf`);
  writeFileSync(path, pdf);
  return { path };
}

export function qpdfCheck({ path }: SavedPdf): { status: number | null; output: string } {
  const result = spawnSync("/usr/bin/qpdf", ["--check", path], { encoding: "utf8" });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** qpdf's JSON view of the file (version 2): objects, pages and outlines. */
export function qpdfJson({ path }: SavedPdf): QpdfJson {
  return JSON.parse(execFileSync("/usr/bin/qpdf", ["--json=2", path], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 })) as QpdfJson;
}

export interface QpdfOutline {
  title: string;
  destpageposfrom1: number;
  kids: QpdfOutline[];
}

export interface QpdfJson {
  outlines: QpdfOutline[];
  qpdf: [{ jsonversion: number }, Record<string, { value?: Record<string, unknown> }>];
}

/** The fields pdfinfo prints, by name ("Title", "Pages", "Page    1 size" …). */
export function pdfInfo({ path }: SavedPdf, pages?: { first: number; last: number }): Record<string, string> {
  const args = pages ? ["-f", String(pages.first), "-l", String(pages.last), path] : [path];
  const output = execFileSync("/usr/bin/pdfinfo", args, { encoding: "utf8" });
  return Object.fromEntries(
    output
      .split("\n")
      .filter((line) => line.includes(":"))
      .map((line) => [line.slice(0, line.indexOf(":")).trim(), line.slice(line.indexOf(":") + 1).trim()]),
  );
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
}

export function pdfFonts({ path }: SavedPdf): PdfFont[] {
  const lines = execFileSync("/usr/bin/pdffonts", [path], { encoding: "utf8" }).trim().split("\n").slice(2);
  return lines.map((line) => {
    // name, type (may contain spaces), encoding, emb, sub, uni, object, generation
    const fields = line.trim().split(/\s+/);
    const [emb] = fields.slice(-5);
    return { name: fields[0]!, type: fields.slice(1, -6).join(" "), embedded: emb === "yes" };
  });
}

/**
 * The text of each page in the order it is written in the file (`-raw`), which is the order a
 * screen reader or text-to-speech reads an untagged PDF in; one string per page.
 */
export function pdfPages({ path }: SavedPdf): string[] {
  const text = execFileSync("/usr/bin/pdftotext", ["-raw", "-enc", "UTF-8", path, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return text.split("\f").slice(0, -1);
}

/** Page text with the layout kept, so a table row stays on one line. */
export function pdfLayoutText({ path }: SavedPdf): string {
  return execFileSync("/usr/bin/pdftotext", ["-layout", "-enc", "UTF-8", path, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

export interface PdfWord {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word with its box, in points from the page's top left. */
export function pdfWords({ path }: SavedPdf): PdfWord[] {
  const html = execFileSync("/usr/bin/pdftotext", ["-bbox", "-enc", "UTF-8", path, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const words: PdfWord[] = [];
  let page = 0;
  for (const match of html.matchAll(/<page [^>]*>|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    if (match[0].startsWith("<page")) {
      page += 1;
      continue;
    }
    words.push({ page, text: match[5]!, xMin: Number(match[1]), yMin: Number(match[2]), xMax: Number(match[3]), yMax: Number(match[4]) });
  }
  return words;
}

/** Collapses the line breaks and runs of spaces that wrapping puts into extracted text. */
export function normaliseSpace(text: string): string {
  return text.replace(/\s+/g, " ");
}
