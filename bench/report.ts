/**
 * `npm run bench -- report` (run `npm run build` first: the PDF worker is the built bundle).
 *
 * On demo data of 1,000, 10,000 and 100,000 responses (`npm run seed:demo`, seed 42, received
 * before 23 November 2026), the time and peak memory of each thing the server does for a report:
 * the SQL aggregation alone, which is the baseline every other step includes and is compared
 * with; the HTML preview; the PDF through the worker pool; and the two CSV exports. Each size is
 * measured in a process of its own (so its memory is its own), each step `BENCH_RUNS` times
 * (default 3), and medians are reported, with the machine's load before and after. The report
 * covers everything, unfiltered: the largest report for each size.
 *
 * Then rendering alone, from the test fixture, as bench/report-render.ts measures it.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import type { SizeMeasurement, StepMeasurement } from "./report-measure";
import { runReportRenderBench } from "./report-render";
import { formatRate, kb } from "./support";

const root = fileURLToPath(new URL("..", import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SIZES = (process.env.BENCH_SIZES ?? "1000,10000,100000").split(",").map(Number);
const SEED = process.env.BENCH_SEED ?? "42";
const UNTIL = "2026-11-23";

const targets = { pdf10kMs: 3_000, pdf100kMs: 10_000, peakRssMb: 400, csv250kPrioritiesMs: 3_000 };

function load(): string {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(", ");
}

function seed(dataDir: string, responses: number): void {
  execFileSync(process.execPath, ["--import", "tsx", "app/cli/seed-demo.ts", "--responses", String(responses), "--seed", SEED, "--until", UNTIL], {
    cwd: root,
    env: { PATH: process.env.PATH, DATA_DIR: dataDir, NODE_ENV: "production" },
    stdio: "ignore",
  });
}

async function measureSize(databasePath: string): Promise<SizeMeasurement> {
  const child = spawn(process.execPath, ["--import", "tsx", "bench/report-measure.ts", databasePath, String(RUNS)], {
    cwd: root,
    env: { PATH: process.env.PATH, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`measuring ${databasePath} failed (exit ${code})`);
  return JSON.parse(output.trim().split("\n").at(-1)!) as SizeMeasurement;
}

function cell(step: StepMeasurement, baseline: StepMeasurement): string {
  return `${formatRate(step.ms)} ms (${(step.ms / baseline.ms).toFixed(1)}x), ${step.peakRssMb} MB`;
}

export async function runReportBench(): Promise<void> {
  if (!existsSync(join(root, "build/server/report-pdf-worker.js"))) throw new Error("Run `npm run build` first: the PDF worker is the built bundle.");
  console.log(`Report benchmark: demo data seed ${SEED}, ${RUNS} runs a step (median), ${cpus().length} CPUs`);
  console.log(`Load average before (1, 5, 15 min): ${load()}\n`);

  const results: { size: number; measured: SizeMeasurement }[] = [];
  for (const size of SIZES) {
    const dataDir = mkdtempSync(join(tmpdir(), "icct-bench-report-"));
    try {
      const seeding = performance.now();
      seed(dataDir, size);
      process.stdout.write(`${size.toLocaleString("en-GB")} responses seeded in ${((performance.now() - seeding) / 1000).toFixed(1)} s; measuring… `);
      const measured = await measureSize(join(dataDir, "app.db"));
      console.log(`done (load ${load()})`);
      results.push({ size, measured });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }

  console.log("\nTime (median) against the SQL aggregation alone, and the process's peak RSS during the step:\n");
  console.log("| Responses (in the report) | Priorities | SQL aggregation (baseline) | HTML preview | PDF (warm worker) | PDF (worker started by the preview) | PDF (new worker) | Priorities CSV | Responses CSV | Process peak RSS |");
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const { size, measured } of results) {
    const { steps } = measured;
    const base = steps.aggregation!;
    console.log(
      `| ${size.toLocaleString("en-GB")} (${measured.responses.toLocaleString("en-GB")}) | ${measured.priorities.toLocaleString("en-GB")} | ${formatRate(base.ms)} ms, ${base.peakRssMb} MB | ${cell(steps.html!, base)} | ${cell(steps.pdf!, base)} | ${cell(steps.pdfAfterPreview!, base)} | ${cell(steps.pdfNewWorker!, base)} | ${cell(steps.prioritiesCsv!, base)} | ${cell(steps.responsesCsv!, base)} | ${measured.processPeakRssMb} MB |`,
    );
  }
  console.log("\nSizes, and the CSVs before redactions are stored (a new database, before the background job has run):\n");
  console.log("| Responses | PDF | HTML | Priorities CSV | Responses CSV | Priorities CSV, redacting as it goes | Responses CSV, redacting as it goes | Storing every redaction |");
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const { size, measured } of results) {
    const { steps } = measured;
    console.log(
      `| ${size.toLocaleString("en-GB")} | ${steps.pdf!.pages} pages, ${kb(steps.pdf!.bytes!)} | ${kb(steps.html!.bytes!)} | ${kb(steps.prioritiesCsv!.bytes!)} | ${kb(steps.responsesCsv!.bytes!)} | ${formatRate(steps.prioritiesCsvUnstored!.ms)} ms | ${formatRate(steps.responsesCsvUnstored!.ms)} ms | ${formatRate(steps.storeRedactions!.ms)} ms for ${steps.storeRedactions!.rows!.toLocaleString("en-GB")} |`,
    );
  }

  const bySize = (size: number) => results.find((result) => result.size === size)?.measured;
  const verdict = (met: boolean) => (met ? "met" : "MISSED");
  console.log("\nTargets:");
  const ten = bySize(10_000);
  const hundred = bySize(100_000);
  if (ten) {
    console.log(
      `  PDF for 10,000 responses under 3 s: ${formatRate(ten.steps.pdf!.ms)} ms warm, ${formatRate(ten.steps.pdfAfterPreview!.ms)} ms right after the preview, ` +
        `${formatRate(ten.steps.pdfNewWorker!.ms)} ms on a new worker: ${verdict(ten.steps.pdfAfterPreview!.ms < targets.pdf10kMs)} (${verdict(ten.steps.pdfNewWorker!.ms < targets.pdf10kMs)} on a new worker)`,
    );
  }
  if (hundred) {
    console.log(`  PDF for 100,000 responses under 10 s: ${formatRate(hundred.steps.pdf!.ms)} ms warm, ${formatRate(hundred.steps.pdfNewWorker!.ms)} ms on a new worker: ${verdict(hundred.steps.pdfNewWorker!.ms < targets.pdf100kMs)}`);
    console.log(
      `  CSV of ${hundred.priorities.toLocaleString("en-GB")} priorities under 3 s: ${formatRate(hundred.steps.prioritiesCsv!.ms)} ms (${formatRate(hundred.steps.prioritiesCsvUnstored!.ms)} ms before redactions are stored): ${verdict(hundred.steps.prioritiesCsv!.ms < targets.csv250kPrioritiesMs)}`,
    );
  }
  const peak = Math.max(...results.map((result) => result.measured.processPeakRssMb));
  console.log(`  Peak RSS under 400 MB: ${peak} MB at most: ${verdict(peak < targets.peakRssMb)}`);
  console.log(`\nLoad average after: ${load()}\n`);

  if (process.env.BENCH_SKIP_RENDER !== "1") {
    console.log("Rendering alone, from the test fixture (no database):\n");
    await runReportRenderBench();
  }
}
