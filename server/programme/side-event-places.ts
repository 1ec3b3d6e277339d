import { and, asc, count, eq, isNotNull } from 'drizzle-orm';
import { agendaEntries, delegates, programmeSessions } from '../../db/schema/index.ts';
import type { DelegateStatus } from '../../shared/delegate-status.ts';
import { recordAudit } from '../database/audit.ts';
import type { Transaction } from '../database/transaction.ts';

/** Places at sessions with a capacity: who holds one, and who moves up from the waiting list when one frees. */

export const goingCount = (tx: Transaction, sessionId: number) =>
  tx.select({ n: count() }).from(agendaEntries).where(and(eq(agendaEntries.sessionId, sessionId), eq(agendaEntries.status, 'going'))).get()!.n;

/**
 * Gives the session's free places (all of them when it has no capacity) to the waiting list in the order people
 * joined it, inside the caller's transaction; only confirmed delegates take a place, pending ones keep their turn.
 * Returns the delegates who got a place, to be told once it is committed.
 */
export function fillFreePlaces(tx: Transaction, session: { id: number; congressId: number; capacity: number | null }): number[] {
  const free = session.capacity === null ? Infinity : session.capacity - goingCount(tx, session.id);
  if (free <= 0) return [];
  const waiting = tx
    .select({ id: agendaEntries.id, delegateId: agendaEntries.delegateId })
    .from(agendaEntries)
    .innerJoin(delegates, eq(delegates.id, agendaEntries.delegateId))
    .where(and(eq(agendaEntries.sessionId, session.id), eq(agendaEntries.status, 'waitlisted'), eq(delegates.status, 'confirmed')))
    .orderBy(asc(agendaEntries.createdAt), asc(agendaEntries.id))
    .all()
    .slice(0, free);
  for (const entry of waiting) {
    tx.update(agendaEntries).set({ status: 'going' }).where(eq(agendaEntries.id, entry.id)).run();
    recordAudit(tx, { congressId: session.congressId, actorType: 'system', actorId: null, action: 'agenda.promote', entity: 'programme_session', entityId: session.id, data: { delegateId: entry.delegateId } });
  }
  return waiting.map((entry) => entry.delegateId);
}

/**
 * Settles a delegate's places after their registration changed status, in the caller's transaction. Confirmed: the
 * sessions they wait for give them a place if one is free and they are first in line. Pending again: a place they
 * hold goes back to the line. Cancelled or declined: they leave every session. A freed place goes to the first
 * confirmed delegate waiting; they see it on their agenda. Returns the places given, for the live channel.
 */
export function settlePlaces(tx: Transaction, delegateId: number, status: DelegateStatus): PlacesGiven[] {
  const given: PlacesGiven[] = [];
  const entries = tx
    .select({ entry: agendaEntries, session: programmeSessions })
    .from(agendaEntries)
    .innerJoin(programmeSessions, eq(programmeSessions.id, agendaEntries.sessionId))
    .where(and(eq(agendaEntries.delegateId, delegateId), isNotNull(programmeSessions.capacity)))
    .all();
  for (const { entry, session } of entries) {
    if (status === 'cancelled' || status === 'declined') tx.delete(agendaEntries).where(eq(agendaEntries.id, entry.id)).run();
    else if (status !== 'confirmed' && entry.status === 'going') tx.update(agendaEntries).set({ status: 'waitlisted' }).where(eq(agendaEntries.id, entry.id)).run();
    const promoted = fillFreePlaces(tx, session);
    if (promoted.length > 0) given.push({ session: session.code, delegateIds: promoted });
  }
  return given;
}

/** Places at one session handed to delegates who waited for them, to tell each once committed. */
export interface PlacesGiven {
  session: string;
  delegateIds: number[];
}
