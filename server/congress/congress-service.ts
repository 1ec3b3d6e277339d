import { eq } from 'drizzle-orm';
import { congresses, congressDays } from '../../db/schema/index.ts';
import type { CongressCreateBody, CongressPatch } from '../../shared/congress-schema.ts';
import type { UiLanguage } from '../../shared/languages.ts';
import { addDays, isIanaTimeZone } from '../../shared/event-time.ts';
import { recordAudit } from '../database/audit.ts';
import type { AppDatabase } from '../database/connection.ts';
import { nowIso, withTransaction, type Executor } from '../database/transaction.ts';
import { trimmedTexts } from '../../shared/localized-text.ts';
import { ApiFailure, calendarDay } from '../http/api-failure.ts';
import { copyEditionStructure } from './edition-copy.ts';
import { changeEditionDates, checkEditionLength } from './edition-dates.ts';
import { activeRole, grantMembership } from '../auth/memberships.ts';
import { holdsRole } from '../auth/principal.ts';

/** The edition's own languages, in order: where a text missing in the reader's language is looked for next. */
export function congressLanguages(db: Executor, congressId: number): UiLanguage[] {
  return db.select({ languages: congresses.languages }).from(congresses).where(eq(congresses.id, congressId)).get()!.languages;
}

/** The edition's IANA zone; refusals that name a time pass it as `formatParams` so the time reads on the congress's clock. */
export function congressTimeZone(db: Executor, congressId: number): string {
  return db.select({ timeZone: congresses.timeZone }).from(congresses).where(eq(congresses.id, congressId)).get()!.timeZone;
}

/**
 * Creates an edition, from scratch (one day per date) or by copying an earlier one's structure with its days
 * shifted to the new dates; the slug check and the insert share one transaction, so two organisers cannot take one slug.
 */
export function createCongress(db: AppDatabase, input: CongressCreateBody, accountId: number): { slug: string } {
  if (!isIanaTimeZone(input.timeZone)) throw new ApiFailure(422, 'timeZone', 'unknownTimeZone', { zone: input.timeZone });
  const length = checkEditionLength(input.startsOn, input.endsOn);
  return withTransaction(db, (tx) => {
    if (tx.select({ id: congresses.id }).from(congresses).where(eq(congresses.slug, input.slug)).get()) throw new ApiFailure(409, 'slug', 'slugTaken');
    const source = input.copyFrom ? tx.select().from(congresses).where(eq(congresses.slug, input.copyFrom)).get() : undefined;
    // Only an edition one organises can be copied; others are as unknown as the missing.
    const copyable = source && holdsRole(activeRole(tx, source.id, accountId), ['organiser']);
    if (input.copyFrom && !copyable) throw new ApiFailure(422, 'copyFrom', 'unknownCongress', { slug: input.copyFrom });
    const { id } = tx
      .insert(congresses)
      .values({
        slug: input.slug,
        name: input.name,
        theme: input.theme ?? {},
        languages: input.languages ?? source?.languages ?? ['en'],
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        venue: trimmedTexts(input.venue),
        city: trimmedTexts(input.city),
        timeZone: input.timeZone,
        // A new edition opens its registration when its organisers are ready.
        registrationOpen: false,
        createdAt: nowIso(),
      })
      .returning({ id: congresses.id })
      .get();
    if (source) {
      copyEditionStructure(tx, { from: source, to: { id, startsOn: input.startsOn, endsOn: input.endsOn, timeZone: input.timeZone }, programme: input.copyProgramme ?? false });
    } else {
      tx.insert(congressDays).values(Array.from({ length: length + 1 }, (_, day) => ({ congressId: id, date: addDays(input.startsOn, day), focus: 'conference' }))).run();
    }
    grantMembership(tx, { congressId: id, accountId, role: 'owner' });
    recordAudit(tx, { congressId: id, actorType: 'account', actorId: accountId, action: 'congress.create', entity: 'congress', entityId: id, data: { slug: input.slug, copyFrom: input.copyFrom ?? null } });
    return { slug: input.slug };
  });
}

/**
 * Changes an edition's texts, venue, city, languages or dates, opens or closes registration, archives it or brings it
 * back; delegates registered keep their places either way.
 */
export function updateCongress(db: AppDatabase, congressId: number, patch: CongressPatch, accountId: number): void {
  withTransaction(db, (tx) => {
    const { registrationOpen, archived, startsOn, endsOn, personalDataUntil, ...texts } = patch;
    if (startsOn !== undefined || endsOn !== undefined) {
      const current = tx.select({ startsOn: congresses.startsOn, endsOn: congresses.endsOn }).from(congresses).where(eq(congresses.id, congressId)).get()!;
      const wanted = { startsOn: startsOn ?? current.startsOn, endsOn: endsOn ?? current.endsOn };
      changeEditionDates(tx, congressId, wanted);
      recordAudit(tx, { congressId, actorType: 'account', actorId: accountId, action: 'congress.dates', entity: 'congress', entityId: congressId, data: { from: current, to: wanted } });
    }
    const archivedAt = archived === undefined ? undefined : archived ? nowIso() : null;
    const trimmed = { ...texts, ...(texts.venue !== undefined ? { venue: trimmedTexts(texts.venue) } : {}), ...(texts.city !== undefined ? { city: trimmedTexts(texts.city) } : {}) };
    const changes = Object.fromEntries(Object.entries({ registrationOpen, archivedAt, ...trimmed }).filter(([, value]) => value !== undefined));
    if (Object.keys(changes).length > 0) tx.update(congresses).set(changes).where(eq(congresses.id, congressId)).run();
    if (Object.keys(texts).length > 0) {
      recordAudit(tx, { congressId, actorType: 'account', actorId: accountId, action: 'congress.update', entity: 'congress', entityId: congressId, data: { fields: Object.keys(texts) } });
    }
    if (personalDataUntil !== undefined) {
      const { endsOn: lastDay } = tx.select({ endsOn: congresses.endsOn }).from(congresses).where(eq(congresses.id, congressId)).get()!;
      if (personalDataUntil !== null && personalDataUntil < lastDay) throw new ApiFailure(422, 'personalDataUntil', 'retentionBeforeEnd', { date: calendarDay(lastDay) });
      tx.update(congresses).set({ personalDataUntil }).where(eq(congresses.id, congressId)).run();
      recordAudit(tx, { congressId, actorType: 'account', actorId: accountId, action: 'congress.retention', entity: 'congress', entityId: congressId, data: { until: personalDataUntil } });
    }
    if (patch.registrationOpen !== undefined) {
      recordAudit(tx, { congressId, actorType: 'account', actorId: accountId, action: patch.registrationOpen ? 'congress.open' : 'congress.close', entity: 'congress', entityId: congressId });
    }
    if (patch.archived !== undefined) {
      recordAudit(tx, { congressId, actorType: 'account', actorId: accountId, action: patch.archived ? 'congress.archive' : 'congress.unarchive', entity: 'congress', entityId: congressId });
    }
  });
}
