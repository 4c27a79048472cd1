/**
 * Splits the report into fixed pages before react-pdf sees it. Every block's height is known in
 * advance (from text metrics), so each PDF page is laid out once with wrapping turned off: no
 * element ever flows from page to page, long tables are cut into chunks here with their header
 * repeated, and the page numbers in the contents are exact.
 */

export interface FixedBlock<Output> {
  kind: "fixed";
  height: number;
  /** Never end a page with this block (a heading, or the sentence introducing a chart). */
  keepWithNext?: boolean;
  render: () => Output;
}

export interface RowsBlock<Output> {
  kind: "rows";
  /** Caption and column headings, repeated on every page the rows reach. */
  headHeight: number;
  rowHeights: readonly number[];
  /** Rows that must come with the header before it may start a page; fewer rows move it to the next page. */
  minRows?: number;
  /** Rows `from` (inclusive) to `to` (exclusive); `continued` on every chunk after the first. */
  render: (from: number, to: number, continued: boolean) => Output;
}

export type PlanBlock<Output> = FixedBlock<Output> | RowsBlock<Output>;

export interface PlanSection<Output> {
  /** Named destination for links, and the key for `pageOfSection`. */
  id: string;
  /** Outline (bookmark) entry, set on the section's first page. */
  title: string;
  blocks: readonly PlanBlock<Output>[];
}

export interface PlannedPage<Output> {
  sectionId: string;
  /** The outline entry, on the first page of a section only. */
  bookmark: string | null;
  /** Rendered only after planning, so content may print the page numbers of the plan. */
  items: (() => Output)[];
}

export interface PagePlan<Output> {
  pages: PlannedPage<Output>[];
  /** 1-based page number on which each section starts. */
  pageOfSection: Map<string, number>;
}

const DEFAULT_MIN_ROWS = 3;

/** Each section starts on a new page; blocks fill pages of `pageHeight` in order. */
export function planPages<Output>(sections: readonly PlanSection<Output>[], pageHeight: number): PagePlan<Output> {
  const pages: PlannedPage<Output>[] = [];
  const pageOfSection = new Map<string, number>();

  for (const section of sections) {
    let remaining = pageHeight;
    let pageHasContent = false;
    const newPage = (bookmark: string | null) => {
      pages.push({ sectionId: section.id, bookmark, items: [] });
      remaining = pageHeight;
      pageHasContent = false;
    };
    const place = (height: number, render: () => Output) => {
      pages.at(-1)!.items.push(render);
      remaining -= height;
      pageHasContent = true;
    };

    newPage(section.title);
    pageOfSection.set(section.id, pages.length);

    section.blocks.forEach((block, index) => {
      if (block.kind === "fixed") {
        const next = block.keepWithNext ? section.blocks[index + 1] : undefined;
        const needed = block.height + (next ? leadingHeight(next) : 0);
        if (needed > remaining && pageHasContent) newPage(null);
        place(block.height, block.render);
        return;
      }

      const total = block.rowHeights.length;
      let from = 0;
      do {
        const minimum = Math.min(block.minRows ?? DEFAULT_MIN_ROWS, total - from);
        if (block.headHeight + sum(block.rowHeights, from, from + minimum) > remaining && pageHasContent) newPage(null);
        let to = from;
        let height = block.headHeight;
        // At least one row per chunk, even if it is taller than a page, so planning always ends.
        while (to < total && (to === from || height + block.rowHeights[to]! <= remaining)) {
          height += block.rowHeights[to]!;
          to += 1;
        }
        const [chunkFrom, chunkTo, continued] = [from, to, from > 0];
        place(height, () => block.render(chunkFrom, chunkTo, continued));
        from = to;
        if (from < total) newPage(null);
      } while (from < total);
    });
  }

  return { pages, pageOfSection };
}

/** The least of a block that must fit on a page for a block kept with it to stay. */
function leadingHeight<Output>(block: PlanBlock<Output>): number {
  if (block.kind === "fixed") return block.height;
  return block.headHeight + sum(block.rowHeights, 0, Math.min(block.minRows ?? DEFAULT_MIN_ROWS, block.rowHeights.length));
}

function sum(values: readonly number[], from: number, to: number): number {
  let total = 0;
  for (let index = from; index < to; index += 1) total += values[index]!;
  return total;
}
