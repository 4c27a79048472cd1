import type { Migration } from "kysely";

import * as m0001 from "./0001-foundation";

/**
 * Every migration, in order. A static map (rather than reading the folder) so the bundled server
 * carries its migrations with it. Names sort in the order they must run.
 */
export const migrations: Record<string, Migration> = {
  "0001-foundation": m0001,
};
