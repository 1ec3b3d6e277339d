import { and, eq } from 'drizzle-orm';
import { consultationAssignments, consultationMeetings, consultationParticipants, consultationTables } from '../../../db/schema/index.ts';
import { recordAudit } from '../../database/audit.ts';
import { withTransaction, type Executor } from '../../database/transaction.ts';
import { ApiFailure } from '../../http/api-failure.ts';

/** Adds a table to the hall; a code the day already has is refused. */
export function addTable(db: Executor, congressId: number, code: string, accountId: number): void {
  withTransaction(db, (tx) => {
    if (tx.select({ id: consultationTables.id }).from(consultationTables).where(and(eq(consultationTables.congressId, congressId), eq(consultationTables.code, code))).get()) {
      throw new ApiFailure(409, 'code', 'codeTaken', { code });
    }
    const { id } = tx.insert(consultationTables).values({ congressId, code }).returning({ id: consultationTables.id }).get();
    recordAudit(tx, { congressId, actorType: 'account', actorId: accountId, action: 'consultation.table.create', entity: 'consultation_table', entityId: id, data: { code } });
  });
}

/** Removes a table nobody sits at all day and no planned meeting uses; otherwise names who or what. */
export function removeTable(db: Executor, congressId: number, code: string, accountId: number): void {
  withTransaction(db, (tx) => {
    const table = tx.select().from(consultationTables).where(and(eq(consultationTables.congressId, congressId), eq(consultationTables.code, code))).get();
    if (!table) throw new ApiFailure(404, 'table', 'unknownTable', { code });
    const home = tx.select({ code: consultationParticipants.code }).from(consultationParticipants).where(eq(consultationParticipants.homeTableId, table.id)).get();
    if (home) throw new ApiFailure(409, 'table', 'homeTableTaken', { code: home.code });
    const planned = tx
      .select({ meeting: consultationMeetings.code })
      .from(consultationAssignments)
      .innerJoin(consultationMeetings, eq(consultationMeetings.id, consultationAssignments.meetingId))
      .where(eq(consultationAssignments.tableId, table.id))
      .get();
    if (planned) throw new ApiFailure(409, 'table', 'tableHasMeeting', planned);
    tx.delete(consultationTables).where(eq(consultationTables.id, table.id)).run();
    recordAudit(tx, { congressId, actorType: 'account', actorId: accountId, action: 'consultation.table.delete', entity: 'consultation_table', entityId: table.id, data: { code } });
  });
}
