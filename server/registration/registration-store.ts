import { and, asc, count, eq, inArray, lt, sql } from 'drizzle-orm';
import { delegateCategories, delegates } from '../../db/schema/index.ts';
import { placeHoldingStatuses } from '../../shared/delegate-status.ts';
import type { AppDatabase } from '../database/connection.ts';

/**
 * The statements every registration runs, prepared once per database.
 * They run on the same connection as any open transaction, so they see and join it.
 */
export function prepareRegistrationStatements(db: AppDatabase) {
  const placeholder = (name: string) => sql.placeholder(name);
  return {
    categoryByCode: db
      .select()
      .from(delegateCategories)
      .where(and(eq(delegateCategories.congressId, placeholder('congressId')), eq(delegateCategories.code, placeholder('code'))))
      .prepare(),
    categoryById: db.select().from(delegateCategories).where(eq(delegateCategories.id, placeholder('id'))).prepare(),
    placesHeld: db
      .select({ held: count() })
      .from(delegates)
      .where(and(eq(delegates.categoryId, placeholder('categoryId')), inArray(delegates.status, [...placeHoldingStatuses])))
      .prepare(),
    delegateIdByEmail: db
      .select({ id: delegates.id })
      .from(delegates)
      .where(and(eq(delegates.congressId, placeholder('congressId')), eq(delegates.emailKey, placeholder('emailKey'))))
      .prepare(),
    delegateById: db.select().from(delegates).where(eq(delegates.id, placeholder('id'))).prepare(),
    firstWaitlisted: db
      .select({ id: delegates.id })
      .from(delegates)
      .where(and(eq(delegates.categoryId, placeholder('categoryId')), eq(delegates.status, 'waitlisted')))
      .orderBy(asc(delegates.id))
      .limit(1)
      .prepare(),
    waitlistedAhead: db
      .select({ ahead: count() })
      .from(delegates)
      .where(and(eq(delegates.categoryId, placeholder('categoryId')), eq(delegates.status, 'waitlisted'), lt(delegates.id, placeholder('id'))))
      .prepare(),
  };
}

export type RegistrationStatements = ReturnType<typeof prepareRegistrationStatements>;

export interface RegistrationStore {
  db: AppDatabase;
  congressId: number;
  statements: RegistrationStatements;
}

export type DelegateRow = typeof delegates.$inferSelect;
export type CategoryRow = typeof delegateCategories.$inferSelect;
