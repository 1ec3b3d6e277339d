import { sqliteTable, text, integer, unique } from 'drizzle-orm/sqlite-core';
import type { LocalizedText } from '../../shared/localized-text.ts';
import { congresses } from './congresses.ts';

/** A speaker or chair of the programme: the name (or role) as printed, and where they come from, per language. */
export const programmePeople = sqliteTable(
  'programme_people',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    congressId: integer('congress_id').notNull().references(() => congresses.id),
    code: text('code').notNull(),
    name: text('name', { mode: 'json' }).$type<LocalizedText>().notNull(),
    /** Empty when not given. */
    affiliation: text('affiliation', { mode: 'json' }).$type<Partial<LocalizedText>>().notNull(),
  },
  (t) => [unique().on(t.congressId, t.code)],
);
