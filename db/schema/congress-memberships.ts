import { sqliteTable, text, integer, primaryKey, index } from 'drizzle-orm/sqlite-core';
import { accounts } from './accounts.ts';
import { congresses } from './congresses.ts';

/**
 * What an account may do in one congress. Owners also make API tokens and name other owners; organisers run
 * everything else; desk staff check delegates in and print badges; floor staff run the consultation floor and boarding.
 */
export const congressRoles = ['owner', 'organiser', 'desk', 'floor'] as const;
export type CongressRole = (typeof congressRoles)[number];

/** An account belongs to a congress only through a membership: without one it sees nothing of that congress. */
export const congressMemberships = sqliteTable(
  'congress_memberships',
  {
    congressId: integer('congress_id').notNull().references(() => congresses.id),
    accountId: integer('account_id').notNull().references(() => accounts.id),
    role: text('role', { enum: congressRoles }).notNull(),
    createdAt: text('created_at').notNull(),
    /** Set when the congress's organisers disable the member: the account no longer acts in this congress. */
    disabledAt: text('disabled_at'),
  },
  (t) => [primaryKey({ columns: [t.congressId, t.accountId] }), index('congress_memberships_account').on(t.accountId)],
);
