import { DateTime } from 'luxon';

/**
 * An instant read as the wall-clock time of `fromZone`, moved by whole days and placed at the same wall-clock time
 * in `toZone`: 10:00 in Daegu on the 4th becomes 10:00 in Eindhoven on the new date, whatever the offsets and
 * summer time. Returned as ISO 8601 with the new zone's offset, as the schedule's times are stored.
 */
export function shiftWallClock(iso: string, fromZone: string, toZone: string, days: number): string {
  return DateTime.fromISO(iso, { zone: fromZone }).plus({ days }).setZone(toZone, { keepLocalTime: true }).toISO({ suppressMilliseconds: true })!;
}
