import { isCountryCode } from '../../shared/countries.ts';
import { isLanguageTag } from '../../shared/languages.ts';
import { ApiFailure } from './api-failure.ts';

/** Checks what a schema cannot: that codes name real countries and languages. */
export function checkCountryAndLanguages(input: { country?: string | undefined; languages?: string[] | undefined }, countryLists: Record<string, string[] | undefined> = {}) {
  if (input.country !== undefined && !isCountryCode(input.country)) throw new ApiFailure(400, 'country', 'unknownCountry');
  input.languages?.forEach((tag, index) => {
    if (!isLanguageTag(tag)) throw new ApiFailure(400, `languages[${index}]`, 'unknownLanguage', { tag });
  });
  for (const [field, codes] of Object.entries(countryLists)) {
    codes?.forEach((code, index) => {
      if (!isCountryCode(code)) throw new ApiFailure(400, `${field}[${index}]`, 'unknownCountry');
    });
  }
}
