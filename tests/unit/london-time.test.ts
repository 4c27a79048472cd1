import { describe, expect, it } from "vitest";

import { londonMidnightUtc, londonMonthOf, monthLabel, monthsBetween, nextDay } from "~/modules/time/london-time";

describe("UK time for reports", () => {
  it("finds midnight in London in winter (GMT) and summer (BST), and across the clock changes", () => {
    expect(londonMidnightUtc("2026-01-15")).toBe("2026-01-15T00:00:00.000Z");
    expect(londonMidnightUtc("2026-07-01")).toBe("2026-06-30T23:00:00.000Z");
    // Clocks go forward at 01:00 UTC on 29 March 2026 and back at 01:00 UTC on 25 October 2026.
    expect(londonMidnightUtc("2026-03-29")).toBe("2026-03-29T00:00:00.000Z");
    expect(londonMidnightUtc("2026-03-30")).toBe("2026-03-29T23:00:00.000Z");
    expect(londonMidnightUtc("2026-10-25")).toBe("2026-10-24T23:00:00.000Z");
    expect(londonMidnightUtc("2026-10-26")).toBe("2026-10-26T00:00:00.000Z");
    expect(nextDay("2026-02-28")).toBe("2026-03-01");
    expect(nextDay("2026-12-31")).toBe("2027-01-01");
  });

  it("puts a response in the month it was received in the UK", () => {
    expect(londonMonthOf("2026-06-30T23:30:00.000Z")).toBe("2026-07");
    expect(londonMonthOf("2026-06-30T22:59:59.000Z")).toBe("2026-06");
    expect(londonMonthOf("2026-12-31T23:30:00.000Z")).toBe("2026-12");
  });

  it("lists the months between two, with the instant each starts", () => {
    expect(monthsBetween("2026-11", "2027-02")).toEqual([
      { month: "2026-11", startsAt: "2026-11-01T00:00:00.000Z" },
      { month: "2026-12", startsAt: "2026-12-01T00:00:00.000Z" },
      { month: "2027-01", startsAt: "2027-01-01T00:00:00.000Z" },
      { month: "2027-02", startsAt: "2027-02-01T00:00:00.000Z" },
    ]);
    expect(monthsBetween("2026-05", "2026-05")).toEqual([{ month: "2026-05", startsAt: "2026-04-30T23:00:00.000Z" }]);
    expect(monthLabel("2026-11")).toBe("Nov 2026");
  });
});
