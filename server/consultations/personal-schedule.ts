import ical, { type ICalCalendar } from 'ical-generator';
import { DateTime } from 'luxon';
import type { MyConsultation } from '../../shared/consultation-schema.ts';
import { countryName } from '../../shared/countries.ts';
import type { UiLanguage } from '../../shared/languages.ts';
import { translatorFor } from '../i18n/translator.ts';
import { renderPdf } from '../printing/pdf-document.ts';
import { zonedIcs } from '../calendar/zoned-calendar.ts';

/** A participant's own consultation day, to print (PDF) and as events of their calendar feed. */

type Meeting = MyConsultation['meetings'][number];

const timeRange = (meeting: Meeting, language: UiLanguage, timeZone: string) => {
  const day = new Intl.DateTimeFormat(language, { dateStyle: 'full', timeZone }).format(new Date(meeting.startsAt!));
  const clock = new Intl.DateTimeFormat(language, { timeStyle: 'short', timeZone });
  return `${day} · ${clock.format(new Date(meeting.startsAt!))}–${clock.format(new Date(meeting.endsAt!))}`;
};

/** What a meeting is about and who helps: the counterpart's products and the interpreter, as lines. */
function meetingDetails(meeting: Meeting, language: UiLanguage): string[] {
  const t = translatorFor(language);
  const products = meeting.counterpart.products.map((product) => `HS ${product.hs} ${product.name}`).join(' · ');
  return [
    ...(products ? [t('consultations:mine.products', { products })] : []),
    ...(meeting.interpreter ? [t('consultations:mine.interpreter', { name: meeting.interpreter })] : []),
  ];
}

/** The printable schedule: time, table, counterpart with their products, interpreter; or why there are no times yet. */
export function personalSchedulePdf(day: MyConsultation, language: UiLanguage): Promise<Buffer> {
  const t = translatorFor(language);
  const title = t('consultations:mine.heading');
  return renderPdf(language, title, (doc) => {
    doc.fontSize(18).text(title);
    doc.fontSize(12).fillColor('#444').text(`${day.participant.company} (${day.participant.code})`).moveDown();
    if (!day.published) doc.fillColor('#000').text(t('consultations:mine.notPublished'));
    for (const meeting of day.meetings) {
      doc.fillColor('#000').fontSize(12);
      doc.text(day.published ? `${timeRange(meeting, language, day.timeZone)} · ${t('consultations:plan.table')} ${meeting.table}` : meeting.meeting);
      doc.fontSize(11).text(t('consultations:mine.with', { company: meeting.counterpart.company, country: countryName(meeting.counterpart.country, language) }));
      doc.fontSize(9).fillColor('#444');
      for (const line of meetingDetails(meeting, language)) doc.text(line);
      doc.moveDown(0.8);
    }
  });
}

/**
 * Adds the participant's planned meetings to `calendar` as events in the edition's zone, in `language`. `revision` is
 * the plan's: it only goes up, so as each event's SEQUENCE it makes calendar apps take a moved meeting as an update.
 */
export function addMeetingEvents(calendar: ICalCalendar, day: MyConsultation, language: UiLanguage, host: string, revision: number): void {
  if (!day.published) return;
  const t = translatorFor(language);
  for (const meeting of day.meetings) {
    if (!meeting.startsAt || !meeting.endsAt) continue;
    calendar.createEvent({
      // Stable across feed reloads, so a moved meeting updates the event instead of adding one.
      id: `${meeting.meeting}-${day.participant.code}@${host}`,
      sequence: revision,
      start: DateTime.fromISO(meeting.startsAt, { zone: day.timeZone }),
      end: DateTime.fromISO(meeting.endsAt, { zone: day.timeZone }),
      timezone: day.timeZone,
      summary: t('consultations:mine.calendarSummary', { company: meeting.counterpart.company }),
      location: `${t('consultations:plan.table')} ${meeting.table}`,
      description: [t('consultations:mine.with', { company: meeting.counterpart.company, country: countryName(meeting.counterpart.country, language) }), ...meetingDetails(meeting, language)].join('\n'),
    });
  }
}

/** The planned meetings alone as an iCalendar file (a mail's attachment), with the same event ids as the personal feed. */
export function meetingsIcs(day: MyConsultation, language: UiLanguage, host: string, revision: number): string {
  const calendar = ical({ name: translatorFor(language)('consultations:mine.heading'), x: [{ key: 'X-WR-TIMEZONE', value: day.timeZone }] });
  addMeetingEvents(calendar, day, language, host, revision);
  return zonedIcs(calendar, day.timeZone);
}

/** Each planned meeting on one line: when, at which table, with whom, and who interprets. */
export function meetingLines(day: MyConsultation, language: UiLanguage): string[] {
  const t = translatorFor(language);
  return day.meetings
    .filter((meeting) => meeting.startsAt && meeting.endsAt)
    .map((meeting) =>
      [
        timeRange(meeting, language, day.timeZone),
        `${t('consultations:plan.table')} ${meeting.table}`,
        t('consultations:mine.with', { company: meeting.counterpart.company, country: countryName(meeting.counterpart.country, language) }),
        ...(meeting.interpreter ? [t('consultations:mine.interpreter', { name: meeting.interpreter })] : []),
      ].join(' · '),
    );
}
