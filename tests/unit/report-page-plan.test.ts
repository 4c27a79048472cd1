import { describe, expect, it } from "vitest";

import { planPages, type PlanBlock, type PlanSection } from "~/modules/reports/pdf/page-plan";

const fixed = (name: string, height: number, keepWithNext = false): PlanBlock<string> => ({ kind: "fixed", height, keepWithNext, render: () => name });
const rows = (name: string, headHeight: number, rowHeights: number[], minRows?: number): PlanBlock<string> => ({
  kind: "rows",
  headHeight,
  rowHeights,
  minRows,
  render: (from, to, continued) => `${name}[${from}-${to}]${continued ? " continued" : ""}`,
});
const section = (id: string, blocks: PlanBlock<string>[]): PlanSection<string> => ({ id, title: `Title ${id}`, blocks });
const rendered = (plan: ReturnType<typeof planPages<string>>) => plan.pages.map((page) => page.items.map((render) => render()));

describe("planPages", () => {
  it("starts every section on a new page, bookmarked on its first page only", () => {
    const plan = planPages([section("a", [fixed("a1", 60), fixed("a2", 60)]), section("b", [fixed("b1", 10)])], 100);
    expect(rendered(plan)).toEqual([["a1"], ["a2"], ["b1"]]);
    expect(plan.pages.map((page) => [page.sectionId, page.bookmark])).toEqual([
      ["a", "Title a"],
      ["a", null],
      ["b", "Title b"],
    ]);
    expect(Object.fromEntries(plan.pageOfSection)).toEqual({ a: 1, b: 3 });
  });

  it("never leaves a heading at the foot of a page", () => {
    const plan = planPages([section("a", [fixed("text", 70), fixed("heading", 20, true), fixed("chart", 30)])], 100);
    expect(rendered(plan)).toEqual([["text"], ["heading", "chart"]]);
  });

  it("cuts a long table into chunks that fit, repeating the header with 'continued'", () => {
    const plan = planPages([section("a", [fixed("intro", 40), rows("table", 20, Array(10).fill(10))])], 100);
    expect(rendered(plan)).toEqual([["intro", "table[0-4]"], ["table[4-10] continued"]]);
  });

  it("moves a table to the next page rather than start it with fewer than its minimum rows", () => {
    const plan = planPages([section("a", [fixed("intro", 60), rows("table", 20, [10, 10, 10, 10], 3)])], 100);
    expect(rendered(plan)).toEqual([["intro"], ["table[0-4]"]]);
  });

  it("keeps a heading with the first rows of the table after it", () => {
    const plan = planPages([section("a", [fixed("intro", 60), fixed("heading", 10, true), rows("table", 20, [10, 10, 10], 2)])], 100);
    expect(rendered(plan)).toEqual([["intro"], ["heading", "table[0-3]"]]);
  });

  it("gives a block taller than a page a page of its own, and carries on", () => {
    const plan = planPages([section("a", [fixed("small", 10), fixed("huge", 250), rows("table", 10, [200, 10])])], 100);
    expect(rendered(plan)).toEqual([["small"], ["huge"], ["table[0-1]"], ["table[1-2] continued"]]);
  });

  it("renders nothing until asked, so content can print the plan's own page numbers", () => {
    const pageNumbers = new Map<string, number>();
    const contents: PlanBlock<string> = { kind: "fixed", height: 10, render: () => `b starts on page ${pageNumbers.get("b")}` };
    const plan = planPages([section("a", [contents]), section("b", [fixed("b1", 10)])], 100);
    for (const [id, page] of plan.pageOfSection) pageNumbers.set(id, page);
    expect(rendered(plan)[0]).toEqual(["b starts on page 2"]);
  });
});
