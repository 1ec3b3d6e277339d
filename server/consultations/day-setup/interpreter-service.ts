import { and, count, eq } from 'drizzle-orm';
import { consultationAssignments, consultationInterpreters } from '../../../db/schema/index.ts';
import type { InterpreterBody, InterpreterPatch } from '../../../shared/consultation-hall-schema.ts';
import { recordAudit } from '../../database/audit.ts';
import { withTransaction, type Executor, type Transaction } from '../../database/transaction.ts';
import { ApiFailure } from '../../http/api-failure.ts';
import { checkLanguageTags } from '../../http/reference-checks.ts';
import { refuseBrokenMeetings } from '../planned-meetings-guard.ts';
import { checkSlotCodes } from './slot-service.ts';

/** The consultation day's interpreters: who they are, the languages they bridge, the slots they work. */

function interpreterByCode(tx: Transaction, congressId: number, code: string) {
  const row = tx.select().from(consultationInterpreters).where(and(eq(consultationInterpreters.congressId, congressId), eq(consultationInterpreters.code, code))).get();
  if (!row) throw new ApiFailure(404, 'interpreter', 'unknownCode', { code });
  return row;
}

function checkReferences(tx: Transaction, congressId: number, input: { languages?: string[] | undefined; available?: string[] | null | undefined }) {
  if (input.languages) checkLanguageTags('languages', input.languages);
  if (input.available) checkSlotCodes(tx, congressId, 'available', input.available);
}

export function createInterpreter(db: Executor, congressId: number, body: InterpreterBody, accountId: number): void {
  withTransaction(db, (tx) => {
    if (tx.select({ id: consultationInterpreters.id }).from(consultationInterpreters).where(and(eq(consultationInterpreters.congressId, congressId), eq(consultationInterpreters.code, body.code))).get()) {
      throw new ApiFailure(409, 'code', 'codeTaken', { code: body.code });
    }
    checkReferences(tx, congressId, body);
    const { id } = tx
      .insert(consultationInterpreters)
      .values({ congressId, code: body.code, name: body.name.trim(), languages: body.languages, available: body.available ?? null })
      .returning({ id: consultationInterpreters.id })
      .get();
    recordAudit(tx, { congressId, actorType: 'account', actorId: accountId, action: 'consultation.interpreter.create', entity: 'consultation_interpreter', entityId: id, data: { code: body.code } });
  });
}

/** Changes an interpreter; fewer languages or hours than their planned meetings need are refused naming the meeting. */
export function updateInterpreter(db: Executor, congressId: number, code: string, patch: InterpreterPatch, accountId: number): void {
  withTransaction(db, (tx) => {
    const interpreter = interpreterByCode(tx, congressId, code);
    checkReferences(tx, congressId, patch);
    tx.update(consultationInterpreters)
      .set({ ...patch, ...(patch.name !== undefined ? { name: patch.name.trim() } : {}) })
      .where(eq(consultationInterpreters.id, interpreter.id))
      .run();
    if (patch.languages !== undefined || patch.available !== undefined) {
      refuseBrokenMeetings(tx, congressId, patch.available !== undefined ? 'available' : 'languages', (place) => place.interpreter === code);
    }
    recordAudit(tx, { congressId, actorType: 'account', actorId: accountId, action: 'consultation.interpreter.update', entity: 'consultation_interpreter', entityId: interpreter.id, data: { code, fields: Object.keys(patch) } });
  });
}

/** Removes an interpreter no planned meeting relies on. */
export function deleteInterpreter(db: Executor, congressId: number, code: string, accountId: number): void {
  withTransaction(db, (tx) => {
    const interpreter = interpreterByCode(tx, congressId, code);
    const { planned } = tx.select({ planned: count() }).from(consultationAssignments).where(eq(consultationAssignments.interpreterId, interpreter.id)).get()!;
    if (planned > 0) throw new ApiFailure(409, 'interpreter', 'interpreterHasMeetings', { count: planned });
    tx.delete(consultationInterpreters).where(eq(consultationInterpreters.id, interpreter.id)).run();
    recordAudit(tx, { congressId, actorType: 'account', actorId: accountId, action: 'consultation.interpreter.delete', entity: 'consultation_interpreter', entityId: interpreter.id, data: { code } });
  });
}
