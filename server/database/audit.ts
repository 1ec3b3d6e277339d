import { eq } from 'drizzle-orm';
import { auditLog, delegates } from '../../db/schema/index.ts';
import { nowIso, type Executor } from './transaction.ts';

/** Who did what to which entity; the time is stamped when it is recorded. */
export type AuditEntry = Omit<typeof auditLog.$inferInsert, 'id' | 'at' | 'congressId'> & { congressId: number | null };

/** The edition a delegate belongs to, for audit rows of changes reached through the delegate alone. */
export function congressOfDelegate(executor: Executor, delegateId: number): number {
  return executor.select({ congressId: delegates.congressId }).from(delegates).where(eq(delegates.id, delegateId)).get()!.congressId;
}

/** Records an audit row; pass the transaction of the change so both land or neither does. */
export function recordAudit(executor: Executor, entry: AuditEntry): void {
  executor.insert(auditLog).values({ ...entry, at: nowIso() }).run();
}
