import { and, asc, eq, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import {
  congresses,
  consultationAssignments,
  consultationInterpreters,
  consultationMeetings,
  consultationOutcomes,
  consultationParticipants,
  consultationSlots,
  consultationTables,
  delegates,
} from '../../db/schema/index.ts';
import type { MyConsultation, Outcome, ParticipantSpokesperson } from '../../shared/consultation-schema.ts';
import { recordAudit } from '../database/audit.ts';
import { nowIso, withTransaction, type Executor } from '../database/transaction.ts';
import { ApiFailure } from '../http/api-failure.ts';
import { personalFeedPath } from '../calendar/feed-address.ts';
import type { UiLanguage } from '../../shared/languages.ts';
import { productsOf } from './participant-directory.ts';

/** Buyers and suppliers as people: who speaks for a company, their own day, and what each meeting led to. */

/** The buyer or supplier with `code`; an unknown code is refused with `status`, naming `field`. */
export function participantByCode(tx: Executor, congressId: number, code: string, status: 404 | 422 = 404, field = 'participant') {
  const row = tx.select().from(consultationParticipants).where(and(eq(consultationParticipants.congressId, congressId), eq(consultationParticipants.code, code))).get();
  if (!row) throw new ApiFailure(status, field, 'notFound');
  return row;
}

/** Names the delegate who speaks for a buyer or supplier (null: nobody); a delegate speaks for one company at most. */
export function linkParticipant(db: Executor, congressId: number, code: string, delegateId: number | null, accountId: number): void {
  withTransaction(db, (tx) => {
    const participant = participantByCode(tx, congressId, code);
    if (delegateId !== null) {
      if (!tx.select({ id: delegates.id }).from(delegates).where(and(eq(delegates.id, delegateId), eq(delegates.congressId, congressId))).get()) {
        throw new ApiFailure(422, 'delegate', 'notFound');
      }
      const other = tx.select({ code: consultationParticipants.code, company: consultationParticipants.company }).from(consultationParticipants).where(eq(consultationParticipants.delegateId, delegateId)).get();
      if (other && other.code !== code) throw new ApiFailure(409, 'delegate', 'alreadyLinked', { company: other.company });
    }
    tx.update(consultationParticipants).set({ delegateId }).where(eq(consultationParticipants.id, participant.id)).run();
    recordAudit(tx, { congressId, actorType: 'account', actorId: accountId, action: 'consultation.participant.link', entity: 'consultation_participant', entityId: participant.id, data: { delegateId } });
  });
}

/** The delegate who speaks for buyer or supplier `code`, or null. */
export function spokespersonOf(db: Executor, congressId: number, code: string): ParticipantSpokesperson {
  const participant = participantByCode(db, congressId, code);
  if (participant.delegateId === null) return { delegate: null };
  const delegate = db
    .select({ id: delegates.id, givenName: delegates.givenName, familyName: delegates.familyName, email: delegates.email, organisation: delegates.organisation })
    .from(delegates)
    .where(eq(delegates.id, participant.delegateId))
    .get();
  return { delegate: delegate ?? null };
}

/** The buyer or supplier a delegate speaks for; others have no consultation day (403). */
export function participantOfDelegate(tx: Executor, congressId: number, delegateId: number) {
  const row = tx.select().from(consultationParticipants).where(and(eq(consultationParticipants.congressId, congressId), eq(consultationParticipants.delegateId, delegateId))).get();
  if (!row) throw new ApiFailure(403, 'Authorization', 'notParticipant');
  return row;
}

const counterpart = alias(consultationParticipants, 'counterpart');

/** A participant's meetings; times, tables and interpreters only once the plan is published. */
export function myConsultation(db: Executor, congressId: number, delegateId: number, language: UiLanguage): MyConsultation {
  return withTransaction(db, (tx) => {
    const me = participantOfDelegate(tx, congressId, delegateId);
    const congress = tx.select({ at: congresses.consultationPublishedAt, slug: congresses.slug, timeZone: congresses.timeZone }).from(congresses).where(eq(congresses.id, congressId)).get()!;
    const published = congress.at !== null;
    const otherSide = me.role === 'buyer' ? consultationMeetings.supplierId : consultationMeetings.buyerId;
    const rows = tx
      .select({
        meeting: consultationMeetings.code,
        startsAt: consultationSlots.startsAt,
        endsAt: consultationSlots.endsAt,
        table: consultationTables.code,
        interpreter: consultationInterpreters.name,
        counterpart: { code: counterpart.code, company: counterpart.company, country: counterpart.country, languages: counterpart.languages, hsCodes: counterpart.hsCodes },
        outcome: consultationOutcomes,
      })
      .from(consultationMeetings)
      .innerJoin(counterpart, eq(counterpart.id, otherSide))
      .leftJoin(consultationAssignments, eq(consultationAssignments.meetingId, consultationMeetings.id))
      .leftJoin(consultationSlots, eq(consultationSlots.id, consultationAssignments.slotId))
      .leftJoin(consultationTables, eq(consultationTables.id, consultationAssignments.tableId))
      .leftJoin(consultationInterpreters, eq(consultationInterpreters.id, consultationAssignments.interpreterId))
      .leftJoin(consultationOutcomes, eq(consultationOutcomes.meetingId, consultationMeetings.id))
      .where(and(eq(consultationMeetings.status, 'accepted'), or(eq(consultationMeetings.buyerId, me.id), eq(consultationMeetings.supplierId, me.id))))
      .orderBy(asc(consultationSlots.startsAt), asc(consultationMeetings.code))
      .all();
    const counterpartView = ({ hsCodes, ...named }: (typeof rows)[number]['counterpart']) => ({ ...named, products: productsOf(hsCodes, language) });
    return {
      participant: { code: me.code, role: me.role, company: me.company, country: me.country },
      published,
      timeZone: congress.timeZone,
      calendarFeed: personalFeedPath(congress.slug, delegateId, tx.select({ tokenHash: delegates.tokenHash }).from(delegates).where(eq(delegates.id, delegateId)).get()!.tokenHash),
      slots: tx
        .select({ id: consultationSlots.code, start: consultationSlots.startsAt, end: consultationSlots.endsAt })
        .from(consultationSlots)
        .where(eq(consultationSlots.congressId, congressId))
        .orderBy(asc(consultationSlots.startsAt))
        .all(),
      meetings: rows.map((row) => ({
        meeting: row.meeting,
        startsAt: published ? row.startsAt : null,
        endsAt: published ? row.endsAt : null,
        table: published ? row.table : null,
        interpreter: published ? row.interpreter : null,
        counterpart: counterpartView(row.counterpart),
        outcome: row.outcome
          ? { attendance: row.outcome.attendance, outcome: row.outcome.outcome, valueUsd: row.outcome.valueUsd, products: row.outcome.products, hsCodes: row.outcome.hsCodes }
          : null,
      })),
    };
  });
}

/**
 * Records what a meeting led to. Either side records its own meetings; staff and organisers any. A contract needs
 * its value; a meeting nobody came to led to nothing.
 */
export function recordOutcome(db: Executor, congressId: number, meetingCode: string, body: Outcome, actor: { type: 'delegate' | 'account'; id: number }): void {
  withTransaction(db, (tx) => {
    const meeting = tx
      .select()
      .from(consultationMeetings)
      .where(and(eq(consultationMeetings.congressId, congressId), eq(consultationMeetings.code, meetingCode), eq(consultationMeetings.status, 'accepted')))
      .get();
    if (!meeting) throw new ApiFailure(404, 'meeting', 'notFound');
    if (actor.type === 'delegate') {
      const me = participantOfDelegate(tx, congressId, actor.id);
      if (me.id !== meeting.buyerId && me.id !== meeting.supplierId) throw new ApiFailure(403, 'meeting', 'forbidden');
    }
    const contract = body.outcome === 'in-progress' || body.outcome === 'signed';
    if (contract && (body.valueUsd === undefined || body.valueUsd === null)) throw new ApiFailure(422, 'valueUsd', 'required');
    if (body.attendance === 'no-show' && body.outcome !== 'none') throw new ApiFailure(422, 'outcome', 'noShowOutcome');
    const values = {
      attendance: body.attendance,
      outcome: body.outcome,
      valueUsd: contract ? body.valueUsd! : null,
      products: body.products?.trim() || null,
      hsCodes: body.hsCodes?.length ? body.hsCodes : null,
      recordedAt: nowIso(),
    };
    tx.insert(consultationOutcomes).values({ meetingId: meeting.id, ...values }).onConflictDoUpdate({ target: consultationOutcomes.meetingId, set: values }).run();
    recordAudit(tx, { congressId, actorType: actor.type, actorId: actor.id, action: 'consultation.outcome', entity: 'consultation_meeting', entityId: meeting.id, data: values });
  });
}
