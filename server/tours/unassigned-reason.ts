import { languageName, type UiLanguage } from '../../shared/languages.ts';
import { translatorFor } from '../i18n/translator.ts';
import type { UnassignedReason } from './engine/assign-tours.ts';

/** The reason a delegate has no seat, in words and in `language`; tours are named by `tourName`. */
export function describeUnassigned(reason: UnassignedReason, language: UiLanguage, tourName: (tour: number) => string): string {
  const t = translatorFor(language);
  if (reason.code === 'no-choices') return t('tours:unassigned.noChoices');
  const languages = new Intl.ListFormat(language, { type: 'disjunction' }).format(reason.languages.map((tag) => languageName(tag, language)));
  const tours = new Intl.ListFormat(language, { type: 'conjunction' }).format(reason.tours.map(tourName));
  const key = { full: 'full', 'no-language': 'noLanguage', 'seat-free': 'seatFree' }[reason.code];
  return t(`tours:unassigned.${key}`, { languages, tours });
}

/** Reasons in English naming tours by their ids: the tour-assignment/1 file's. */
export const describeInEnglish = (reason: UnassignedReason, tourName: (tour: number) => string) => describeUnassigned(reason, 'en', tourName);
