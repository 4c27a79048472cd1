import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { REDACTION_RULES_VERSION } from "~/modules/reports/redaction";

/**
 * Stored redactions (for CSV exports) are only used when they were made under the current rules.
 * If this fails, redaction.ts has changed: if what it removes changed, increase
 * REDACTION_RULES_VERSION so every stored redaction is made again; then record the new hash here.
 */
describe("the redaction rules version", () => {
  it("is tied to the redaction code", () => {
    const source = readFileSync(new URL("../../app/modules/reports/redaction.ts", import.meta.url), "utf8");
    const hash = createHash("sha256").update(source.replace(/\r\n/g, "\n")).digest("hex");
    expect({ version: REDACTION_RULES_VERSION, hash }).toEqual({ version: 1, hash: "e3833c459d9508a6e0451499431af54ac6401b25dd99b98285b288a790d40f5f" });
  });
});
