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
