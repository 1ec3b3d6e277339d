import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { delegateCategories, delegates } from '../../db/schema/index.ts';
import type { DelegateCounts, DelegateFilter, DelegateListItem, DelegatePage } from '../../shared/delegate-directory-schema.ts';
import type { AppDatabase } from '../database/connection.ts';
import { foldForSearch } from '../../shared/search-fold.ts';

/** `%` and `_` typed by a person are searched for literally. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function conditions(congressId: number, filter: DelegateFilter): SQL | undefined {
  const parts: (SQL | undefined)[] = [eq(delegates.congressId, congressId)];
  if (filter.country) parts.push(eq(delegates.country, filter.country));
  if (filter.category) parts.push(eq(delegateCategories.code, filter.category));
  if (filter.status) parts.push(eq(delegates.status, filter.status));
  const text = filter.q?.trim();
  if (text) {
    // Either name order matches ("Kim Minjun" and "Minjun Kim", and 김민준 written together), as do the Latin name,
    // email and organisation; case, Latin accents and width do not count (`nguyen` finds `Nguyễn`).
    const haystack = sql`${delegates.givenName} || ' ' || ${delegates.familyName} || ' ' || ${delegates.givenName} || ' ' || ${delegates.familyName} || ${delegates.givenName} || ' ' || coalesce(${delegates.latinName}, '') || ' ' || ${delegates.email} || ' ' || coalesce(${delegates.organisation}, '')`;
    parts.push(sql`fold(${haystack}) like ${likePattern(foldForSearch(text))} escape '\\'`);
  }
  return and(...parts);
}

const listedColumns = {
  id: delegates.id,
  givenName: delegates.givenName,
  familyName: delegates.familyName,
  latinName: delegates.latinName,
  email: delegates.email,
  country: delegates.country,
  category: delegateCategories.code,
  organisation: delegates.organisation,
  jobTitle: delegates.jobTitle,
  languages: delegates.languages,
  phone: delegates.phone,
  dietary: delegates.dietary,
  accessibility: delegates.accessibility,
  status: delegates.status,
  createdAt: delegates.createdAt,
};

/** Delegates matching the filter, newest first; `limit` absent returns all of them (for exports). */
export function findDelegates(db: AppDatabase, congressId: number, filter: DelegateFilter, page?: { limit: number; offset: number }): DelegatePage {
  const where = conditions(congressId, filter);
  const base = db.select(listedColumns).from(delegates).innerJoin(delegateCategories, eq(delegateCategories.id, delegates.categoryId)).where(where);
  const items = (page ? base.orderBy(desc(delegates.id)).limit(page.limit).offset(page.offset) : base.orderBy(asc(delegates.id))).all();
  const total = db.select({ total: count() }).from(delegates).innerJoin(delegateCategories, eq(delegateCategories.id, delegates.categoryId)).where(where).get()!.total;
  return { total, items: items satisfies DelegateListItem[] };
}

/** Counts for the organiser's overview: by status, by category against its capacity, by country. */
export function delegateCounts(db: AppDatabase, congressId: number): DelegateCounts {
  const byStatusRows = db
    .select({ status: delegates.status, count: count() })
    .from(delegates)
    .where(eq(delegates.congressId, congressId))
    .groupBy(delegates.status)
    .all();
  const byStatus = Object.fromEntries(byStatusRows.map((row) => [row.status, row.count]));
  const categoryRows = db
    .select({
      code: delegateCategories.code,
      capacity: delegateCategories.capacity,
      requiresApproval: delegateCategories.requiresApproval,
      confirmed: sql<number>`count(case when ${delegates.status} = 'confirmed' then 1 end)`,
      pending: sql<number>`count(case when ${delegates.status} = 'pending' then 1 end)`,
      waitlisted: sql<number>`count(case when ${delegates.status} = 'waitlisted' then 1 end)`,
    })
    .from(delegateCategories)
    .leftJoin(delegates, eq(delegates.categoryId, delegateCategories.id))
    .where(eq(delegateCategories.congressId, congressId))
    .groupBy(delegateCategories.id)
    .orderBy(asc(delegateCategories.sortOrder))
    .all();
  const byCountry = db
    .select({ country: delegates.country, count: count() })
    .from(delegates)
    .where(and(eq(delegates.congressId, congressId), sql`${delegates.status} in ('confirmed', 'pending', 'waitlisted')`))
    .groupBy(delegates.country)
    .orderBy(desc(count()), asc(delegates.country))
    .all();
  const total = byStatusRows.reduce((sum, row) => sum + row.count, 0);
  return { total, byStatus, byCategory: categoryRows, byCountry };
}
