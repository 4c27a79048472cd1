import { describe, expect, it } from "vitest";

import { layoutBarChart, layoutColumnChart, roundAxisMaximum } from "~/modules/reports/chart-geometry";
import { reportCount } from "~/modules/reports/report-model";
import { countAndShare, formatDateTime, formatRank, formatShare, describePeriod } from "~/modules/reports/report-text";
import { lineCount, textWidth } from "~/modules/reports/text-metrics";

describe("layoutBarChart", () => {
  const rows = [
    { label: "Liverpool", values: [{ value: 200, text: "200" }] },
    { label: "Halton", values: [{ value: 50, text: "50" }] },
    { label: "Isle of Man", values: [{ value: null, text: "fewer than 5" }] },
  ];

  it("scales bars to the largest value and draws none for a suppressed count", () => {
    const chart = layoutBarChart(rows, { width: 500, fontSize: 10 });
    const [liverpool, halton, isleOfMan] = chart.rows.map((row) => row.bars[0]!);
    expect(halton!.width! / liverpool!.width!).toBeCloseTo(0.25);
    expect(isleOfMan!.width).toBeNull();
    expect(isleOfMan!.text).toBe("fewer than 5");
    // Every figure fits inside the chart.
    for (const row of chart.rows) for (const bar of row.bars) expect(bar.textX + textWidth(bar.text, 10)).toBeLessThanOrEqual(500.001);
  });

  it("puts labels above the bars when they are too long to sit beside them", () => {
    const beside = layoutBarChart(rows, { width: 500, fontSize: 10 });
    const long = layoutBarChart([{ label: "Yes, and it reduces my ability to carry out day-to-day activities a lot", values: [{ value: 3, text: "3" }] }], {
      width: 500,
      fontSize: 10,
    });
    expect(beside.stacked).toBe(false);
    expect(beside.barX).toBeGreaterThan(textWidth("Isle of Man", 10));
    expect(long.stacked).toBe(true);
    expect(long.barX).toBe(0);
    expect(long.rows[0]!.bars[0]!.y).toBeGreaterThan(long.rows[0]!.labelY);
  });

  it("gives each series its own bar on the same scale", () => {
    const chart = layoutBarChart([{ label: "Wirral", values: [{ value: 0.2, text: "20%" }, { value: 0.1, text: "10%" }] }], { width: 400, fontSize: 10 });
    const [first, second] = chart.rows[0]!.bars;
    expect(second!.y).toBeGreaterThan(first!.y);
    expect(second!.width! * 2).toBeCloseTo(first!.width!);
  });
});

describe("layoutColumnChart", () => {
  it("draws no column for a suppressed month and labels only as many months as fit", () => {
    const months = Array.from({ length: 36 }, (_, index) => ({ label: `Month ${index + 1}`, value: index === 5 ? null : 100 + index }));
    const chart = layoutColumnChart(months, { width: 500, height: 100, fontSize: 8 });
    expect(chart.columns[5]!.height).toBeNull();
    expect(chart.axisMax).toBe(200);
    expect(chart.columns[35]!.height! / (chart.baselineY - chart.plotTop)).toBeCloseTo(135 / 200);
    const labelled = chart.columns.filter((column) => column.showLabel);
    expect(labelled.length).toBeLessThan(36);
    for (let index = 1; index < labelled.length; index += 1) {
      expect(labelled[index]!.labelX - labelled[index - 1]!.labelX).toBeGreaterThan(textWidth("Month 36", 8));
    }
  });

  it("rounds the axis up to 1, 2, 2.5 or 5 times a power of ten", () => {
    expect([0, 3, 7, 10, 11, 240, 251, 1_827, 57_241].map(roundAxisMaximum)).toEqual([1, 5, 10, 10, 20, 250, 500, 2_000, 100_000]);
  });
});

describe("report wording", () => {
  it("formats shares, ranks, dates and periods the same way everywhere", () => {
    expect(formatShare(0.2904)).toBe("29.0%");
    expect(formatShare(null)).toBe("not shown");
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22].map((rank) => formatRank(rank, 30))).toEqual([
      "1st of 30",
      "2nd of 30",
      "3rd of 30",
      "4th of 30",
      "11th of 30",
      "12th of 30",
      "13th of 30",
      "21st of 30",
      "22nd of 30",
    ]);
    // British Summer Time: 13:30 UTC is 14:30 in London.
    expect(formatDateTime("2026-07-01T13:30:00.000Z")).toBe("1 July 2026 at 14:30");
    expect(describePeriod({ from: "2026-01-01", to: "2026-03-31" })).toBe("1 January 2026 to 31 March 2026");
    expect(describePeriod({ from: null, to: "2026-03-31" })).toBe("Up to 31 March 2026");
    expect(describePeriod({ from: null, to: null })).toBe("All dates");
  });

  it("prints a suppressed count without a share", () => {
    expect(countAndShare({ label: "Halton", count: reportCount(1234), share: 0.1234 })).toBe("1,234 (12.3%)");
    expect(countAndShare({ label: "Halton", count: reportCount(3), share: null })).toBe("fewer than 5");
  });
});

describe("text metrics", () => {
  it("measures Arial-compatible widths and wraps at spaces", () => {
    expect(textWidth("MW", 10)).toBeCloseTo(8.33 + 9.44, 1);
    expect(lineCount("one two three", 10, 1_000)).toBe(1);
    expect(lineCount("one two three", 10, textWidth("one two", 10) + 1)).toBe(2);
    expect(lineCount("first\nsecond", 10, 1_000)).toBe(2);
    expect(lineCount("x".repeat(100), 10, textWidth("x".repeat(40), 10))).toBe(3);
  });
});
