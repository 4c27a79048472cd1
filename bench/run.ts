/**
 * `npm run bench -- <name>`: runs one benchmark against the built app. Each prints its figures
 * and a ratio against a baseline measured in the same run.
 */
const benchmarks: Record<string, () => Promise<unknown>> = {
  submit: () => import("./submit"),
  mail: () => import("./mail"),
  triage: () => import("./triage"),
  report: () => import("./report").then((bench) => bench.runReportBench()),
};

// Benchmarks that run the app's code in this process measure React's production build, as the server does.
process.env.NODE_ENV ??= "production";

const benchmark = process.argv[2];
if (!benchmark || !(benchmark in benchmarks)) {
  console.error(`Usage: npm run bench -- <${Object.keys(benchmarks).join("|")}>`);
  process.exit(2);
}
await benchmarks[benchmark]!();

export {};
