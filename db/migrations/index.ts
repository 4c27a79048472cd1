import type { Migration } from "kysely";

import * as m0001 from "./0001-foundation";
import * as m0002 from "./0002-staff";
import * as m0003 from "./0003-triage";
import * as m0004 from "./0004-mail";
import * as m0005 from "./0005-duplicates";
import * as m0006 from "./0006-reports";
import * as m0007 from "./0007-inbox-speed";
import * as m0008 from "./0008-near-duplicate-checks";

/**
 * Every migration, in order. A static map (rather than reading the folder) so the bundled server
 * carries its migrations with it. Names sort in the order they must run.
 */
export const migrations: Record<string, Migration> = {
  "0001-foundation": m0001,
  "0002-staff": m0002,
  "0003-triage": m0003,
  "0004-mail": m0004,
  "0005-duplicates": m0005,
  "0006-reports": m0006,
  "0007-inbox-speed": m0007,
  "0008-near-duplicate-checks": m0008,
};
