import { and, asc, eq, or } from 'drizzle-orm';
import {
  agendaEntries,
  auditLog,
  checkIns,
  consultationParticipants,
  delegateCategories,
  delegates,
  outboxMessages,
  programmeSessions,
  tourBuses,
  tourPreferences,
  tourSeats,
  tourWaitlist,
  tours,
  visaLetters,
} from '../../db/schema/index.ts';
import type { PersonalDataExport } from '../../shared/personal-data-schema.ts';
import { hashToken, newSecret } from '../auth/tokens.ts';
import { recordAudit, type AuditEntry } from '../database/audit.ts';
import { nowIso, withTransaction, type Executor } from '../database/transaction.ts';
import { ApiFailure } from '../http/api-failure.ts';
import { removeFromAgenda } from '../programme/agenda-service.ts';
import type { AgendaNotice } from '../programme/programme-service.ts';
import { releaseSeat } from '../tours/tour-choices-service.ts';
import { eraseVisaLetter } from '../visa-letters/visa-letter-service.ts';
import { cancelRegistration, type StatusChange } from './registration-service.ts';
import type { RegistrationStore } from './registration-store.ts';

/** A delegate's personal data: what they see of it (everything stored about them) and its erasure. */

/** Everything stored about delegate `delegateId`, as they may ask to see it. */
export function exportPersonalData(db: Executor, congressId: number, delegateId: number): PersonalDataExport {
  return withTransaction(db, (tx) => {
    const delegate = tx.select().from(delegates).where(and(eq(delegates.id, delegateId), eq(delegates.congressId, congressId))).get();
    if (!delegate) throw new ApiFailure(404, 'id', 'notFound');
    const category = tx.select({ code: delegateCategories.code }).from(delegateCategories).where(eq(delegateCategories.id, delegate.categoryId)).get()!.code;
    const { tokenHash: _token, emailKey: _key, categoryId: _category, congressId: _congress, ...registration } = delegate;
    return {
      exportedAt: nowIso(),
      registration: { ...registration, category },
      tourChoices: tx
        .select({ tour: tours.code, rank: tourPreferences.rank, submittedAt: tourPreferences.submittedAt })
        .from(tourPreferences)
        .innerJoin(tours, eq(tours.id, tourPreferences.tourId))
        .where(eq(tourPreferences.delegateId, delegateId))
        .orderBy(asc(tourPreferences.rank))
        .all(),
      tourSeat:
        tx
          .select({ tour: tours.code, bus: tourBuses.label, rank: tourSeats.rank, boardedAt: tourSeats.boardedAt })
          .from(tourSeats)
          .innerJoin(tourBuses, eq(tourBuses.id, tourSeats.busId))
          .innerJoin(tours, eq(tours.id, tourBuses.tourId))
          .where(eq(tourSeats.delegateId, delegateId))
          .get() ?? null,
      tourWaitingLists: tx.select({ tour: tours.code, joinedAt: tourWaitlist.joinedAt }).from(tourWaitlist).innerJoin(tours, eq(tours.id, tourWaitlist.tourId)).where(eq(tourWaitlist.delegateId, delegateId)).all(),
      agenda: tx
        .select({ session: programmeSessions.code, status: agendaEntries.status, addedAt: agendaEntries.createdAt })
        .from(agendaEntries)
        .innerJoin(programmeSessions, eq(programmeSessions.id, agendaEntries.sessionId))
        .where(eq(agendaEntries.delegateId, delegateId))
        .all(),
      visaLetter: tx.select().from(visaLetters).where(eq(visaLetters.delegateId, delegateId)).get() ?? null,
      checkIn: tx.select({ at: checkIns.checkedInAt, desk: checkIns.desk }).from(checkIns).where(eq(checkIns.delegateId, delegateId)).get() ?? null,
      speaksFor: tx.select({ code: consultationParticipants.code, company: consultationParticipants.company }).from(consultationParticipants).where(eq(consultationParticipants.delegateId, delegateId)).get() ?? null,
      messages: tx
        .select({ kind: outboxMessages.kind, to: outboxMessages.toAddress, subject: outboxMessages.subject, status: outboxMessages.status, createdAt: outboxMessages.createdAt, sentAt: outboxMessages.sentAt })
        .from(outboxMessages)
        .where(eq(outboxMessages.delegateId, delegateId))
        .orderBy(asc(outboxMessages.id))
        .all(),
      history: tx
        .select({ at: auditLog.at, action: auditLog.action })
        .from(auditLog)
        .where(and(eq(auditLog.entity, 'delegate'), eq(auditLog.entityId, delegateId)))
        .orderBy(asc(auditLog.id))
        .all(),
    };
  });
}

/** What an erasure changed for others, for the live channel: places, seats and agenda places that moved on. */
export interface ErasureChanges {
  registrations: StatusChange[];
  tourSeats: number[];
  /** Side-event places that went to those waiting, by session. */
  agenda: { session: string; notices: AgendaNotice[] }[];
}

/**
 * Erases a delegate's personal data, all or nothing. With `release` (the delegate's own erasure, before the event) their
 * place, tour seat and side-event places go to those waiting, as a cancellation would; an edition's retention keeps
 * statuses as they were, so its counts do not move. Then their names, address and every free text are removed, their personal link and
 * calendar stop working, the messages to them forget the address, and they speak for no company any more. What
 * counts keep (their category, country, status, check-in and meeting outcomes) stays, without the person. The audit
 * row says who erased and when, nothing of the data.
 */
export function erasePersonalData(store: RegistrationStore, delegateId: number, actor: Pick<AuditEntry, 'actorType' | 'actorId'>, release: boolean): ErasureChanges {
  return withTransaction(store.db, (tx) => {
    const delegate = tx.select().from(delegates).where(and(eq(delegates.id, delegateId), eq(delegates.congressId, store.congressId))).get();
    if (!delegate) throw new ApiFailure(404, 'id', 'notFound');
    if (delegate.erasedAt) throw new ApiFailure(409, 'id', 'alreadyErased');
    const quiet = { ...store, mailing: false };
    const registrations = release && ['confirmed', 'pending', 'waitlisted'].includes(delegate.status) ? cancelRegistration(quiet, delegateId) : [];
    const seats = release ? releaseSeat(tx, delegateId, { type: actor.actorType === 'account' ? 'account' : 'delegate', id: actor.actorId ?? delegateId }) : [];
    const agenda = release
      ? tx
          .select({ code: programmeSessions.code })
          .from(agendaEntries)
          .innerJoin(programmeSessions, eq(programmeSessions.id, agendaEntries.sessionId))
          .where(eq(agendaEntries.delegateId, delegateId))
          .all()
          .map(({ code }) => ({ session: code, notices: removeFromAgenda(tx, store.congressId, delegateId, code) }))
      : [];
    // Passport data goes first: it is the most sensitive the product holds.
    eraseVisaLetter(tx, delegateId);
    tx.delete(tourPreferences).where(eq(tourPreferences.delegateId, delegateId)).run();
    tx.delete(tourWaitlist).where(eq(tourWaitlist.delegateId, delegateId)).run();
    tx.update(consultationParticipants).set({ delegateId: null }).where(eq(consultationParticipants.delegateId, delegateId)).run();
    const address = erasedAddress(delegateId);
    tx.update(delegates)
      .set({
        givenName: '',
        familyName: '',
        latinName: null,
        email: address,
        emailKey: address,
        organisation: null,
        jobTitle: null,
        phone: null,
        dietary: null,
        accessibility: null,
        registeredFrom: null,
        // A token nobody holds: the personal link, the calendar address and badge look-ups by token stop working.
        tokenHash: hashToken(newSecret()),
        erasedAt: nowIso(),
        updatedAt: nowIso(),
      })
      .where(eq(delegates.id, delegateId))
      .run();
    // Messages not yet sent are not sent; those sent forget whom they went to and what they said.
    tx.delete(outboxMessages).where(and(eq(outboxMessages.delegateId, delegateId), or(eq(outboxMessages.status, 'queued'), eq(outboxMessages.status, 'failed')))).run();
    tx.update(outboxMessages).set({ toAddress: address, toName: null, text: null, html: null, attachments: null }).where(eq(outboxMessages.delegateId, delegateId)).run();
    tx.update(outboxMessages).set({ toAddress: address, toName: null, text: null, html: null, attachments: null }).where(eq(outboxMessages.toAddress, delegate.email)).run();
    // Rows of the history that carried personal data keep the fact, not the data.
    tx.update(auditLog).set({ data: null }).where(and(eq(auditLog.entity, 'delegate'), eq(auditLog.entityId, delegateId))).run();
    recordAudit(tx, { congressId: store.congressId, ...actor, action: 'delegate.erase', entity: 'delegate', entityId: delegateId, data: null });
    return { registrations, tourSeats: seats, agenda };
  });
}

/** The address an erased delegate is left with: unique, and reserved so that nothing can be sent to it. */
export const erasedAddress = (delegateId: number) => `erased-${delegateId}@erased.invalid`;
