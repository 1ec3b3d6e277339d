import { and, asc, count, eq, isNull } from 'drizzle-orm';
import { agendaEntries, programmePapers, programmePeople, programmeRooms, programmeSessions, programmeSessionSpeakers } from '../../db/schema/index.ts';
import type { AgendaChange, ProgrammeView, SessionCreateBody, SessionEditable, SessionPatchBody, SessionView } from '../../shared/programme-schema.ts';
import type { UiLanguage } from '../../shared/languages.ts';
import { recordAudit } from '../database/audit.ts';
import { nowIso, withTransaction, type Executor, type Transaction } from '../database/transaction.ts';
import { ApiFailure, LocalizedParam } from '../http/api-failure.ts';
import { inReaderLanguage, type LocalizedText } from '../../shared/localized-text.ts';
import { congressLanguages } from '../congress/congress-service.ts';
import { fillFreePlaces, goingCount } from './side-event-places.ts';
import { changeBody, type Change } from './record-change.ts';

/** The programme: rooms, sessions with chairs, speakers and papers; edited by organisers without clashes. */

type SessionRow = typeof programmeSessions.$inferSelect;

export function programme(db: Executor, congressId: number, language: UiLanguage): ProgrammeView {
  return withTransaction(db, (tx) => {
    const rooms = tx.select().from(programmeRooms).where(eq(programmeRooms.congressId, congressId)).orderBy(asc(programmeRooms.sortOrder)).all();
    const people = tx.select().from(programmePeople).where(eq(programmePeople.congressId, congressId)).orderBy(asc(programmePeople.code)).all();
    const sessions = tx.select().from(programmeSessions).where(eq(programmeSessions.congressId, congressId)).orderBy(asc(programmeSessions.startsAt), asc(programmeSessions.code)).all();
    const speakers = tx
      .select({ sessionId: programmeSessionSpeakers.sessionId, personId: programmeSessionSpeakers.personId })
      .from(programmeSessionSpeakers)
      .innerJoin(programmeSessions, eq(programmeSessions.id, programmeSessionSpeakers.sessionId))
      .where(eq(programmeSessions.congressId, congressId))
      .orderBy(asc(programmeSessionSpeakers.sortOrder))
      .all();
    const papers = tx
      .select({ sessionId: programmePapers.sessionId, title: programmePapers.title, authors: programmePapers.authors, abstract: programmePapers.abstract })
      .from(programmePapers)
      .innerJoin(programmeSessions, eq(programmeSessions.id, programmePapers.sessionId))
      .where(eq(programmeSessions.congressId, congressId))
      .orderBy(asc(programmePapers.sortOrder))
      .all();
    const taken = new Map(
      tx
        .select({ sessionId: agendaEntries.sessionId, n: count() })
        .from(agendaEntries)
        .innerJoin(programmeSessions, eq(programmeSessions.id, agendaEntries.sessionId))
        .where(and(eq(programmeSessions.congressId, congressId), eq(agendaEntries.status, 'going')))
        .groupBy(agendaEntries.sessionId)
        .all()
        .map((row) => [row.sessionId, row.n]),
    );
    const languages = congressLanguages(tx, congressId);
    const read = (text: Partial<LocalizedText>) => inReaderLanguage(text as LocalizedText, language, languages);
    const personView = (id: number) => {
      const person = people.find((candidate) => candidate.id === id)!;
      return { code: person.code, name: read(person.name), affiliation: read(person.affiliation) };
    };
    const view = (session: SessionRow): SessionView => {
      const room = rooms.find((candidate) => candidate.id === session.roomId);
      return {
        code: session.code,
        kind: session.kind,
        title: read(session.title) || session.code,
        description: read(session.description) || null,
        startsAt: session.startsAt,
        endsAt: session.endsAt,
        room: room ? { code: room.code, name: read(room.name) } : null,
        place: read(session.place) || null,
        chair: session.chairId === null ? null : personView(session.chairId),
        speakers: speakers.filter((row) => row.sessionId === session.id).map((row) => personView(row.personId)),
        papers: papers.filter((row) => row.sessionId === session.id).map(({ title, authors, abstract }) => ({ title, authors, abstract })),
        capacity: session.capacity,
        taken: taken.get(session.id) ?? 0,
        cancelled: session.cancelledAt !== null,
        sequence: session.sequence,
        updatedAt: session.updatedAt,
      };
    };
    return {
      rooms: rooms.map((room) => ({ code: room.code, name: read(room.name), names: room.name, capacity: room.capacity })),
      people: people.map((person) => ({ ...personView(person.id), names: person.name, affiliations: person.affiliation })),
      sessions: sessions.map(view),
    };
  });
}

/** Session `code` with every field as stored, for the organisers' editor. */
export function editableSession(db: Executor, congressId: number, code: string): SessionEditable {
  const session = db.select().from(programmeSessions).where(and(eq(programmeSessions.congressId, congressId), eq(programmeSessions.code, code))).get();
  if (!session) throw new ApiFailure(404, 'session', 'notFound');
  const codeOf = (table: typeof programmeRooms | typeof programmePeople, id: number | null) =>
    id === null ? null : db.select({ code: table.code }).from(table).where(eq(table.id, id)).get()!.code;
  return {
    code: session.code,
    kind: session.kind,
    title: session.title,
    description: session.description,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    room: codeOf(programmeRooms, session.roomId),
    place: session.place,
    chair: codeOf(programmePeople, session.chairId),
    speakers: db
      .select({ code: programmePeople.code })
      .from(programmeSessionSpeakers)
      .innerJoin(programmePeople, eq(programmePeople.id, programmeSessionSpeakers.personId))
      .where(eq(programmeSessionSpeakers.sessionId, session.id))
      .orderBy(asc(programmeSessionSpeakers.sortOrder))
      .all()
      .map((row) => row.code),
    capacity: session.capacity,
    papers: db
      .select({ title: programmePapers.title, authors: programmePapers.authors, abstract: programmePapers.abstract })
      .from(programmePapers)
      .where(eq(programmePapers.sessionId, session.id))
      .orderBy(asc(programmePapers.sortOrder))
      .all(),
    cancelled: session.cancelledAt !== null,
  };
}

/** Whether two time ranges share a moment (touching ends do not). */
export const overlaps = (a: { startsAt: string; endsAt: string }, b: { startsAt: string; endsAt: string }) =>
  Date.parse(a.startsAt) < Date.parse(b.endsAt) && Date.parse(b.startsAt) < Date.parse(a.endsAt);

/** A delegate to tell, once the change is committed, why their agenda changed. */
export interface AgendaNotice {
  delegateId: number;
  change: AgendaChange;
}

/**
 * Creates session `code` (with `create`) or changes it (with `patch`), refusing what the programme cannot hold:
 * an end before the start, a room taken at that time, a chair or speaker already in another session then,
 * fewer places than people already have. More places go to the waiting list. A cancelled session frees its room
 * and people; calling it on again checks them anew. Returns whom to tell: those given a place, and everyone with
 * the session on their agenda when it is called off or on. The session's SEQUENCE goes up with each change, for
 * calendar apps. All or nothing, with its audit row.
 */
export function saveSession(db: Executor, congressId: number, code: string, change: Change<SessionCreateBody, SessionPatchBody>, accountId: number): AgendaNotice[] {
  return withTransaction(db, (tx) => {
    const at = nowIso();
    const existing = tx.select().from(programmeSessions).where(and(eq(programmeSessions.congressId, congressId), eq(programmeSessions.code, code))).get();
    const body = changeBody(change, existing, code, 'session');
    const roomId = body.room === undefined ? existing?.roomId ?? null : body.room === null ? null : codeToId(tx, congressId, 'room', body.room);
    const chairId = body.chair === undefined ? existing?.chairId ?? null : body.chair === null ? null : codeToId(tx, congressId, 'chair', body.chair);
    const speakerIds = body.speakers?.map((person, index) => codeToId(tx, congressId, `speakers[${index}]`, person));
    const next = {
      kind: body.kind ?? existing!.kind,
      title: trimmed(body.title) ?? existing!.title,
      description: trimmed(body.description) ?? existing?.description ?? {},
      startsAt: body.startsAt ?? existing!.startsAt,
      endsAt: body.endsAt ?? existing!.endsAt,
      roomId,
      place: trimmed(body.place) ?? existing?.place ?? {},
      chairId,
      capacity: body.capacity === undefined ? existing?.capacity ?? null : body.capacity,
      cancelledAt: 'cancelled' in body ? (body.cancelled ? existing?.cancelledAt ?? at : null) : existing?.cancelledAt ?? null,
    };
    if (Date.parse(next.endsAt) <= Date.parse(next.startsAt)) throw new ApiFailure(422, 'endsAt', 'endBeforeStart');
    checkPlacesFitRoom(tx, next);
    // Only a new number of places can fall below the people holding one.
    if (existing && typeof body.capacity === 'number') {
      const going = goingCount(tx, existing.id);
      if (going > body.capacity) throw new ApiFailure(409, 'capacity', 'fewerThanGoing', { going });
    }
    const people = new Set([...(chairId === null ? [] : [chairId]), ...(speakerIds ?? speakersOf(tx, existing?.id))]);
    if (next.cancelledAt === null) checkClashes(tx, congressId, existing?.id ?? null, next, people, body.speakers !== undefined ? 'speakers' : 'chair');

    const id = existing
      ? tx.update(programmeSessions).set({ ...next, sequence: existing.sequence + 1, updatedAt: at }).where(eq(programmeSessions.id, existing.id)).returning({ id: programmeSessions.id }).get()!.id
      : tx.insert(programmeSessions).values({ congressId, code, ...next, updatedAt: at }).returning({ id: programmeSessions.id }).get().id;
    if (speakerIds) {
      tx.delete(programmeSessionSpeakers).where(eq(programmeSessionSpeakers.sessionId, id)).run();
      speakerIds.forEach((personId, sortOrder) => tx.insert(programmeSessionSpeakers).values({ sessionId: id, personId, sortOrder }).run());
    }
    if (body.papers) {
      tx.delete(programmePapers).where(eq(programmePapers.sessionId, id)).run();
      body.papers.forEach((paper, sortOrder) =>
        tx.insert(programmePapers).values({ sessionId: id, title: paper.title.trim(), authors: paper.authors.trim(), abstract: paper.abstract.trim(), sortOrder }).run(),
      );
    }
    recordAudit(tx, { congressId, actorType: 'account', actorId: accountId, action: existing ? 'programme.session.update' : 'programme.session.create', entity: 'programme_session', entityId: id, data: body });
    if (!existing) return [];
    if ((existing.cancelledAt === null) !== (next.cancelledAt === null)) {
      const change = next.cancelledAt === null ? 'reinstated' : 'cancelled';
      return tx.select({ delegateId: agendaEntries.delegateId }).from(agendaEntries).where(eq(agendaEntries.sessionId, id)).all().map(({ delegateId }) => ({ delegateId, change }));
    }
    return next.cancelledAt === null ? fillFreePlaces(tx, { id, congressId, capacity: next.capacity }).map((delegateId) => ({ delegateId, change: 'place' as const })) : [];
  });
}

/** A session cannot offer more places than its room has seats. */
function checkPlacesFitRoom(tx: Transaction, session: { roomId: number | null; capacity: number | null }) {
  if (session.roomId === null || session.capacity === null) return;
  const { seats } = tx.select({ seats: programmeRooms.capacity }).from(programmeRooms).where(eq(programmeRooms.id, session.roomId)).get()!;
  if (seats !== null && session.capacity > seats) throw new ApiFailure(422, 'capacity', 'moreThanRoom', { seats });
}

/** A text map as stored: each language's text without surrounding spaces. */
const trimmed = (text: LocalizedText | undefined): LocalizedText | undefined =>
  text === undefined ? undefined : (Object.fromEntries(Object.entries(text).map(([language, value]) => [language, value.trim()])) as LocalizedText);

function codeToId(tx: Transaction, congressId: number, field: string, code: string): number {
  const table = field === 'room' ? programmeRooms : programmePeople;
  const row = tx.select({ id: table.id }).from(table).where(and(eq(table.congressId, congressId), eq(table.code, code))).get();
  if (!row) throw new ApiFailure(422, field, 'unknownCode', { code });
  return row.id;
}

const speakersOf = (tx: Transaction, sessionId: number | undefined) =>
  sessionId === undefined ? [] : tx.select({ personId: programmeSessionSpeakers.personId }).from(programmeSessionSpeakers).where(eq(programmeSessionSpeakers.sessionId, sessionId)).all().map((row) => row.personId);

/** A room holds one session at a time, and a person is in one session at a time. */
function checkClashes(tx: Transaction, congressId: number, selfId: number | null, session: { startsAt: string; endsAt: string; roomId: number | null }, people: Set<number>, peopleField: string) {
  const others = tx
    .select()
    .from(programmeSessions)
    .where(and(eq(programmeSessions.congressId, congressId), isNull(programmeSessions.cancelledAt)))
    .all()
    .filter((other) => other.id !== selfId && overlaps(other, session));
  const titleOf = (other: SessionRow) => new LocalizedParam(other.title);
  const roomClash = session.roomId === null ? undefined : others.find((other) => other.roomId === session.roomId);
  if (roomClash) throw new ApiFailure(409, 'room', 'roomTaken', { session: titleOf(roomClash) });
  for (const other of others) {
    const busy = [...(other.chairId === null ? [] : [other.chairId]), ...speakersOf(tx, other.id)].find((person) => people.has(person));
    if (busy === undefined) continue;
    const person = tx.select({ name: programmePeople.name }).from(programmePeople).where(eq(programmePeople.id, busy)).get()!;
    throw new ApiFailure(409, peopleField, 'personBusy', { person: new LocalizedParam(person.name), session: titleOf(other) });
  }
}
