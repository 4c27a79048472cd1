import { fileURLToPath } from "node:url";

import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("..", import.meta.url));

export default defineConfig({
  root,
  resolve: {
    alias: [
      { find: /^~db\/(.*)$/, replacement: `${root}db/$1` },
      { find: /^~emails\/(.*)$/, replacement: `${root}emails/$1` },
      { find: /^~\/(.*)$/, replacement: `${root}app/$1` },
    ],
  },
  test: {
    include: ["tests/unit/**/*.test.{ts,tsx}", "tests/integration/**/*.test.{ts,tsx}"],
    environment: "node",
    // Integration tests start the built server as a child process; give them room on 2 cores.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
