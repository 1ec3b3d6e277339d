import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { congresses } from './congresses.ts';

/** Who changed what; written in the same transaction as the change itself. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    /** The edition the change belongs to; null for the installation's own (accounts, a new edition's creation). */
    congressId: integer('congress_id').references(() => congresses.id),
    actorType: text('actor_type', { enum: ['delegate', 'account', 'system'] }).notNull(),
    actorId: integer('actor_id'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: integer('entity_id').notNull(),
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (t) => [index('audit_log_entity').on(t.entity, t.entityId), index('audit_log_congress_at').on(t.congressId, t.at)],
);
