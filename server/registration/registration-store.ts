import { and, asc, count, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { auditLog, congresses, delegateCategories, delegates, idempotencyKeys, outboxMessages } from '../../db/schema/index.ts';
import { placeHoldingStatuses } from '../../shared/delegate-status.ts';
import type { AppDatabase } from '../database/connection.ts';
import type { Executor } from '../database/transaction.ts';
import { prepareOutboxInsert } from '../mail/outbox.ts';

const insertedDelegateColumns = [
  'congressId', 'categoryId', 'givenName', 'familyName', 'latinName', 'email', 'emailKey', 'country', 'organisation', 'jobTitle', 'languages',
  'phone', 'dietary', 'accessibility', 'status', 'uiLanguage', 'tokenHash', 'createdAt', 'updatedAt', 'registeredFrom',
] as const satisfies readonly (keyof typeof delegates.$inferInsert)[];
export type NewDelegate = Required<Omit<typeof delegates.$inferInsert, 'id' | 'erasedAt'>>;

/** Inserts a whole delegate row (every column of NewDelegate by name) and returns its id. */
export function prepareDelegateInsert(db: Executor) {
  const insertedDelegate = Object.fromEntries(insertedDelegateColumns.map((column) => [column, sql.placeholder(column)])) as unknown as typeof delegates.$inferInsert;
  return db.insert(delegates).values(insertedDelegate).returning({ id: delegates.id }).prepare();
}

/**
 * The statements every registration runs, prepared once per database.
 * They run on the same connection as any open transaction, so they see and join it.
 */
export function prepareRegistrationStatements(db: AppDatabase) {
  const placeholder = (name: string) => sql.placeholder(name);
  return {
    insertDelegate: prepareDelegateInsert(db),
    insertAudit: db
      .insert(auditLog)
      .values({
        at: placeholder('at'),
        congressId: placeholder('congressId'),
        actorType: placeholder('actorType'),
        actorId: placeholder('actorId'),
        action: placeholder('action'),
        entity: placeholder('entity'),
        entityId: placeholder('entityId'),
        data: placeholder('data'),
      })
      .prepare(),
    deleteIdempotencyBefore: db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, placeholder('before'))).prepare(),
    idempotencyByKey: db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, placeholder('key'))).prepare(),
    insertIdempotency: db
      .insert(idempotencyKeys)
      .values({ key: placeholder('key'), requestHash: placeholder('requestHash'), statusCode: placeholder('statusCode'), response: placeholder('response'), createdAt: placeholder('createdAt') })
      .prepare(),
    congressSlug: db.select({ slug: congresses.slug }).from(congresses).where(eq(congresses.id, placeholder('congressId'))).prepare(),
    congressForMail: db
      .select({ slug: congresses.slug, name: congresses.name, languages: congresses.languages, venue: congresses.venue, city: congresses.city, startsOn: congresses.startsOn, endsOn: congresses.endsOn })
      .from(congresses)
      .where(eq(congresses.id, placeholder('congressId')))
      .prepare(),
    insertMessage: prepareOutboxInsert(db),
    messagesSince: db
      .select({ n: count() })
      .from(outboxMessages)
      .where(and(eq(outboxMessages.toAddress, placeholder('to')), eq(outboxMessages.kind, placeholder('kind')), gte(outboxMessages.createdAt, placeholder('since'))))
      .prepare(),
    delegateByEmail: db
      .select()
      .from(delegates)
      .where(and(eq(delegates.congressId, placeholder('congressId')), eq(delegates.emailKey, placeholder('emailKey'))))
      .prepare(),
    replaceToken: db.update(delegates).set({ tokenHash: sql`${placeholder('tokenHash')}`, updatedAt: sql`${placeholder('at')}` }).where(eq(delegates.id, placeholder('id'))).prepare(),
    registrationOpen: db.select({ open: congresses.registrationOpen, archivedAt: congresses.archivedAt, slug: congresses.slug }).from(congresses).where(eq(congresses.id, placeholder('congressId'))).prepare(),
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
  /** Whether changes mail the delegate they concern (not for synthetic demo delegates or scripts). */
  mailing: boolean;
}

export type DelegateRow = typeof delegates.$inferSelect;
export type CategoryRow = typeof delegateCategories.$inferSelect;
