import { sqliteTable, text, integer, unique } from 'drizzle-orm/sqlite-core';
import { congresses } from './congresses.ts';

/** A table in the consultation hall. */
export const consultationTables = sqliteTable(
  'consultation_tables',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    congressId: integer('congress_id').notNull().references(() => congresses.id),
    code: text('code').notNull(),
  },
  (t) => [unique().on(t.congressId, t.code)],
);
