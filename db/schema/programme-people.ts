import { sqliteTable, text, integer, unique } from 'drizzle-orm/sqlite-core';
import { congresses } from './congresses.ts';

/** A speaker or chair of the programme. */
export const programmePeople = sqliteTable(
  'programme_people',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    congressId: integer('congress_id').notNull().references(() => congresses.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    affiliation: text('affiliation').notNull(),
  },
  (t) => [unique().on(t.congressId, t.code)],
);
