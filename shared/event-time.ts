/** The demo congress's zone; every time a person reads is shown in the event's zone, in their own locale. */
export const eventTimeZone = 'Asia/Seoul';

export function formatEventDateTime(iso: string, language: string, timeZone = eventTimeZone): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
}

/** A calendar date (`2015-11-03`) of the event, shown with its weekday. */
export function formatEventDay(date: string, language: string): string {
  // Noon UTC keeps the calendar date the same in every zone of the world.
  return new Intl.DateTimeFormat(language, { weekday: 'short', month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

/** Whether `zone` is an IANA time zone the runtime knows (`Europe/Amsterdam`), not an offset or abbreviation. */
export function isIanaTimeZone(zone: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)+$|^UTC$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Whole days from one calendar date to another (`2015-11-03` → `2016-09-27`: 329). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** A calendar date moved by whole days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
