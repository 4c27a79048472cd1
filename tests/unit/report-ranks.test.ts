import { describe, expect, it } from "vitest";

import { rankThemes } from "~/modules/reports/report-aggregation.server";

describe("theme ranks", () => {
  it("ranks by count and by rank-weighted score, ties sharing a rank", () => {
    const ranks = rankThemes([
      { priorities: 40, score: 100 },
      { priorities: 60, score: 90 },
      { priorities: 40, score: 120 },
      { priorities: 10, score: 30 },
    ]);
    expect(ranks.byCount).toEqual([2, 1, 2, 4]);
    expect(ranks.byScore).toEqual([2, 3, 1, 4]);
  });

  it("ranks themes with a hidden count (1 to 4) together after every shown one, and themes with none last", () => {
    const ranks = rankThemes([
      { priorities: 3, score: 9 },
      { priorities: 5, score: 5 },
      { priorities: 0, score: 0 },
      { priorities: 1, score: 1 },
      { priorities: 4, score: 12 },
    ]);
    expect(ranks.byCount).toEqual([2, 1, 5, 2, 2]);
    // A hidden theme's score (12) would outrank a shown one (5) and give its count away.
    expect(ranks.byScore).toEqual([2, 1, 5, 2, 2]);
  });
});
