import { eq } from 'drizzle-orm';
import { consultationInterpreters } from '../../db/schema/index.ts';
import { InterpreterRecord } from '../../shared/consultation-schema.ts';
import { compileWithAllErrors } from '../http/validation.ts';
import { KeysInFile, type ImportDefinition } from './import-row.ts';
import { slotCodesOf } from '../consultations/day-setup/slot-service.ts';
import { refuseBrokenMeetings } from '../consultations/planned-meetings-guard.ts';

const checkInterpreter = compileWithAllErrors(InterpreterRecord);

/** Interpreters keyed by code, with the languages they bridge and the slots they work (empty: all day). */
export const interpreterImport: ImportDefinition = {
  columns: [
    { key: 'code', required: true, example: 'I-nl-1' },
    { key: 'name', required: true, example: 'Sanne Jansen' },
    { key: 'languages', required: true, example: 'nl, ko, en' },
    { key: 'available', example: '' },
  ],
  start(tx, congressId) {
    const stored = new Map(
      tx.select({ id: consultationInterpreters.id, code: consultationInterpreters.code }).from(consultationInterpreters).where(eq(consultationInterpreters.congressId, congressId)).all().map((row) => [row.code, row.id]),
    );
    const slots = slotCodesOf(tx, congressId);
    const codes = new KeysInFile('code');
    return {
      importRow(row) {
        const record = { code: row.required('code'), name: row.required('name'), languages: row.languages('languages', 2) };
        codes.claim(row, record.code);
        row.validate(checkInterpreter, record);
        const available = row.slots('available', slots);
        row.finish();
        const fields = { ...record, ...(row.has('available') ? { available } : {}) };
        const existing = stored.get(record.code);
        if (existing !== undefined) {
          tx.update(consultationInterpreters).set(fields).where(eq(consultationInterpreters.id, existing)).run();
          // Languages or hours that a planned meeting of theirs needs are refused on this row, as a change by hand is.
          refuseBrokenMeetings(tx, congressId, row.has('available') ? 'available' : 'languages', (place) => place.interpreter === record.code);
          return 'updated';
        }
        const { id } = tx.insert(consultationInterpreters).values({ available: null, ...fields, congressId }).returning({ id: consultationInterpreters.id }).get();
        stored.set(record.code, id);
        return 'created';
      },
    };
  },
};
