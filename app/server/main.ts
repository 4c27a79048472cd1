// Launcher: React and Remix read NODE_ENV when they are first imported, so it must be set before
// the server (a separate bundle, start.js) is loaded.
process.env.NODE_ENV ??= "production";

// @ts-expect-error start.js is the sibling bundle built from start.ts, not a module TypeScript sees.
await import("./start.js");
