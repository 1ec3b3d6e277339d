import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';

/** One congress edition. Everything else hangs off it, so the product can hold more than one. */
export const congresses = sqliteTable('congresses', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  slug: text('slug').notNull().unique(),
  nameKo: text('name_ko').notNull(),
  nameEn: text('name_en').notNull(),
  themeKo: text('theme_ko'),
  themeEn: text('theme_en'),
  startsOn: text('starts_on').notNull(),
  endsOn: text('ends_on').notNull(),
  venue: text('venue').notNull(),
  city: text('city').notNull(),
  timeZone: text('time_zone').notNull(),
  registrationOpen: integer('registration_open', { mode: 'boolean' }).notNull().default(true),
  /** Delegates rank tours until then (ISO 8601); null: until the assignment is published. */
  tourChoicesCloseAt: text('tour_choices_close_at'),
  /** When the tour assignment was published; seats are shown to delegates from then on. */
  toursPublishedAt: text('tours_published_at'),
  /** When the consultation plan was published; participants see their schedules from then on. */
  consultationPublishedAt: text('consultation_published_at'),
  /** Buyers and suppliers request meetings until then (ISO 8601); null: until the plan is published. */
  consultationRequestsCloseAt: text('consultation_requests_close_at'),
  /** Goes up with every change to the consultation plan, so a re-booking proposal made on an older plan is refused. */
  consultationPlanRevision: integer('consultation_plan_revision').notNull().default(0),
  /** The plan revision the organisers last published: the one they had reviewed. */
  consultationPublishedRevision: integer('consultation_published_revision'),
  /** Signs the check-in codes printed on badges (HMAC key); made on first use, never shown. */
  badgeSecret: text('badge_secret'),
  createdAt: text('created_at').notNull(),
});
