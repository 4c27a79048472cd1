import type { DB, Executor } from "~db/client";
import { isUniqueViolation } from "~db/errors";

import type { Logger } from "~/modules/observability/logger";

import { insertSubmission, type NewSubmissionRequest, type SubmissionReceipt } from "./submit.server";

/** Runs in the same transaction right after a new submission is written, e.g. to mark its draft as sent. */
export type AfterInsert = (trx: Executor, receipt: SubmissionReceipt) => Promise<void>;

interface Pending {
  request: NewSubmissionRequest;
  afterInsert?: AfterInsert;
  resolve: (receipt: SubmissionReceipt) => void;
  reject: (error: unknown) => void;
}

interface Outcome {
  item: Pending;
  receipt?: SubmissionReceipt;
  error?: unknown;
}

const MAX_REFERENCE_ATTEMPTS = 5;

/**
 * Saves submissions with group commit. SQLite with synchronous=FULL pays for one fsync per
 * transaction, and the service has one writer; so submissions that arrive while a commit is
 * under way are written together in the next transaction. Nobody is told "sent" before their
 * commit has returned, and one bad submission rolls back only itself.
 *
 * Idempotent by key: a repeated key returns the first submission (created: false).
 */
export class SubmissionWriter {
  private queue: Pending[] = [];
  private flushing: Promise<void> | null = null;
  /** Transactions committed and submissions written since start, for logs and tests. */
  readonly stats = { transactions: 0, written: 0 };

  constructor(
    private readonly db: DB,
    private readonly logger: Logger,
    private readonly maxBatch = 100,
  ) {}

  submit(request: NewSubmissionRequest, afterInsert?: AfterInsert): Promise<SubmissionReceipt> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request, afterInsert, resolve, reject });
      // Everything queued before the next turn of the event loop joins the same transaction.
      this.flushing ??= new Promise<void>((resolveTick) => setImmediate(resolveTick)).then(() => this.flush());
    });
  }

  /** Resolves once everything queued so far has been written or refused (used at shutdown). */
  async drain(): Promise<void> {
    await this.flushing;
  }

  private async flush(): Promise<void> {
    try {
      while (this.queue.length > 0) await this.writeBatch(this.queue.splice(0, this.maxBatch));
    } finally {
      this.flushing = null;
    }
  }

  private async writeBatch(batch: Pending[]): Promise<void> {
    let outcomes: Outcome[];
    try {
      // Almost every batch is written whole; only when a submission in it fails is the batch
      // written again with a savepoint for each, so that the failure rolls back only itself.
      outcomes = (await this.writeTogether(batch)) ?? (await this.writeEachInSavepoint(batch));
    } catch (error) {
      this.logger.error("submissions.batch_failed", { size: batch.length, error: error instanceof Error ? error.message : String(error) });
      for (const item of batch) item.reject(error);
      return;
    }
    this.stats.transactions += 1;
    this.stats.written += outcomes.filter((outcome) => outcome.receipt?.created).length;
    for (const { item, receipt, error } of outcomes) {
      if (receipt) item.resolve(receipt);
      else item.reject(error);
    }
  }

  /** The batch in one transaction; null (and nothing written) if any submission in it failed. */
  private async writeTogether(batch: Pending[]): Promise<Outcome[] | null> {
    const trx = await this.db.startTransaction().execute();
    try {
      const outcomes: Outcome[] = [];
      for (const item of batch) outcomes.push({ item, receipt: await writeOne(trx, item) });
      await trx.commit().execute();
      return outcomes;
    } catch {
      await trx.rollback().execute();
      return null;
    }
  }

  private async writeEachInSavepoint(batch: Pending[]): Promise<Outcome[]> {
    const outcomes: Outcome[] = [];
    const trx = await this.db.startTransaction().execute();
    try {
      for (const item of batch) {
        const savepoint = await trx.savepoint("submission").execute();
        try {
          outcomes.push({ item, receipt: await writeOne(savepoint, item) });
          await savepoint.releaseSavepoint("submission").execute();
        } catch (error) {
          await savepoint.rollbackToSavepoint("submission").execute();
          await savepoint.releaseSavepoint("submission").execute();
          outcomes.push({ item, error });
        }
      }
      await trx.commit().execute();
      return outcomes;
    } catch (error) {
      await trx.rollback().execute();
      throw error;
    }
  }
}

async function writeOne(trx: Executor, { request, afterInsert }: Pending): Promise<SubmissionReceipt> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const receipt = await insertSubmission(trx, request);
      if (receipt.created) await afterInsert?.(trx, receipt);
      return receipt;
    } catch (error) {
      // A reference drawn twice in 3.4 x 10^10 is rare but possible: draw again.
      if (!isUniqueViolation(error, "submissions", "reference") || attempt >= MAX_REFERENCE_ATTEMPTS) throw error;
    }
  }
}
