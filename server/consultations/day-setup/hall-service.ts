import { and, asc, count, eq } from 'drizzle-orm';
import { consultationAssignments, consultationInterpreters, consultationParticipants, consultationSlots, consultationTables } from '../../../db/schema/index.ts';
import type { ConsultationHall } from '../../../shared/consultation-hall-schema.ts';
import { recordAudit } from '../../database/audit.ts';
import { withTransaction, type Executor } from '../../database/transaction.ts';
import { ApiFailure } from '../../http/api-failure.ts';
import { participantByCode } from '../participant-service.ts';
import { refuseBrokenMeetings } from '../planned-meetings-guard.ts';

const naturalOrder = new Intl.Collator('en', { numeric: true });

/** The hall as organisers set it up: slots, tables with the buyer who keeps each, interpreters, and what the plan uses. */
export function consultationHall(db: Executor, congressId: number): ConsultationHall {
  return withTransaction(db, (tx) => {
    const slots = tx.select().from(consultationSlots).where(eq(consultationSlots.congressId, congressId)).orderBy(asc(consultationSlots.startsAt)).all();
    // In the order people count them: T9 before T10, T99 before T100.
    const tables = tx.select().from(consultationTables).where(eq(consultationTables.congressId, congressId)).all().sort((a, b) => naturalOrder.compare(a.code, b.code));
    const buyers = tx
      .select({ code: consultationParticipants.code, company: consultationParticipants.company, homeTableId: consultationParticipants.homeTableId })
      .from(consultationParticipants)
      .where(and(eq(consultationParticipants.congressId, congressId), eq(consultationParticipants.role, 'buyer')))
      .orderBy(asc(consultationParticipants.code))
      .all();
    const interpreters = tx.select().from(consultationInterpreters).where(eq(consultationInterpreters.congressId, congressId)).orderBy(asc(consultationInterpreters.code)).all();
    const perTable = new Map(tx.select({ id: consultationAssignments.tableId, n: count() }).from(consultationAssignments).groupBy(consultationAssignments.tableId).all().map((row) => [row.id, row.n]));
    const perInterpreter = new Map(
      tx.select({ id: consultationAssignments.interpreterId, n: count() }).from(consultationAssignments).groupBy(consultationAssignments.interpreterId).all().map((row) => [row.id, row.n]),
    );
    const tableCode = new Map(tables.map((table) => [table.id, table.code]));
    return {
      slots: slots.map((slot) => ({ code: slot.code, startsAt: slot.startsAt, endsAt: slot.endsAt })),
      tables: tables.map((table) => {
        const buyer = buyers.find((candidate) => candidate.homeTableId === table.id);
        return { code: table.code, homeOf: buyer ? { code: buyer.code, company: buyer.company } : null, plannedMeetings: perTable.get(table.id) ?? 0 };
      }),
      buyers: buyers.map((buyer) => ({ code: buyer.code, company: buyer.company, homeTable: buyer.homeTableId === null ? null : (tableCode.get(buyer.homeTableId) ?? null) })),
      interpreters: interpreters.map((interpreter) => ({
        code: interpreter.code,
        name: interpreter.name,
        languages: interpreter.languages,
        available: interpreter.available,
        plannedMeetings: perInterpreter.get(interpreter.id) ?? 0,
      })),
    };
  });
}

/**
 * Gives buyer `code` a table to keep all day, or none. A table another buyer keeps is refused naming them, and so is a
 * change that would leave one of the buyer's planned meetings at another table.
 */
export function setHomeTable(db: Executor, congressId: number, code: string, table: string | null, accountId: number): void {
  withTransaction(db, (tx) => {
    const buyer = participantByCode(tx, congressId, code);
    if (buyer.role !== 'buyer') throw new ApiFailure(422, 'table', 'notForRole', { role: buyer.role });
    let tableId: number | null = null;
    if (table !== null) {
      const row = tx.select({ id: consultationTables.id }).from(consultationTables).where(and(eq(consultationTables.congressId, congressId), eq(consultationTables.code, table))).get();
      if (!row) throw new ApiFailure(422, 'table', 'unknownTable', { code: table });
      const keeper = tx.select({ code: consultationParticipants.code, company: consultationParticipants.company }).from(consultationParticipants).where(eq(consultationParticipants.homeTableId, row.id)).get();
      if (keeper && keeper.code !== code) throw new ApiFailure(409, 'table', 'homeTableTaken', { company: keeper.company });
      tableId = row.id;
    }
    tx.update(consultationParticipants).set({ homeTableId: tableId }).where(eq(consultationParticipants.id, buyer.id)).run();
    refuseBrokenMeetings(tx, congressId, 'table', (_place, meeting) => meeting.buyer === code);
    recordAudit(tx, { congressId, actorType: 'account', actorId: accountId, action: 'consultation.participant.homeTable', entity: 'consultation_participant', entityId: buyer.id, data: { code, table } });
  });
}
