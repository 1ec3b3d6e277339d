import { and, count, eq, max } from 'drizzle-orm';
import { delegateCategories, delegates } from '../../db/schema/index.ts';
import { congressLanguages } from '../congress/congress-service.ts';
import { categoryLabel } from '../../shared/category-label.ts';
import type { UiLanguage } from '../../shared/languages.ts';
import { translatorFor } from '../i18n/translator.ts';
import type { CategoryBody } from '../../shared/category-schema.ts';
import { recordAudit } from '../database/audit.ts';
import { withTransaction, type Executor } from '../database/transaction.ts';
import { ApiFailure } from '../http/api-failure.ts';

/** The edition's category names in `language`, by code, for lists and files made on the server. */
export function categoryLabels(db: Executor, congressId: number, language: UiLanguage): (code: string) => string {
  const languages = congressLanguages(db, congressId);
  const categories = new Map(db.select({ code: delegateCategories.code, name: delegateCategories.name }).from(delegateCategories).where(eq(delegateCategories.congressId, congressId)).all().map((row) => [row.code, row]));
  const t = translatorFor(language);
  return (code) => categoryLabel(categories.get(code) ?? { code, name: null }, t, language, languages);
}

/** Adds a delegate category at the end of the list; a code the edition already has is refused. */
export function createCategory(db: Executor, congressId: number, input: CategoryBody, accountId: number) {
  return withTransaction(db, (tx) => {
    const taken = tx.select({ id: delegateCategories.id }).from(delegateCategories).where(and(eq(delegateCategories.congressId, congressId), eq(delegateCategories.code, input.code))).get();
    if (taken) throw new ApiFailure(409, 'code', 'codeTaken', { code: input.code });
    const last = tx.select({ order: max(delegateCategories.sortOrder) }).from(delegateCategories).where(eq(delegateCategories.congressId, congressId)).get()!.order;
    const row = tx
      .insert(delegateCategories)
      .values({ congressId, code: input.code, name: input.name, capacity: input.capacity ?? null, requiresApproval: input.requiresApproval ?? false, sortOrder: (last ?? -1) + 1 })
      .returning()
      .get();
    recordAudit(tx, { congressId, actorType: 'account', actorId: accountId, action: 'category.create', entity: 'category', entityId: row.id, data: { code: row.code } });
    return row;
  });
}

/** Removes a category nobody has registered in; one with delegates (any status) is refused, saying how many. */
export function deleteCategory(db: Executor, congressId: number, code: string, accountId: number): void {
  withTransaction(db, (tx) => {
    const category = tx.select().from(delegateCategories).where(and(eq(delegateCategories.congressId, congressId), eq(delegateCategories.code, code))).get();
    if (!category) throw new ApiFailure(404, 'category', 'unknownCategory');
    const { used } = tx.select({ used: count() }).from(delegates).where(eq(delegates.categoryId, category.id)).get()!;
    if (used > 0) throw new ApiFailure(409, 'category', 'categoryInUse', { count: used });
    tx.delete(delegateCategories).where(eq(delegateCategories.id, category.id)).run();
    recordAudit(tx, { congressId, actorType: 'account', actorId: accountId, action: 'category.delete', entity: 'category', entityId: category.id, data: { code } });
  });
}
