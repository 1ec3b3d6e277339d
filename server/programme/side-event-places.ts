import { and, asc, count, eq } from 'drizzle-orm';
import { agendaEntries } from '../../db/schema/index.ts';
import { recordAudit } from '../database/audit.ts';
import type { Transaction } from '../database/transaction.ts';

/** Places at sessions with a capacity: who holds one, and who moves up from the waiting list when one frees. */

export const goingCount = (tx: Transaction, sessionId: number) =>
  tx.select({ n: count() }).from(agendaEntries).where(and(eq(agendaEntries.sessionId, sessionId), eq(agendaEntries.status, 'going'))).get()!.n;

/**
 * Gives the session's free places (all of them when it has no capacity) to the waiting list in the order people
 * joined it, inside the caller's transaction. Returns the delegates who got a place, to be told once it is committed.
 */
export function fillFreePlaces(tx: Transaction, session: { id: number; congressId: number; capacity: number | null }): number[] {
  const free = session.capacity === null ? Infinity : session.capacity - goingCount(tx, session.id);
  if (free <= 0) return [];
  const waiting = tx
    .select({ id: agendaEntries.id, delegateId: agendaEntries.delegateId })
    .from(agendaEntries)
    .where(and(eq(agendaEntries.sessionId, session.id), eq(agendaEntries.status, 'waitlisted')))
    .orderBy(asc(agendaEntries.createdAt), asc(agendaEntries.id))
    .all()
    .slice(0, free);
  for (const entry of waiting) {
    tx.update(agendaEntries).set({ status: 'going' }).where(eq(agendaEntries.id, entry.id)).run();
    recordAudit(tx, { congressId: session.congressId, actorType: 'system', actorId: null, action: 'agenda.promote', entity: 'programme_session', entityId: session.id, data: { delegateId: entry.delegateId } });
  }
  return waiting.map((entry) => entry.delegateId);
}
