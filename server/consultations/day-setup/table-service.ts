import { and, eq, inArray } from 'drizzle-orm';
import { consultationAssignments, consultationMeetings, consultationParticipants, consultationTables } from '../../../db/schema/index.ts';
import { recordAudit } from '../../database/audit.ts';
import { inNames } from '../refusal-names.ts';
import { withTransaction, type Executor } from '../../database/transaction.ts';
import { ApiFailure } from '../../http/api-failure.ts';

/** Adds tables to the hall in one change; a code the day already has is refused, naming the first. */
export function addTables(db: Executor, congressId: number, codes: string[], accountId: number): void {
  withTransaction(db, (tx) => {
    const taken = new Set(tx.select({ code: consultationTables.code }).from(consultationTables).where(and(eq(consultationTables.congressId, congressId), inArray(consultationTables.code, codes))).all().map((row) => row.code));
    const first = codes.find((code) => taken.has(code));
    if (first) throw new ApiFailure(409, 'code', 'codeTaken', { code: first });
    const rows = tx.insert(consultationTables).values(codes.map((code) => ({ congressId, code }))).returning({ id: consultationTables.id }).all();
    recordAudit(tx, { congressId, actorType: 'account', actorId: accountId, action: 'consultation.table.create', entity: 'consultation_table', entityId: rows[0]!.id, data: { codes } });
  });
}

/** Codes for `count` tables numbered from `from`, written as the demo's are: `T09`, `T10`, … `T100`. */
export function numberedTableCodes(prefix: string, from: number, count: number): string[] {
  return Array.from({ length: count }, (_, k) => `${prefix}${String(from + k).padStart(2, '0')}`);
}

/** Removes a table nobody sits at all day and no planned meeting uses; otherwise names who or what. */
export function removeTable(db: Executor, congressId: number, code: string, accountId: number): void {
  withTransaction(db, (tx) => {
    const table = tx.select().from(consultationTables).where(and(eq(consultationTables.congressId, congressId), eq(consultationTables.code, code))).get();
    if (!table) throw new ApiFailure(404, 'table', 'unknownTable', { code });
    const home = tx.select({ company: consultationParticipants.company }).from(consultationParticipants).where(eq(consultationParticipants.homeTableId, table.id)).get();
    if (home) throw new ApiFailure(409, 'table', 'homeTableTaken', home);
    const planned = tx
      .select({ meeting: consultationMeetings.code })
      .from(consultationAssignments)
      .innerJoin(consultationMeetings, eq(consultationMeetings.id, consultationAssignments.meetingId))
      .where(eq(consultationAssignments.tableId, table.id))
      .get();
    if (planned) throw inNames(tx, congressId, new ApiFailure(409, 'table', 'tableHasMeeting', planned));
    tx.delete(consultationTables).where(eq(consultationTables.id, table.id)).run();
    recordAudit(tx, { congressId, actorType: 'account', actorId: accountId, action: 'consultation.table.delete', entity: 'consultation_table', entityId: table.id, data: { code } });
  });
}
