import { spawn, type ChildProcess } from "node:child_process";

export function formatRate(value: number): string {
  return value.toLocaleString("en-GB", { maximumFractionDigits: 1 });
}

/** Starts a node script as a child process and waits for it to print its URL. */
export async function startProcess(args: string[], env: Record<string, string>, readyPattern: RegExp): Promise<{ url: string; child: ChildProcess; stop: () => Promise<void> }> {
  // BENCH_NODE_ARGS (for example "--cpu-prof --cpu-prof-dir=/tmp/profile") profiles the servers under load.
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, ...args], {
    env: { PATH: process.env.PATH, NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`did not start:\n${output}`)), 30_000);
    child.stdout!.on("data", () => {
      const match = readyPattern.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once("exit", (code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
  return {
    url,
    child,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** Runs `work` and how long it took, in whole milliseconds. */
export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { ms: Math.round(performance.now() - started), result };
}

/** The highest RSS of this process (worker threads included) from now until stop(), sampled every 5 ms, in MB. */
export function sampleRss(): { stop: () => number } {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 5);
  return {
    stop: () => {
      clearInterval(timer);
      return mb(Math.max(peak, process.memoryUsage.rss()));
    },
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export function mb(bytes: number): number {
  return Math.round(bytes / 1024 / 1024);
}

export function kb(bytes: number): string {
  return `${Math.round(bytes / 1024)} KB`;
}
