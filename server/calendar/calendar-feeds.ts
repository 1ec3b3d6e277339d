import ical, { ICalEventStatus, type ICalCalendar } from 'ical-generator';
import { DateTime } from 'luxon';
import type { CongressScope } from '../congress/congress-scope.ts';
import type { UiLanguage } from '../../shared/languages.ts';
import type { SessionView } from '../../shared/programme-schema.ts';
import type { Executor } from '../database/transaction.ts';
import { translatorFor } from '../i18n/translator.ts';
import { revisionOf } from '../consultations/consultation-plan-service.ts';
import { addMeetingEvents } from '../consultations/personal-schedule.ts';
import { consultationDayOf, myAgenda } from '../programme/agenda-service.ts';
import { programme } from '../programme/programme-service.ts';
import { zonedIcs } from './zoned-calendar.ts';

/** iCalendar feeds: a delegate's own (agenda sessions, tour bus, consultation meetings), a room's, the whole programme. */

/** Events are in the edition's zone, and their UIDs end in `@<slug>.<host>`, so two editions' sessions never collide. */
type Edition = Pick<CongressScope, 'id' | 'slug' | 'timeZone'>;
const uidDomain = (edition: Edition, host: string) => `${edition.slug}.${host}`;
const zoned = (iso: string, edition: Edition) => DateTime.fromISO(iso, { zone: edition.timeZone });
const newCalendar = (name: string, edition: Edition) => ical({ name, x: [{ key: 'X-WR-TIMEZONE', value: edition.timeZone }] });

function addSessionEvents(calendar: ICalCalendar, sessions: SessionView[], language: UiLanguage, host: string, edition: Edition) {
  const t = translatorFor(language);
  for (const session of sessions) {
    calendar.createEvent({
      id: `session-${session.code}@${host}`,
      sequence: session.sequence,
      lastModified: DateTime.fromISO(session.updatedAt).toUTC(),
      start: zoned(session.startsAt, edition),
      end: zoned(session.endsAt, edition),
      timezone: edition.timeZone,
      // A called-off session stays in the feed as cancelled: calendar apps then strike or drop the entry they hold.
      status: session.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      summary: session.title,
      location: session.room?.name ?? session.place ?? null,
      description: [
        t(`programme:kinds.${session.kind}`),
        session.description,
        session.chair && t('programme:chair', { name: `${session.chair.name} (${session.chair.affiliation})` }),
        session.speakers.length > 0 && t('programme:speakers', { names: session.speakers.map((person) => person.name).join('; ') }),
        ...session.papers.map((paper) => `· ${paper.title} — ${paper.authors}`),
      ]
        .filter(Boolean)
        .join('\n'),
    });
  }
}

/** The whole programme, or one room's sessions (`room` a room code, unknown: null). */
export function programmeFeed(db: Executor, edition: Edition, language: UiLanguage, host: string, room?: string): string | null {
  const view = programme(db, edition.id, language);
  const place = room === undefined ? undefined : view.rooms.find((candidate) => candidate.code === room);
  if (room !== undefined && !place) return null;
  const calendar = newCalendar(place ? `${translatorFor(language)('programme:heading')} · ${place.name}` : translatorFor(language)('programme:heading'), edition);
  addSessionEvents(calendar, room === undefined ? view.sessions : view.sessions.filter((session) => session.room?.code === room), language, uidDomain(edition, host), edition);
  return zonedIcs(calendar, edition.timeZone);
}

/** A delegate's own feed: the sessions with a place on their agenda, their tour bus once published, their meetings. */
export function personalFeed(db: Executor, edition: Edition, delegateId: number, language: UiLanguage, host: string): string {
  const t = translatorFor(language);
  const domain = uidDomain(edition, host);
  const calendar = newCalendar(t('programme:agenda.myAgenda'), edition);
  const day = consultationDayOf(db, edition.id, delegateId, language);
  const agenda = myAgenda(db, edition.id, delegateId, language, day);
  addSessionEvents(calendar, agenda.entries.filter((entry) => entry.status === 'going').map((entry) => entry.session), language, domain, edition);
  const tour = agenda.commitments.find((commitment) => commitment.kind === 'tour');
  if (tour) {
    calendar.createEvent({ id: `tour-${delegateId}@${domain}`, start: zoned(tour.startsAt, edition), end: zoned(tour.endsAt, edition), timezone: edition.timeZone, summary: tour.title, location: tour.location });
  }
  if (day) addMeetingEvents(calendar, day, language, domain, revisionOf(db, edition.id));
  return zonedIcs(calendar, edition.timeZone);
}
