import { Type, type Static } from 'typebox';
import { fallbackLanguage, type UiLanguage } from './languages.ts';

const textIn = () => Type.Optional(Type.String({ minLength: 1, maxLength: 500, pattern: '\\S' }));
const perLanguage = { ko: textIn(), en: textIn(), zh: textIn(), ja: textIn(), es: textIn(), fr: textIn(), ru: textIn(), vi: textIn() } satisfies Record<UiLanguage, unknown>;

/** A text organisers enter, in any of the interface languages: `{ ko: "…", en: "…", fr: "…" }`. */
export const LocalizedText = Type.Object(perLanguage, { additionalProperties: false, minProperties: 1 });
export type LocalizedText = Static<typeof LocalizedText>;

/** The same map where every language may be left out, for optional texts such as a theme. */
export const OptionalLocalizedText = Type.Object(perLanguage, { additionalProperties: false });

/**
 * A text in the reader's language; where it is missing, in the congress's own languages in their order,
 * then English, then whatever language it has.
 */
export function inReaderLanguage(text: LocalizedText | null | undefined, reader: string, congressLanguages: readonly string[] = []): string {
  if (!text) return '';
  const map = text as Record<string, string | undefined>;
  for (const language of [reader, ...congressLanguages, fallbackLanguage]) {
    const value = map[language];
    if (value) return value;
  }
  return Object.values(map).find(Boolean) ?? '';
}

/** The texts as stored: each trimmed, a language left empty dropped. */
export function trimmedTexts<T extends Partial<LocalizedText>>(texts: T): T {
  return Object.fromEntries(Object.entries(texts).flatMap(([language, text]) => (text?.trim() ? [[language, text.trim()]] : []))) as T;
}
