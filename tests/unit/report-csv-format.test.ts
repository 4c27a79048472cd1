import { describe, expect, it } from "vitest";

import { CSV_BOM, csvCell, csvRow } from "~/modules/reports/csv";

describe("CSV cells", () => {
  it.each([
    ["=HYPERLINK(\"http://evil.example\",\"Click\")", "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\""],
    ["+44 151 496 0000", "\"'+44 151 496 0000\""],
    ["-2+3", "\"'-2+3\""],
    ["@SUM(A1:A9)", "\"'@SUM(A1:A9)\""],
    ["\tcmd", "\"'\tcmd\""],
    ["\r=1+1", "\"'\r=1+1\""],
  ])("neutralises a cell a spreadsheet would run as a formula: %j", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it("quotes separators, quotes and line breaks, and leaves plain text and numbers alone", () => {
    expect(csvCell("Faster diagnosis")).toBe("Faster diagnosis");
    expect(csvCell("Waiting, then waiting")).toBe('"Waiting, then waiting"');
    expect(csvCell('The "two week" wait')).toBe('"The ""two week"" wait"');
    expect(csvCell("line one\nline two")).toBe('"line one\nline two"');
    expect(csvCell("a = b")).toBe("a = b");
    expect(csvCell(3)).toBe("3");
    expect(csvCell(null)).toBe("");
  });

  it("ends rows with CRLF and starts files with a UTF-8 byte order mark", () => {
    expect(csvRow(["a", 1, null, "=x"])).toBe("a,1,,\"'=x\"\r\n");
    expect(Buffer.from(CSV_BOM, "utf8")).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});
