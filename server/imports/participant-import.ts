import { count, eq } from 'drizzle-orm';
import { consultationMeetings, consultationParticipants, consultationTables, delegates } from '../../db/schema/index.ts';
import { ParticipantRecord } from '../../shared/consultation-schema.ts';
import { uiLanguages } from '../../shared/languages.ts';
import type { Transaction } from '../database/transaction.ts';
import { compileWithAllErrors } from '../http/validation.ts';
import { translatorFor } from '../i18n/translator.ts';
import { comparable } from './cell-values.ts';
import { KeysInFile, type ImportDefinition, type ImportRow } from './import-row.ts';
import { slotCodesOf } from '../consultations/day-setup/slot-service.ts';
import { refuseBrokenMeetings } from '../consultations/planned-meetings-guard.ts';

const checkParticipant = compileWithAllErrors(ParticipantRecord);
type Role = ParticipantRecord['role'];

const roleByName = new Map<string, Role>(
  (['buyer', 'supplier'] as const).flatMap((role) => [
    [comparable(role), role] as const,
    ...uiLanguages.map((language) => [comparable(translatorFor(language)(`fields:${role}`)), role] as const),
  ]),
);

/** The day's slot codes, for the `available` columns of participants and interpreters. */
function meetingsPerParticipant(tx: Transaction, congressId: number, side: typeof consultationMeetings.buyerId | typeof consultationMeetings.supplierId) {
  return tx.select({ id: side, meetings: count() }).from(consultationMeetings).where(eq(consultationMeetings.congressId, congressId)).groupBy(side).all();
}

/**
 * Buyers and suppliers keyed by code. `email` links the company to the delegate registered with it; `table` is a
 * buyer's home table; a re-import may not turn a buyer with meetings into a supplier, or the other way round.
 */
export const participantImport: ImportDefinition = {
  columns: [
    { key: 'code', required: true, example: 'B01' },
    { key: 'role', required: true, example: 'buyer' },
    { key: 'company', required: true, example: 'Philips Medical Systems' },
    { key: 'country', required: true, example: 'NL' },
    { key: 'languages', required: true, example: 'nl, en' },
    { key: 'email', example: 'anna.devries@example.nl' },
    { key: 'hs', example: '9018, 9021' },
    { key: 'table', example: 'T01' },
    { key: 'available', example: '' },
    { key: 'annualPurchaseUsd', example: '2500000' },
    { key: 'wants', example: 'ISO 13485 certified suppliers' },
    { key: 'complex', example: '' },
    { key: 'miniCluster', example: '' },
    { key: 'exportMarkets', example: '' },
    { key: 'certifications', example: 'ISO 13485' },
  ],
  start(tx, congressId) {
    const stored = new Map(tx.select().from(consultationParticipants).where(eq(consultationParticipants.congressId, congressId)).all().map((row) => [row.code, row]));
    const meetings = new Map<number, number>();
    for (const side of [consultationMeetings.buyerId, consultationMeetings.supplierId]) {
      for (const row of meetingsPerParticipant(tx, congressId, side)) meetings.set(row.id, row.meetings);
    }
    const tables = new Map(tx.select({ id: consultationTables.id, code: consultationTables.code }).from(consultationTables).where(eq(consultationTables.congressId, congressId)).all().map((row) => [row.code, row.id]));
    const slots = slotCodesOf(tx, congressId);
    const delegateByEmail = new Map(
      tx.select({ id: delegates.id, emailKey: delegates.emailKey }).from(delegates).where(eq(delegates.congressId, congressId)).all().map((row) => [row.emailKey, row.id]),
    );
    // Who speaks for whom and who sits where, kept current as rows land, so the file is checked against itself too.
    const codeOfDelegate = new Map<number, string>();
    const buyerAtTable = new Map<number, string>();
    for (const row of stored.values()) {
      if (row.delegateId !== null) codeOfDelegate.set(row.delegateId, row.code);
      if (row.homeTableId !== null) buyerAtTable.set(row.homeTableId, row.code);
    }
    const codes = new KeysInFile('code');

    function role(row: ImportRow): Role | undefined {
      const cell = row.required('role');
      const found = cell ? roleByName.get(comparable(cell)) : undefined;
      if (cell && !found) row.refuse('role', 'unknownRole');
      return found;
    }

    function linkedDelegate(row: ImportRow, code: string): number | null {
      const email = row.text('email').toLowerCase();
      if (!email) return null;
      const delegateId = delegateByEmail.get(email);
      if (delegateId === undefined) {
        row.refuse('email', 'noDelegateWithEmail', { email });
        return null;
      }
      const other = codeOfDelegate.get(delegateId);
      if (other && other !== code) row.refuse('email', 'alreadyLinked', { company: other });
      return delegateId;
    }

    function homeTable(row: ImportRow, code: string, participantRole: Role | undefined): number | null {
      const tableCode = row.text('table');
      if (!tableCode) return null;
      if (participantRole === 'supplier') row.refuse('table', 'notForRole');
      const tableId = tables.get(tableCode);
      if (tableId === undefined) {
        row.refuse('table', 'unknownTable', { code: tableCode });
        return null;
      }
      const sitting = buyerAtTable.get(tableId);
      if (sitting && sitting !== code) row.refuse('table', 'homeTableTaken', { company: sitting });
      return tableId;
    }

    return {
      importRow(row) {
        const code = row.required('code');
        codes.claim(row, code);
        const participantRole = role(row);
        const record = {
          code,
          role: participantRole ?? 'buyer',
          company: row.required('company'),
          country: row.country('country'),
          languages: row.languages('languages'),
          hsCodes: row.hsHeadings('hs'),
          annualPurchaseUsd: row.wholeNumber('annualPurchaseUsd', { min: 0, max: 1e13 }),
          wants: row.optional('wants'),
          complex: row.optional('complex'),
          miniCluster: row.optional('miniCluster'),
          exportMarkets: row.countries('exportMarkets'),
          certifications: row.list('certifications'),
        };
        row.validate(checkParticipant, record);
        const existing = stored.get(code);
        if (existing && participantRole && existing.role !== participantRole && (meetings.get(existing.id) ?? 0) > 0) {
          row.refuse('role', 'roleHasMeetings', { meetings: meetings.get(existing.id) });
        }
        if (participantRole === 'supplier' && record.annualPurchaseUsd !== null) row.refuse('annualPurchaseUsd', 'notForRole');
        const delegateId = linkedDelegate(row, code);
        const homeTableId = homeTable(row, code, participantRole);
        const available = row.slots('available', slots);
        row.finish();

        // Columns the file leaves out keep what is stored; the others are what the file says.
        const fields = Object.fromEntries(
          Object.entries({ ...record, delegateId, homeTableId, available }).filter(([key]) => {
            const column = { hsCodes: 'hs', delegateId: 'email', homeTableId: 'table' }[key] ?? key;
            return row.has(column);
          }),
        );
        const saved = existing
          ? tx.update(consultationParticipants).set(fields).where(eq(consultationParticipants.id, existing.id)).returning().get()!
          : tx
              .insert(consultationParticipants)
              .values({ ...record, ...fields, congressId })
              .returning()
              .get();
        // A re-import that changes hours, languages or table must leave the planned meetings valid, as a change by hand must.
        const moved = (['available', 'languages', 'homeTableId'] as const).find((key) => existing && JSON.stringify(existing[key]) !== JSON.stringify(saved[key]));
        if (moved) refuseBrokenMeetings(tx, congressId, moved === 'homeTableId' ? 'table' : moved, (_place, meeting) => meeting.buyer === code || meeting.supplier === code);
        if (existing?.delegateId != null && existing.delegateId !== saved.delegateId) codeOfDelegate.delete(existing.delegateId);
        if (existing?.homeTableId != null && existing.homeTableId !== saved.homeTableId) buyerAtTable.delete(existing.homeTableId);
        if (saved.delegateId !== null) codeOfDelegate.set(saved.delegateId, code);
        if (saved.homeTableId !== null) buyerAtTable.set(saved.homeTableId, code);
        stored.set(code, saved);
        return existing ? 'updated' : 'created';
      },
    };
  },
};
