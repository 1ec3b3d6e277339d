import { sqliteTable, text, integer, unique } from 'drizzle-orm/sqlite-core';
import { congresses } from './congresses.ts';
import type { LocalizedText } from '../../shared/localized-text.ts';

export const delegateCategories = sqliteTable(
  'delegate_categories',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    congressId: integer('congress_id').notNull().references(() => congresses.id),
    /** Stable code, as imports and the API name it. */
    code: text('code').notNull(),
    /** The name in any interface languages; null for the product's own categories, named in its locale files. */
    name: text('name', { mode: 'json' }).$type<LocalizedText | null>(),
    /** Places held by confirmed and pending delegates; null means unlimited. */
    capacity: integer('capacity'),
    requiresApproval: integer('requires_approval', { mode: 'boolean' }).notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [unique().on(t.congressId, t.code)],
);
