import { formatEventDateTime as formatInZone, wallClockToIso } from '../../shared/event-time.ts';
import type { CongressInfo } from '../../shared/congress-schema.ts';

/**
 * The zone of the edition this page serves, read once from the server before the first render, so every time on
 * every screen is shown as the congress's own clock shows it, whatever the browser's zone.
 */
let zone = 'UTC';

export async function loadEventTimeZone(): Promise<void> {
  const response = await fetch('/api/congress').catch(() => null);
  const congress = response?.ok ? ((await response.json()) as CongressInfo) : null;
  if (congress) zone = congress.timeZone;
}

export const eventTimeZone = (): string => zone;

export const formatEventDateTime = (iso: string, language: string): string => formatInZone(iso, language, zone);

/** An instant as a datetime-local input shows it on the congress's clock (`2015-11-04T10:30`). */
export const toEventWallClock = (iso: string): string =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: zone, dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso)).replace(' ', 'T');

/** A date and time typed into a form, read on the congress's clock. */
export const fromEventWallClock = (local: string): string => wallClockToIso(local, zone);
