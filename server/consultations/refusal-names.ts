import { and, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { consultationInterpreters, consultationMeetings, consultationParticipants, consultationSlots } from '../../db/schema/index.ts';
import { congressTimeZone } from '../congress/congress-service.ts';
import type { Executor } from '../database/transaction.ts';
import { ApiFailure } from '../http/api-failure.ts';

/** What people call the codes a refusal of the consultation day may carry. */
function namer(tx: Executor, congressId: number) {
  const company = (code: string) =>
    tx.select({ company: consultationParticipants.company }).from(consultationParticipants).where(and(eq(consultationParticipants.congressId, congressId), eq(consultationParticipants.code, code))).get()?.company;
  const interpreter = (code: string) =>
    tx.select({ name: consultationInterpreters.name }).from(consultationInterpreters).where(and(eq(consultationInterpreters.congressId, congressId), eq(consultationInterpreters.code, code))).get()?.name;
  const meeting = (code: string) => {
    const buyer = alias(consultationParticipants, 'buyer');
    const supplier = alias(consultationParticipants, 'supplier');
    const row = tx
      .select({ buyer: buyer.company, supplier: supplier.company })
      .from(consultationMeetings)
      .innerJoin(buyer, eq(buyer.id, consultationMeetings.buyerId))
      .innerJoin(supplier, eq(supplier.id, consultationMeetings.supplierId))
      .where(and(eq(consultationMeetings.congressId, congressId), eq(consultationMeetings.code, code)))
      .get();
    return row && `${row.buyer} ↔ ${row.supplier}`;
  };
  const slot = (code: string) => {
    const row = tx.select({ startsAt: consultationSlots.startsAt }).from(consultationSlots).where(and(eq(consultationSlots.congressId, congressId), eq(consultationSlots.code, code))).get();
    return row && new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: congressTimeZone(tx, congressId) }).format(new Date(row.startsAt));
  };
  return { company, interpreter, meeting, slot };
}

/** Which parameter of a refusal holds which kind of code. */
const namedKinds = { participant: 'company', who: 'company', meeting: 'meeting', interpreter: 'interpreter', slot: 'slot' } as const;

/**
 * The refusal with its codes replaced by names: companies by name, a meeting as "buyer ↔ supplier", interpreters by
 * name, slots by their time on the edition's clock. Tables keep their codes, which stand on the tables themselves.
 */
export function inNames(tx: Executor, congressId: number, failure: ApiFailure): ApiFailure {
  const names = namer(tx, congressId);
  const params = { ...failure.params };
  for (const [key, kind] of Object.entries(namedKinds)) {
    const code = params[key];
    if (typeof code !== 'string') continue;
    // `who` may be a company or an interpreter.
    params[key] = names[kind](code) ?? (key === 'who' ? names.interpreter(code) : undefined) ?? code;
  }
  return new ApiFailure(failure.statusCode, failure.field, failure.messageKey, params);
}

/** Runs `work` in the caller's transaction; a refusal it throws speaks in names rather than codes. */
export function refusingInNames<T>(tx: Executor, congressId: number, work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw error instanceof ApiFailure ? inNames(tx, congressId, error) : error;
  }
}
