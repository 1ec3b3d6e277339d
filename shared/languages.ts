/** Languages the interface is offered in; the first is the event's own. */
export const uiLanguages = ['ko', 'en', 'zh', 'ja', 'es', 'fr', 'ru', 'vi'] as const;
export type UiLanguage = (typeof uiLanguages)[number];
export const fallbackLanguage: UiLanguage = 'en';

export function isUiLanguage(value: string): value is UiLanguage {
  return (uiLanguages as readonly string[]).includes(value);
}

/** The best interface language for an `Accept-Language` header (or a single tag), by the header's q-values. */
export function pickUiLanguage(acceptLanguage: string | undefined): UiLanguage {
  if (!acceptLanguage) return fallbackLanguage;
  const ranked = acceptLanguage
    .split(',')
    .map((part, order) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { primary: tag.trim().toLowerCase().split('-')[0] ?? '', weight: q ? Number(q.slice(2)) || 0 : 1, order };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.order - b.order);
  return ranked.find((entry) => isUiLanguage(entry.primary))?.primary as UiLanguage | undefined ?? fallbackLanguage;
}

const languageNamesInEnglish = new Intl.DisplayNames('en', { type: 'language', fallback: 'none' });
// Looking a tag up in CLDR costs microseconds and registration checks every tag, so answers are kept.
const knownTags = new Map<string, boolean>();

/** A BCP 47 primary language subtag that names a real language (ISO 639), e.g. `ko`, `en`, `fil`. */
export function isLanguageTag(tag: string): boolean {
  let known = knownTags.get(tag);
  if (known === undefined) {
    known = /^[a-z]{2,3}$/.test(tag) && languageNamesInEnglish.of(tag) !== undefined;
    if (known) knownTags.set(tag, known);
  }
  return known;
}

let namedTags: string[] | undefined;

/** Every language a person may name: the two-letter ISO 639-1 codes CLDR knows, and Filipino. */
export function knownLanguageTags(): readonly string[] {
  if (!namedTags) {
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    namedTags = [...[...letters].flatMap((first) => [...letters].map((second) => first + second)).filter(isLanguageTag), 'fil'];
  }
  return namedTags;
}

/** Languages offered as ticks on the registration form besides the interface's own; any other ISO 639 code can be typed. */
export const commonSpokenLanguages = ['de', 'ar', 'hi', 'pt', 'it', 'nl', 'id', 'th', 'ms', 'tr', 'mn', 'kk', 'uz', 'fa', 'he', 'sv', 'pl', 'fil', 'bn'] as const;

const languageNamesByLocale = new Map<string, Intl.DisplayNames>();

/** A language's name in the interface language, e.g. `languageName('ko', 'fr')` → "coréen". */
export function languageName(tag: string, inLanguage: string): string {
  let names = languageNamesByLocale.get(inLanguage);
  if (!names) languageNamesByLocale.set(inLanguage, (names = new Intl.DisplayNames([inLanguage], { type: 'language' })));
  return names.of(tag) ?? tag;
}

/** Several languages by name in the interface language, as a list for reading ("Korean, English"). */
export function languageNames(tags: readonly string[], inLanguage: string): string {
  return tags.map((tag) => languageName(tag, inLanguage)).join(', ');
}
