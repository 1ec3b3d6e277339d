import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import type { ICalCalendar } from 'ical-generator';

/**
 * The calendar as iCalendar text, its events in the edition's zone with that zone's VTIMEZONE. The zone is set on each
 * event, not on the calendar: ical-generator writes DTSTAMP in the calendar's zone when it has one, and RFC 5545
 * wants DTSTAMP in UTC.
 */
export function zonedIcs(calendar: ICalCalendar, timeZone: string): string {
  const text = calendar.toString();
  if (!text.includes('BEGIN:VEVENT')) return text;
  const vtimezone = getVtimezoneComponent(timeZone)!.trimEnd().split(/\r?\n/).join('\r\n');
  return text.replace('BEGIN:VEVENT', `${vtimezone}\r\nBEGIN:VEVENT`);
}
