import { formatEventDateTime as formatInZone, wallClockToIso } from '../../shared/event-time.ts';
import type { CongressInfo } from '../../shared/congress-schema.ts';
import { apiPath } from './congress-address.ts';
import { inReaderLanguage } from '../../shared/localized-text.ts';
import type { TFunction } from 'i18next';
import { categoryLabel } from '../../shared/category-label.ts';

/**
 * The edition this page serves (its zone, name and city), read once from the server before the first render, so every time on
 * every screen is shown as the congress's own clock shows it, whatever the browser's zone.
 */
let zone = 'UTC';
let congress: CongressInfo | null = null;

export async function loadEventCongress(): Promise<void> {
  const response = await fetch(apiPath('/api/congress')).catch(() => null);
  congress = response?.ok ? ((await response.json()) as CongressInfo) : null;
  if (congress) zone = congress.timeZone;
}

/** A delegate category's name in the reader's language, as the edition names it. */
export function categoryName(code: string, t: TFunction, language: string): string {
  return categoryLabel(congress?.categories.find((category) => category.code === code) ?? { code, name: null }, t, language, congress?.languages ?? []);
}

/** What a day of the edition is called: its own name in the reader's language, else the label of its focus. */
export function dayName(day: CongressInfo['days'][number], t: TFunction, language: string): string {
  return day.title ? inReaderLanguage(day.title, language, congress?.languages ?? []) : t(`congress.days.${day.focus}`);
}

/** The city the edition takes place in, in the reader's language, whose clock every time is shown on ("Daegu time"). */
export const congressCity = (language: string): string => (congress ? inReaderLanguage(congress.city, language, congress.languages) : zone);

/** The edition's own languages, in order: the ones organisers write its texts in. */
export const eventLanguages = (): string[] => congress?.languages ?? ['en'];

/** The slug of the edition this page serves. */
export const eventCongressSlug = (): string | undefined => congress?.slug;

/** The edition's name and city for the top bar, in the reader's language. */
export function congressBrand(language: string): string {
  return congress ? `${congressName(language)} · ${congressCity(language)}` : '';
}

/** The edition's name in the reader's language, with the edition's own fallback. */
export const congressName = (language: string): string => (congress ? inReaderLanguage(congress.name, language, congress.languages) : '');

export const eventTimeZone = (): string => zone;

export const formatEventDateTime = (iso: string, language: string): string => formatInZone(iso, language, zone);

/** The time of day of an instant on the congress's clock, in the reader's locale (`오전 10:30`, `10:30`). */
export const formatEventTime = (iso: string, language: string): string => new Intl.DateTimeFormat(language, { timeStyle: 'short', timeZone: zone }).format(new Date(iso));

/** An instant as a datetime-local input shows it on the congress's clock (`2015-11-04T10:30`). */
export const toEventWallClock = (iso: string): string =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: zone, dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso)).replace(' ', 'T');

/** A date and time typed into a form, read on the congress's clock. */
export const fromEventWallClock = (local: string): string => wallClockToIso(local, zone);

/** The codes of the edition's delegate categories, in the organisers' order. */
export const eventCategoryCodes = (): string[] => congress?.categories.map((category) => category.code) ?? [];
