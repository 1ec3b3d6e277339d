import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { congresses, delegates } from '../../db/schema/index.ts';
import type { AppDatabase } from '../database/connection.ts';
import { erasePersonalData } from './personal-data.ts';
import { recordAudit } from '../database/audit.ts';
import { eraseVisaLettersOf } from '../visa-letters/visa-letter-service.ts';
import type { RegistrationStore } from './registration-store.ts';

/**
 * Erases the personal data of every delegate of each edition whose retention ended before `now` (the day after its
 * `personalDataUntil` on its own calendar), in transactions of `batch` people so that registrations elsewhere never
 * wait long. Statuses stay, so the edition's counts and reports do not move; each erasure leaves its audit row.
 * Answers how many were erased.
 */
export function eraseExpiredPersonalData(db: AppDatabase, registrationsOf: (congressId: number) => RegistrationStore, now = new Date(), batch = 200): number {
  let erased = 0;
  const editions = db.select({ id: congresses.id, until: congresses.personalDataUntil, timeZone: congresses.timeZone }).from(congresses).where(isNotNull(congresses.personalDataUntil)).all();
  for (const edition of editions) {
    const end = DateTime.fromISO(edition.until!, { zone: edition.timeZone }).plus({ days: 1 }).startOf('day');
    if (now.getTime() < end.toMillis()) continue;
    const store = registrationsOf(edition.id);
    // Passport data first, for every letter of the edition at once: the most sensitive data goes soonest.
    db.transaction((tx) => {
      const letters = eraseVisaLettersOf(tx, edition.id);
      if (letters > 0) recordAudit(tx, { congressId: edition.id, actorType: 'system', actorId: null, action: 'visaLetter.erase', entity: 'congress', entityId: edition.id, data: { letters } });
    }, { behavior: 'immediate' });
    for (;;) {
      const due = db.select({ id: delegates.id }).from(delegates).where(and(eq(delegates.congressId, edition.id), isNull(delegates.erasedAt))).limit(batch).all();
      if (due.length === 0) break;
      db.transaction(() => {
        for (const { id } of due) erasePersonalData(store, id, { actorType: 'system', actorId: null }, false);
      }, { behavior: 'immediate' });
      erased += due.length;
    }
  }
  return erased;
}
