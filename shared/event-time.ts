/** An instant as a person reads it: in the edition's zone (`timeZone`), in their own locale. */
export function formatEventDateTime(iso: string, language: string, timeZone: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
}

/** A calendar date (`2015-11-03`) of the event, shown with its weekday. */
export function formatEventDay(date: string, language: string): string {
  // Noon UTC keeps the calendar date the same in every zone of the world.
  return new Intl.DateTimeFormat(language, { weekday: 'short', month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

type DateStyle = 'medium' | 'long';
const dateFormats = new Map<string, Intl.DateTimeFormat>();
/** One formatter per language and style, made once: dates are formatted in lists and letters by the hundred. */
function dateFormat(language: string, style: DateStyle): Intl.DateTimeFormat {
  const key = `${language}|${style}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(language, { dateStyle: style, timeZone: 'UTC' })));
  return format;
}
const calendarInstant = (date: string) => new Date(`${date}T00:00:00Z`);

/** A calendar date (`1985-04-12`: a birth date, a passport's expiry) as the reader's language writes it, without a weekday. */
export function formatCalendarDate(date: string, language: string, style: DateStyle = 'long'): string {
  return dateFormat(language, style).format(calendarInstant(date));
}

/** From one calendar date to another (an edition's days) as the reader's language writes a range: "November 3 – 6, 2015". */
export function formatCalendarRange(from: string, to: string, language: string, style: DateStyle = 'long'): string {
  return dateFormat(language, style).formatRange(calendarInstant(from), calendarInstant(to));
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

/** How far the zone's clocks are ahead of UTC at an instant, in minutes. */
function offsetMinutes(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((entry) => entry.type === type)!.value);
  return Math.round((Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute')) - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

/** A wall-clock time typed for the edition (`2016-09-28T10:00`) as ISO 8601 with the zone's offset on that date. */
export function wallClockToIso(local: string, timeZone: string): string {
  const asUtc = Date.parse(`${local}:00Z`);
  // Asked twice: near a change of the clocks the offset of the first guess can be an hour off.
  const offset = offsetMinutes(asUtc - offsetMinutes(asUtc, timeZone) * 60_000, timeZone);
  const sign = offset < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${local}:00${sign}${hours}:${minutes}`;
}
