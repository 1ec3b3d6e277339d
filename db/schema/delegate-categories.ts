import { sqliteTable, text, integer, unique } from 'drizzle-orm/sqlite-core';
import { congresses } from './congresses.ts';

export const delegateCategories = sqliteTable(
  'delegate_categories',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    congressId: integer('congress_id').notNull().references(() => congresses.id),
    /** Stable code; the name shown is the locale string `categories.<code>`. */
    code: text('code').notNull(),
    /** Places held by confirmed and pending delegates; null means unlimited. */
    capacity: integer('capacity'),
    requiresApproval: integer('requires_approval', { mode: 'boolean' }).notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [unique().on(t.congressId, t.code)],
);
