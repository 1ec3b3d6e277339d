import { and, count, eq, gt, inArray, or, sql } from 'drizzle-orm';
import { programmePeople, programmeRooms, programmeSessions, programmeSessionSpeakers } from '../../db/schema/index.ts';
import type { PersonCreateBody, PersonPatchBody, RoomCreateBody, RoomPatchBody } from '../../shared/programme-schema.ts';
import { recordAudit } from '../database/audit.ts';
import { nowIso, withTransaction, type Executor, type Transaction } from '../database/transaction.ts';
import { ApiFailure, LocalizedParam } from '../http/api-failure.ts';
import { trimmedTexts } from '../../shared/localized-text.ts';
import { changeBody, type Change } from './record-change.ts';

/** The venue's rooms and the programme's people, as organisers add and correct them. */

/**
 * Sessions whose calendar entries show what changed (a room's name, a person's name) get a new SEQUENCE,
 * so calendar apps update them in place.
 */
function touchSessions(tx: Transaction, sessionIds: number[]) {
  if (sessionIds.length === 0) return;
  tx.update(programmeSessions)
    .set({ sequence: sql`${programmeSessions.sequence} + 1`, updatedAt: nowIso() })
    .where(inArray(programmeSessions.id, sessionIds))
    .run();
}

/**
 * Adds room `code` or changes it. Fewer seats than a session in it offers places is refused, naming that session.
 */
export function saveRoom(db: Executor, congressId: number, code: string, change: Change<RoomCreateBody, RoomPatchBody>, accountId: number): void {
  withTransaction(db, (tx) => {
    const existing = tx.select().from(programmeRooms).where(and(eq(programmeRooms.congressId, congressId), eq(programmeRooms.code, code))).get();
    const body = changeBody(change, existing, code, 'room');
    const next = {
      name: body.name ? trimmedTexts(body.name) : existing!.name,
      capacity: body.capacity === undefined ? existing!.capacity : body.capacity,
    };
    if (!existing) {
      const { id } = tx.insert(programmeRooms).values({ congressId, code, ...next, sortOrder: roomCount(tx, congressId) }).returning({ id: programmeRooms.id }).get();
      recordAudit(tx, { congressId, actorType: 'account', actorId: accountId, action: 'programme.room.create', entity: 'programme_room', entityId: id, data: body });
      return;
    }
    if (next.capacity !== null) {
      const larger = tx
        .select({ title: programmeSessions.title, places: programmeSessions.capacity })
        .from(programmeSessions)
        .where(and(eq(programmeSessions.roomId, existing.id), gt(programmeSessions.capacity, next.capacity)))
        .get();
      if (larger) throw new ApiFailure(409, 'capacity', 'sessionLargerThanRoom', { session: new LocalizedParam(larger.title), places: larger.places });
    }
    tx.update(programmeRooms).set(next).where(eq(programmeRooms.id, existing.id)).run();
    if (JSON.stringify(next.name) !== JSON.stringify(existing.name)) {
      touchSessions(tx, tx.select({ id: programmeSessions.id }).from(programmeSessions).where(eq(programmeSessions.roomId, existing.id)).all().map((row) => row.id));
    }
    recordAudit(tx, { congressId, actorType: 'account', actorId: accountId, action: 'programme.room.update', entity: 'programme_room', entityId: existing.id, data: body });
  });
}

const roomCount = (tx: Transaction, congressId: number) =>
  tx.select({ n: count() }).from(programmeRooms).where(eq(programmeRooms.congressId, congressId)).get()!.n;

/** Adds speaker or chair `code`, or corrects their name or affiliation. */
export function savePerson(db: Executor, congressId: number, code: string, change: Change<PersonCreateBody, PersonPatchBody>, accountId: number): void {
  withTransaction(db, (tx) => {
    const existing = tx.select().from(programmePeople).where(and(eq(programmePeople.congressId, congressId), eq(programmePeople.code, code))).get();
    const body = changeBody(change, existing, code, 'person');
    const next = { name: body.name ? trimmedTexts(body.name) : existing!.name, affiliation: body.affiliation ? trimmedTexts(body.affiliation) : (existing?.affiliation ?? {}) };
    if (!existing) {
      const { id } = tx.insert(programmePeople).values({ congressId, code, ...next }).returning({ id: programmePeople.id }).get();
      recordAudit(tx, { congressId, actorType: 'account', actorId: accountId, action: 'programme.person.create', entity: 'programme_person', entityId: id, data: body });
      return;
    }
    tx.update(programmePeople).set(next).where(eq(programmePeople.id, existing.id)).run();
    const sessions = tx
      .selectDistinct({ id: programmeSessions.id })
      .from(programmeSessions)
      .leftJoin(programmeSessionSpeakers, eq(programmeSessionSpeakers.sessionId, programmeSessions.id))
      .where(or(eq(programmeSessions.chairId, existing.id), eq(programmeSessionSpeakers.personId, existing.id)))
      .all();
    touchSessions(tx, sessions.map((row) => row.id));
    recordAudit(tx, { congressId, actorType: 'account', actorId: accountId, action: 'programme.person.update', entity: 'programme_person', entityId: existing.id, data: body });
  });
}
