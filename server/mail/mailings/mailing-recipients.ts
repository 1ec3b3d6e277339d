import { and, asc, eq, exists, inArray, isNull, not, sql, type SQL } from 'drizzle-orm';
import { checkIns, consultationParticipants, delegateCategories, delegates, tourBuses, tourSeats, tours } from '../../../db/schema/index.ts';
import type { MailingFilter } from '../../../shared/mailing-schema.ts';
import type { Executor } from '../../database/transaction.ts';
import { ApiFailure } from '../../http/api-failure.ts';

/**
 * The delegates a message from the organisers goes to: those of the edition matching every criterion of `filter`
 * (confirmed ones when it names no status), never one whose data was erased. A category or tour the edition does not
 * have is refused, naming it, rather than silently matching nobody.
 */
export function mailingRecipients(db: Executor, congressId: number, filter: MailingFilter) {
  const conditions: SQL[] = [eq(delegates.congressId, congressId), isNull(delegates.erasedAt), inArray(delegates.status, filter.statuses ?? ['confirmed'])];
  if (filter.categories) {
    const known = db.select({ id: delegateCategories.id, code: delegateCategories.code }).from(delegateCategories).where(and(eq(delegateCategories.congressId, congressId), inArray(delegateCategories.code, filter.categories))).all();
    const missing = filter.categories.find((code) => !known.some((category) => category.code === code));
    if (missing) throw new ApiFailure(400, 'filter.categories', 'unknownCategory', { code: missing });
    conditions.push(inArray(delegates.categoryId, known.map((category) => category.id)));
  }
  if (filter.countries) conditions.push(inArray(delegates.country, filter.countries));
  if (filter.tours) {
    const known = db.select({ id: tours.id, code: tours.code }).from(tours).where(and(eq(tours.congressId, congressId), inArray(tours.code, filter.tours))).all();
    const missing = filter.tours.find((code) => !known.some((tour) => tour.code === code));
    if (missing) throw new ApiFailure(400, 'filter.tours', 'unknownTour', { code: missing });
    const seated = db
      .select({ one: sql`1` })
      .from(tourSeats)
      .innerJoin(tourBuses, eq(tourBuses.id, tourSeats.busId))
      .where(and(eq(tourSeats.delegateId, delegates.id), inArray(tourBuses.tourId, known.map((tour) => tour.id))));
    conditions.push(exists(seated));
  }
  if (filter.consultationRoles) {
    conditions.push(exists(db.select({ one: sql`1` }).from(consultationParticipants).where(and(eq(consultationParticipants.delegateId, delegates.id), inArray(consultationParticipants.role, filter.consultationRoles)))));
  }
  if (filter.checkedIn !== undefined) {
    const checkedIn = exists(db.select({ one: sql`1` }).from(checkIns).where(eq(checkIns.delegateId, delegates.id)));
    conditions.push(filter.checkedIn ? checkedIn : not(checkedIn));
  }
  return db.select().from(delegates).where(and(...conditions)).orderBy(asc(delegates.id)).all();
}
