import type { AppDatabase } from './connection.ts';

export type Transaction = Parameters<Parameters<AppDatabase['transaction']>[0]>[0];
/** Either the database or a transaction already open on it. */
export type Executor = AppDatabase | Transaction;

function isTransaction(executor: Executor): executor is Transaction {
  return !('$client' in executor);
}

/**
 * Runs `work` in one IMMEDIATE transaction, or inside the transaction already open on the connection
 * (a calling service's, or the write batcher's, which gives each write its own savepoint).
 * IMMEDIATE takes the write lock at BEGIN, so a check-then-write (a last place, a free slot)
 * cannot interleave with another connection's between the check and the write.
 * `work` must be synchronous: an `await` inside would let other requests run mid-transaction.
 */
export function withTransaction<T>(executor: Executor, work: (tx: Transaction) => T): T {
  if (isTransaction(executor)) return work(executor);
  // The database and a transaction on it run the same queries on the same connection.
  if (executor.$client.inTransaction) return work(executor as unknown as Transaction);
  return executor.transaction(work, { behavior: 'immediate' });
}

export const nowIso = (): string => new Date().toISOString();
