/** Checks on a rendered PDF's layout, for vitest (the PDF tools themselves are shared with Playwright). */
import { expect } from "vitest";

import { pdfInfo, pdfWords, type SavedPdf } from "./pdf-tools";

const A4 = { width: 595.28, height: 841.89, marginX: 48, marginBottom: 64 };

/**
 * Pages are planned from estimated heights; content that outgrew its plan would make a page
 * longer than A4 or put words in the margins.
 */
export function expectNothingOverflows(pdf: SavedPdf) {
  const pageCount = Number(pdfInfo(pdf).Pages);
  const sizes = Object.entries(pdfInfo(pdf, { first: 1, last: pageCount })).filter(([field]) => /^Page +\d+ size$/.test(field));
  expect(sizes).toHaveLength(pageCount);
  expect(sizes.filter(([, size]) => size !== "595.28 x 841.89 pts (A4)")).toEqual([]);
  const contentBottom = A4.height - A4.marginBottom;
  const footerTop = A4.height - 48;
  const overflowing = pdfWords(pdf).filter(
    (word) => word.xMin < A4.marginX - 1 || word.xMax > A4.width - A4.marginX + 1 || (word.yMax > contentBottom + 1 && word.yMin < footerTop),
  );
  expect(overflowing).toEqual([]);
}
