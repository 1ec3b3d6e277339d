import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';
import type { UiLanguage } from '../../shared/languages.ts';
import type { LocalizedText } from '../../shared/localized-text.ts';
import type { VisaLetterSettings } from '../../shared/visa-letter-schema.ts';

/** One congress edition. Everything else hangs off it, so the product holds many. */
export const congresses = sqliteTable('congresses', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  slug: text('slug').notNull().unique(),
  /** The edition's name in the languages its organisers wrote it in. */
  name: text('name', { mode: 'json' }).$type<LocalizedText>().notNull().default({}),
  theme: text('theme', { mode: 'json' }).$type<Partial<LocalizedText>>().notNull().default({}),
  /** The congress's own languages, in order: the fallback for texts missing in the reader's language. */
  languages: text('languages', { mode: 'json' }).$type<UiLanguage[]>().notNull().default(['en']),
  startsOn: text('starts_on').notNull(),
  endsOn: text('ends_on').notNull(),
  /** Where it is held, per language ("EXCO", "Daegu" / "대구"). */
  venue: text('venue', { mode: 'json' }).$type<LocalizedText>().notNull(),
  city: text('city', { mode: 'json' }).$type<LocalizedText>().notNull(),
  timeZone: text('time_zone').notNull(),
  registrationOpen: integer('registration_open', { mode: 'boolean' }).notNull().default(true),
  /** When the edition was archived: it stays readable but is no longer offered or open. */
  archivedAt: text('archived_at'),
  /** Delegates rank tours until then (ISO 8601); null: until the assignment is published. */
  tourChoicesCloseAt: text('tour_choices_close_at'),
  /** When the tour assignment was published; seats are shown to delegates from then on. */
  toursPublishedAt: text('tours_published_at'),
  /** When the consultation plan was published; participants see their schedules from then on. */
  consultationPublishedAt: text('consultation_published_at'),
  /** Buyers and suppliers request meetings until then (ISO 8601); null: until the plan is published. */
  consultationRequestsCloseAt: text('consultation_requests_close_at'),
  /** The last day personal data is kept (on the edition's calendar); after it, every delegate's is erased. Null: kept. */
  personalDataUntil: text('personal_data_until'),
  /** What visa invitation letters say beyond the delegate's data: who signs them and what the organisers cover. */
  visaLetter: text('visa_letter', { mode: 'json' }).$type<VisaLetterSettings>(),
  /** Goes up with every change to the consultation plan, so a re-booking proposal made on an older plan is refused. */
  consultationPlanRevision: integer('consultation_plan_revision').notNull().default(0),
  /** The plan revision the organisers last published: the one they had reviewed. */
  consultationPublishedRevision: integer('consultation_published_revision'),
  /** Signs the check-in codes printed on badges (HMAC key); made on first use, never shown. */
  badgeSecret: text('badge_secret'),
  createdAt: text('created_at').notNull(),
});
