/**
 * `npm test`: builds the app once, runs the unit and integration tests (vitest) and the browser
 * tests (Playwright), then prints one line, "N passed, N failed", for CI to read.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const output = `${root}tests/.output`;
rmSync(output, { recursive: true, force: true });
mkdirSync(output, { recursive: true });

function run(command: string, args: string[]): number {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: process.env });
  return result.status ?? 1;
}

const buildStatus = run("npm", ["run", "build"]);
if (buildStatus !== 0) {
  console.log("0 passed, 1 failed");
  process.exit(1);
}

run("npx", ["vitest", "run", "--config", "tests/vitest.config.ts", "--reporter=default", "--reporter=json", `--outputFile.json=${output}/vitest.json`]);
run("npx", ["playwright", "test", "--config", "tests/playwright.config.ts"]);

function readJson(path: string): unknown {
  return existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : null;
}

const vitest = readJson(`${output}/vitest.json`) as { numPassedTests: number; numFailedTests: number } | null;
const playwright = readJson(`${output}/playwright.json`) as { stats: { expected: number; unexpected: number; flaky: number } } | null;

// A runner that crashed before writing its report counts as a failure, never as nothing to do.
const passed = (vitest?.numPassedTests ?? 0) + (playwright?.stats.expected ?? 0);
const failed = (vitest ? vitest.numFailedTests : 1) + (playwright ? playwright.stats.unexpected + playwright.stats.flaky : 1);

console.log(`\nvitest: ${vitest ? `${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed` : "no report"}`);
console.log(`playwright: ${playwright ? `${playwright.stats.expected} passed, ${playwright.stats.unexpected} failed` : "no report"}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
