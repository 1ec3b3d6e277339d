import { sqliteTable, text, integer, unique } from 'drizzle-orm/sqlite-core';
import { congresses } from './congresses.ts';

/** An interpreter on duty at the consultation, bridging any two of their languages. */
export const consultationInterpreters = sqliteTable(
  'consultation_interpreters',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    congressId: integer('congress_id').notNull().references(() => congresses.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    languages: text('languages', { mode: 'json' }).$type<string[]>().notNull(),
    /** Slot codes the interpreter works; null: all day. */
    available: text('available', { mode: 'json' }).$type<string[] | null>(),
  },
  (t) => [unique().on(t.congressId, t.code)],
);
