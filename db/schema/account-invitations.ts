import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';
import { accounts } from './accounts.ts';
import { congressRoles } from './congress-memberships.ts';
import { congresses } from './congresses.ts';

/**
 * An invitation to join a congress in a role: a one-time link `…/join#invite=inv_<id>.<secret>`, of which only
 * the secret's hash is kept; it lapses after a week or once used.
 */
export const accountInvitations = sqliteTable('account_invitations', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** The edition the invitation was made from. */
  congressId: integer('congress_id').notNull().references(() => congresses.id),
  email: text('email').notNull(),
  role: text('role', { enum: congressRoles }).notNull(),
  tokenHash: text('token_hash').notNull(),
  invitedBy: integer('invited_by').notNull().references(() => accounts.id),
  createdAt: text('created_at').notNull(),
  expiresAt: text('expires_at').notNull(),
  acceptedAt: text('accepted_at'),
});
