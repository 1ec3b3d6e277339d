import { isCountryCode } from '../../shared/countries.ts';
import { isLanguageTag } from '../../shared/languages.ts';
import { ApiFailure } from './api-failure.ts';

/** Checks what a schema cannot: that codes name real countries and languages. */
export function checkCountryAndLanguages(input: { country?: string | undefined; languages?: string[] | undefined }, countryLists: Record<string, string[] | undefined> = {}) {
  if (input.country !== undefined && !isCountryCode(input.country)) throw new ApiFailure(400, 'country', 'unknownCountry');
  if (input.languages) checkLanguageTags('languages', input.languages);
  for (const [field, codes] of Object.entries(countryLists)) {
    codes?.forEach((code, index) => {
      if (!isCountryCode(code)) throw new ApiFailure(400, `${field}[${index}]`, 'unknownCountry');
    });
  }
}

/** Checks that every entry of the list `field` is a known language tag, naming the first that is not. */
export function checkLanguageTags(field: string, tags: readonly string[]): void {
  tags.forEach((tag, index) => {
    if (!isLanguageTag(tag)) throw new ApiFailure(400, `${field}[${index}]`, 'unknownLanguage', { tag });
  });
}

/** Whether a text has no line break or other control character. */
export const isOneLine = (text: string) => !/[\p{Cc}\u2028\u2029]/u.test(text);

/** One-line texts (names, organisations) take no line breaks or other control characters: they end up in mail headers and badges. */
export function checkOneLineTexts(input: Record<string, unknown>, fields: readonly string[]): void {
  for (const field of fields) {
    const value = input[field];
    if (typeof value === 'string' && !isOneLine(value)) throw new ApiFailure(400, field, 'oneLine');
  }
}
