import type { AppDatabase } from './connection.ts';

interface Pending<T> {
  work: () => T;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: writes that arrive in the same turn of the event loop share one IMMEDIATE transaction, and
 * each runs in its own savepoint inside it. A write that throws is rolled back alone and its caller gets the
 * error; the others commit together. Callers are answered only after the COMMIT, so an answer never
 * promises a write that did not land. Each write is still one synchronous check-then-write under the
 * write lock, so the rules it checks (a last place, a unique email) hold exactly as in a transaction of its own.
 */
export class WriteBatcher {
  private queue: Pending<unknown>[] = [];
  private scheduled = false;
  private readonly commitBatch: (batch: Pending<unknown>[]) => { value?: unknown; error?: unknown; failed: boolean }[];

  constructor(
    db: AppDatabase,
    private readonly maxBatch = 256,
  ) {
    const sqlite = db.$client;
    // Nested better-sqlite3 transactions are savepoints: a throwing write undoes only itself.
    const inSavepoint = sqlite.transaction((work: () => unknown) => work());
    const inTransaction = sqlite.transaction((batch: Pending<unknown>[]) =>
      batch.map((item) => {
        try {
          return { value: inSavepoint(item.work), failed: false };
        } catch (error) {
          return { error, failed: true };
        }
      }),
    );
    this.commitBatch = (batch) => inTransaction.immediate(batch);
  }

  run<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve, reject } as Pending<unknown>);
      if (this.queue.length >= this.maxBatch) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.queue;
    if (batch.length === 0) return;
    this.queue = [];
    let outcomes;
    try {
      outcomes = this.commitBatch(batch);
    } catch (error) {
      // The COMMIT itself failed (disk full, lock timeout): nothing of the batch landed.
      for (const item of batch) item.reject(error);
      return;
    }
    outcomes.forEach((outcome, index) => (outcome.failed ? batch[index]!.reject(outcome.error) : batch[index]!.resolve(outcome.value)));
  }
}
