import { auditLog } from '../../db/schema/index.ts';
import { nowIso, type Executor } from './transaction.ts';

/** Who did what to which entity; the time is stamped when it is recorded. */
export type AuditEntry = Omit<typeof auditLog.$inferInsert, 'id' | 'at'>;

/** Records an audit row; pass the transaction of the change so both land or neither does. */
export function recordAudit(executor: Executor, entry: AuditEntry): void {
  executor.insert(auditLog).values({ ...entry, at: nowIso() }).run();
}
