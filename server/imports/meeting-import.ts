import { eq } from 'drizzle-orm';
import { consultationMeetings, consultationParticipants } from '../../db/schema/index.ts';
import { nowIso } from '../database/transaction.ts';
import { lastMeetingNumber, meetingCode } from '../consultations/meeting-request-service.ts';
import { KeysInFile, type ImportDefinition, type ImportRow } from './import-row.ts';

/**
 * Pre-matched pairs keyed by buyer and supplier: a new pair is an accepted meeting with the next free code; a pair
 * already requested, declined or matched is accepted with the file's priority.
 */
export const meetingImport: ImportDefinition = {
  columns: [
    { key: 'buyer', required: true, example: 'B01' },
    { key: 'supplier', required: true, example: 'S01' },
    { key: 'priority', example: '1' },
  ],
  start(tx, congressId) {
    const participants = new Map(
      tx
        .select({ id: consultationParticipants.id, code: consultationParticipants.code, role: consultationParticipants.role })
        .from(consultationParticipants)
        .where(eq(consultationParticipants.congressId, congressId))
        .all()
        .map((row) => [row.code, row]),
    );
    const pairKey = (buyerId: number, supplierId: number) => `${buyerId}:${supplierId}`;
    const stored = new Map(
      tx
        .select({ id: consultationMeetings.id, buyerId: consultationMeetings.buyerId, supplierId: consultationMeetings.supplierId })
        .from(consultationMeetings)
        .where(eq(consultationMeetings.congressId, congressId))
        .all()
        .map((row) => [pairKey(row.buyerId, row.supplierId), row.id]),
    );
    let lastNumber = lastMeetingNumber(tx, congressId);
    const pairs = new KeysInFile('supplier');

    function side(row: ImportRow, column: 'buyer' | 'supplier') {
      const code = row.required(column);
      if (!code) return undefined;
      const participant = participants.get(code);
      if (!participant) row.refuse(column, 'unknownParticipant', { code });
      else if (participant.role !== column) row.refuse(column, 'wrongSide', { code });
      return participant?.role === column ? participant : undefined;
    }

    return {
      importRow(row) {
        const buyer = side(row, 'buyer');
        const supplier = side(row, 'supplier');
        const priority = row.wholeNumber('priority', { min: 1, max: 5 }) ?? 1;
        if (buyer && supplier) pairs.claim(row, pairKey(buyer.id, supplier.id));
        row.finish();
        const existing = stored.get(pairKey(buyer!.id, supplier!.id));
        if (existing !== undefined) {
          tx.update(consultationMeetings).set({ status: 'accepted', priority }).where(eq(consultationMeetings.id, existing)).run();
          return 'updated';
        }
        const { id } = tx
          .insert(consultationMeetings)
          .values({ congressId, code: meetingCode(++lastNumber), buyerId: buyer!.id, supplierId: supplier!.id, priority, origin: 'prematch', status: 'accepted', createdAt: nowIso() })
          .returning({ id: consultationMeetings.id })
          .get();
        stored.set(pairKey(buyer!.id, supplier!.id), id);
        return 'created';
      },
    };
  },
};
