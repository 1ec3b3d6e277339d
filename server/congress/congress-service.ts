import { eq } from 'drizzle-orm';
import { congresses } from '../../db/schema/index.ts';
import { recordAudit } from '../database/audit.ts';
import type { AppDatabase } from '../database/connection.ts';
import { withTransaction } from '../database/transaction.ts';

/** Opens or closes registration; delegates already registered keep their places either way. */
export function setRegistrationOpen(db: AppDatabase, congressId: number, open: boolean, accountId: number): void {
  withTransaction(db, (tx) => {
    tx.update(congresses).set({ registrationOpen: open }).where(eq(congresses.id, congressId)).run();
    recordAudit(tx, { actorType: 'account', actorId: accountId, action: open ? 'congress.open' : 'congress.close', entity: 'congress', entityId: congressId });
  });
}
