/**
 * CSV as Excel and other spreadsheets read it safely: UTF-8 with a byte order mark (so Excel does
 * not guess another encoding), CRLF line ends and RFC 4180 quoting. A cell a spreadsheet could
 * take for a formula (starting with =, +, -, @, tab or carriage return) gets a leading apostrophe
 * and is quoted, so it is shown as text and never run (OWASP "CSV injection").
 */

export const CSV_BOM = "\uFEFF";

export type CsvValue = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: CsvValue): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  if (FORMULA_START.test(value)) return `"'${value.replaceAll('"', '""')}"`;
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function csvRow(values: readonly CsvValue[]): string {
  let line = "";
  for (let index = 0; index < values.length; index += 1) line += (index === 0 ? "" : ",") + csvCell(values[index]!);
  return `${line}\r\n`;
}
