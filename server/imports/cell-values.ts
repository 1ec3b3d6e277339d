import countries from 'i18n-iso-countries';
import { countryCodes, countryName, isCountryCode } from '../../shared/countries.ts';
import { isLanguageTag, knownLanguageTags, languageName, uiLanguages } from '../../shared/languages.ts';

/** Spreadsheet text as compared with names: case, accents, spaces and punctuation do not count. */
export function comparable(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s_\-.,'’()（）*]/g, '');
}

/** A list in one cell: "ko, en", "ko; en" or one item per line. */
export function splitList(cell: string): string[] {
  return cell
    .split(/[,;\n、，；]+/)
    .map((item) => item.trim())
    .filter(Boolean);
}

let countryByName: Map<string, string> | undefined;

/** An ISO 3166 code (alpha-2 or alpha-3) or the country's name in any of the interface languages; undefined if none. */
export function countryFromCell(cell: string): string | undefined {
  const upper = cell.trim().toUpperCase();
  if (isCountryCode(upper)) return upper;
  if (/^[A-Z]{3}$/.test(upper)) return countries.alpha3ToAlpha2(upper) || undefined;
  if (!countryByName) {
    countryByName = new Map();
    for (const code of countryCodes) for (const language of uiLanguages) countryByName.set(comparable(countryName(code, language)), code);
  }
  return countryByName.get(comparable(cell));
}

let languageByName: Map<string, string> | undefined;

/** An ISO 639 code or the language's name in any of the interface languages ("coréen", "Korean", "한국어"). */
export function languageFromCell(cell: string): string | undefined {
  const lower = cell.trim().toLowerCase();
  if (isLanguageTag(lower)) return lower;
  if (!languageByName) {
    languageByName = new Map();
    for (const tag of knownLanguageTags()) {
      for (const language of uiLanguages) languageByName.set(comparable(languageName(tag, language)), tag);
      languageByName.set(comparable(languageName(tag, tag)), tag);
    }
  }
  return languageByName.get(comparable(cell));
}

/**
 * An HS heading (4 digits) from "8708", "87.08" or a subheading such as "8708.29"; undefined when it is not one.
 * Chapters run 01–97 and chapter 77 is reserved, so "7701" or "9912" name nothing.
 */
export function hsHeadingFromCell(cell: string): string | undefined {
  const digits = cell.replace(/[.\s]/g, '');
  if (!/^\d{4}(\d{2})?$/.test(digits)) return undefined;
  const chapter = Number(digits.slice(0, 2));
  if (chapter < 1 || chapter > 97 || chapter === 77 || digits.slice(2, 4) === '00') return undefined;
  return digits.slice(0, 4);
}

/** A whole non-negative number as people type it: "1,200,000", "1 200 000", "USD 500000". */
export function wholeNumberFromCell(cell: string): number | undefined {
  const digits = cell.replace(/^(usd|us\$|\$)\s*/i, '').replace(/[\s,’'_]/g, '');
  if (!/^\d{1,15}$/.test(digits)) return undefined;
  return Number(digits);
}
