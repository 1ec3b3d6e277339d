import countries from 'i18n-iso-countries';

/** ISO 3166-1 alpha-2 codes of every country and territory. */
export const countryCodes: readonly string[] = Object.keys(countries.getAlpha2Codes()).sort();
const countryCodeSet = new Set(countryCodes);

export function isCountryCode(code: string): boolean {
  return countryCodeSet.has(code);
}

const displayNamesByLanguage = new Map<string, Intl.DisplayNames>();

/** The country's name in the given interface language (from the runtime's CLDR data). */
export function countryName(code: string, language: string): string {
  let names = displayNamesByLanguage.get(language);
  if (!names) {
    names = new Intl.DisplayNames([language], { type: 'region' });
    displayNamesByLanguage.set(language, names);
  }
  return names.of(code) ?? code;
}
