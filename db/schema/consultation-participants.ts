import { sqliteTable, text, integer, unique } from 'drizzle-orm/sqlite-core';
import { congresses } from './congresses.ts';
import { consultationTables } from './consultation-tables.ts';
import { delegates } from './delegates.ts';

/** A buyer (a foreign company with purchasing power) or a supplier (a Korean company) at the export consultation. */
export const consultationParticipants = sqliteTable(
  'consultation_participants',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    congressId: integer('congress_id').notNull().references(() => congresses.id),
    /** The delegate who speaks for the company and signs in with their personal link. */
    delegateId: integer('delegate_id').references(() => delegates.id),
    role: text('role', { enum: ['buyer', 'supplier'] }).notNull(),
    /** Stable code, e.g. `B03`, `S11`; the participant's id in a consultation-instance/1 file. */
    code: text('code').notNull(),
    company: text('company').notNull(),
    country: text('country').notNull(),
    languages: text('languages', { mode: 'json' }).$type<string[]>().notNull(),
    /** Harmonized System headings (4 digits) bought or sold. */
    hsCodes: text('hs_codes', { mode: 'json' }).$type<string[]>().notNull(),
    /** Buyers: yearly purchases in USD. */
    annualPurchaseUsd: integer('annual_purchase_usd'),
    /** Buyers: price range, quantities, certifications wanted. */
    wants: text('wants'),
    /** Buyers: the table they keep all day. */
    homeTableId: integer('home_table_id').references(() => consultationTables.id),
    /** Suppliers: industrial complex (cluster code, as the tours') and mini-cluster. */
    complex: text('complex'),
    miniCluster: text('mini_cluster'),
    exportMarkets: text('export_markets', { mode: 'json' }).$type<string[]>().notNull(),
    certifications: text('certifications', { mode: 'json' }).$type<string[]>().notNull(),
    /** Slot codes the participant attends; null: all day. */
    available: text('available', { mode: 'json' }).$type<string[] | null>(),
  },
  (t) => [unique().on(t.congressId, t.code)],
);
