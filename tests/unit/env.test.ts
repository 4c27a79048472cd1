import { describe, expect, it } from "vitest";

import { EnvError, parseEnv } from "~/server/env";

describe("parseEnv", () => {
  it("fills in the defaults for a fresh machine", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      NODE_ENV: "production",
      PORT: 3000,
      DATA_DIR: "./data",
      DRAFT_TTL_DAYS: 7,
      TRUST_PROXY: false,
      MIN_FILL_SECONDS: 15,
    });
    expect(env.SESSION_SECRET).toBeUndefined();
  });

  it("treats empty variables as unset", () => {
    expect(parseEnv({ PORT: "", SESSION_SECRET: "" }).PORT).toBe(3000);
  });

  it("reads numbers, flags and proxy settings", () => {
    const env = parseEnv({ PORT: "8080", COOKIE_SECURE: "false", TRUST_PROXY: "1", DRAFT_TTL_DAYS: "2" });
    expect(env).toMatchObject({ PORT: 8080, COOKIE_SECURE: false, TRUST_PROXY: 1, DRAFT_TTL_DAYS: 2 });
  });

  it("reports every bad variable by name", () => {
    try {
      parseEnv({ PORT: "eighty", SESSION_SECRET: "short", PUBLIC_URL: "ftp://x", TRUST_PROXY: "maybe" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      const problems = (error as EnvError).problems.join("\n");
      expect(problems).toContain("PORT");
      expect(problems).toContain("SESSION_SECRET must be at least 32 characters");
      expect(problems).toContain("PUBLIC_URL");
      expect(problems).toContain("TRUST_PROXY");
    }
  });
});

describe("README", () => {
  it("documents exactly the environment variables the server reads", async () => {
    const { readFileSync } = await import("node:fs");
    const { envSchema } = await import("~/server/env");
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const section = readme.slice(readme.indexOf("## Configuration"), readme.indexOf("## Routes"));
    const documented = [...section.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((match) => match[1]).sort();
    expect(documented).toEqual(Object.keys(envSchema.shape).sort());
  });
});
