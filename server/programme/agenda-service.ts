import { and, eq } from 'drizzle-orm';
import { agendaEntries, congresses, delegates, consultationParticipants, programmeSessions, tourBuses, tourSeats, tours } from '../../db/schema/index.ts';
import type { MyAgenda } from '../../shared/programme-schema.ts';
import type { MyConsultation } from '../../shared/consultation-schema.ts';
import type { UiLanguage } from '../../shared/languages.ts';
import { recordAudit } from '../database/audit.ts';
import { nowIso, withTransaction, type Executor } from '../database/transaction.ts';
import { ApiFailure } from '../http/api-failure.ts';
import { refuseUnlessPlaceable } from '../registration/place-eligibility.ts';
import { translatorFor } from '../i18n/translator.ts';
import { myConsultation } from '../consultations/participant-service.ts';
import { overlaps, programme, type AgendaNotice } from './programme-service.ts';
import { fillFreePlaces, goingCount } from './side-event-places.ts';
import { delegateTopic } from '../registration/registration-repository.ts';
import { tourText } from '../tours/tour-catalog.ts';
import { congressLanguages } from '../congress/congress-service.ts';
import { inReaderLanguage } from '../../shared/localized-text.ts';

/** A delegate's personal agenda: sessions they add, places at side events with a capacity, and what clashes. */

function sessionByCode(tx: Executor, congressId: number, code: string) {
  const session = tx.select().from(programmeSessions).where(and(eq(programmeSessions.congressId, congressId), eq(programmeSessions.code, code))).get();
  if (!session) throw new ApiFailure(404, 'session', 'notFound');
  return session;
}

/**
 * Adds session `code` to the delegate's agenda. A session with a capacity gives a place while one is free and a place
 * on its waiting list after that: the count and the insert are one IMMEDIATE transaction, so concurrent sign-ups
 * never hand out more places than there are. Only confirmed delegates take a place: a pending one waits in line until
 * approved; one on the registration waiting list, cancelled or declined is refused. Adding it again changes nothing.
 */
export function addToAgenda(db: Executor, congressId: number, delegateId: number, code: string): 'going' | 'waitlisted' {
  return withTransaction(db, (tx) => {
    const session = sessionByCode(tx, congressId, code);
    const existing = tx.select().from(agendaEntries).where(and(eq(agendaEntries.delegateId, delegateId), eq(agendaEntries.sessionId, session.id))).get();
    if (existing) return existing.status;
    if (session.cancelledAt !== null) throw new ApiFailure(409, 'session', 'sessionCancelled');
    const { status: registration } = tx.select({ status: delegates.status }).from(delegates).where(eq(delegates.id, delegateId)).get()!;
    const limited = session.capacity !== null;
    // An open session takes anyone still registered, a limited one only those who may hold a place.
    if (limited || registration === 'cancelled' || registration === 'declined') refuseUnlessPlaceable(registration, 'status');
    const placeFree = !limited || (registration === 'confirmed' && goingCount(tx, session.id) < session.capacity!);
    const status = placeFree ? 'going' : 'waitlisted';
    tx.insert(agendaEntries).values({ delegateId, sessionId: session.id, status, createdAt: nowIso() }).run();
    recordAudit(tx, { congressId, actorType: 'delegate', actorId: delegateId, action: 'agenda.add', entity: 'programme_session', entityId: session.id, data: { status } });
    return status;
  });
}

/**
 * Takes session `code` off the agenda; a place given up goes to the first on the waiting list.
 * Returns the delegates who got a place.
 */
export function removeFromAgenda(db: Executor, congressId: number, delegateId: number, code: string): AgendaNotice[] {
  return withTransaction(db, (tx) => {
    const session = sessionByCode(tx, congressId, code);
    const entry = tx.select().from(agendaEntries).where(and(eq(agendaEntries.delegateId, delegateId), eq(agendaEntries.sessionId, session.id))).get();
    if (!entry) return [];
    tx.delete(agendaEntries).where(eq(agendaEntries.id, entry.id)).run();
    recordAudit(tx, { congressId, actorType: 'delegate', actorId: delegateId, action: 'agenda.remove', entity: 'programme_session', entityId: session.id, data: { status: entry.status } });
    return entry.status === 'going' ? fillFreePlaces(tx, session).map((promoted) => ({ delegateId: promoted, change: 'place' as const })) : [];
  });
}

/** The consultation day of a delegate who speaks for a buyer or supplier; null for everyone else. */
export function consultationDayOf(db: Executor, congressId: number, delegateId: number, language: UiLanguage): MyConsultation | null {
  const participant = db
    .select({ id: consultationParticipants.id })
    .from(consultationParticipants)
    .where(and(eq(consultationParticipants.congressId, congressId), eq(consultationParticipants.delegateId, delegateId)))
    .get();
  return participant ? myConsultation(db, congressId, delegateId, language) : null;
}

/**
 * The delegate's agenda in time order, each session with what else they have then: sessions, their tour bus, meetings.
 * `day` is their consultation day, for a caller that has it already.
 */
export function myAgenda(db: Executor, congressId: number, delegateId: number, language: UiLanguage, day = consultationDayOf(db, congressId, delegateId, language)): MyAgenda {
  return withTransaction(db, (tx) => {
    const t = translatorFor(language);
    const sessions = programme(tx, congressId, language).sessions;
    const entries = tx
      .select({ code: programmeSessions.code, status: agendaEntries.status })
      .from(agendaEntries)
      .innerJoin(programmeSessions, eq(programmeSessions.id, agendaEntries.sessionId))
      .where(eq(agendaEntries.delegateId, delegateId))
      .all();
    const settings = tx.select({ toursPublishedAt: congresses.toursPublishedAt }).from(congresses).where(eq(congresses.id, congressId)).get()!;
    const seat = settings.toursPublishedAt
      ? tx
          .select({ tour: tours, bus: tourBuses.label })
          .from(tourSeats)
          .innerJoin(tourBuses, eq(tourBuses.id, tourSeats.busId))
          .innerJoin(tours, eq(tours.id, tourBuses.tourId))
          .where(eq(tourSeats.delegateId, delegateId))
          .get()
      : undefined;
    const languages = congressLanguages(tx, congressId);
    const seatText = seat && { ...tourText(seat.tour, language, languages), bus: inReaderLanguage(seat.bus, language, languages) };
    const meetings = (day?.meetings ?? []).filter((meeting) => meeting.startsAt && meeting.endsAt);
    const commitments = [
      ...entries
        .filter((entry) => entry.status === 'going')
        .map((entry) => sessions.find((session) => session.code === entry.code)!)
        .filter((session) => !session.cancelled)
        .map((session) => ({ kind: 'session' as const, code: session.code, title: session.title, startsAt: session.startsAt, endsAt: session.endsAt, location: session.room?.name ?? session.place })),
      ...(seat && seatText
        ? [{ kind: 'tour' as const, code: 'tour', title: `${seatText.title} · ${seatText.bus}`, startsAt: seat.tour.departsAt, endsAt: seat.tour.returnsAt, location: seatText.meetingPoint }]
        : []),
      ...meetings.map((meeting) => ({
        kind: 'meeting' as const,
        code: meeting.meeting,
        title: t('consultations:mine.calendarSummary', { company: meeting.counterpart.company }),
        startsAt: meeting.startsAt!,
        endsAt: meeting.endsAt!,
        location: meeting.table,
      })),
    ];
    return {
      entries: entries
        .map((entry) => {
          const session = sessions.find((candidate) => candidate.code === entry.code)!;
          const clashes = commitments.filter((other) => !(other.kind === 'session' && other.code === session.code) && overlaps(other, session));
          return { session, status: entry.status, clashes };
        })
        .sort((x, y) => Date.parse(x.session.startsAt) - Date.parse(y.session.startsAt)),
      commitments: commitments.filter((commitment) => commitment.kind !== 'session'),
      liveTopic: delegateTopic(delegateId),
    };
  });
}
