import type { TFunction } from 'i18next';
import { inReaderLanguage, type LocalizedText } from './localized-text.ts';

export interface NamedCategory {
  code: string;
  name: LocalizedText | null;
}

/**
 * A category's name in the reader's language: the organisers' own text where they gave one (with the edition's
 * fallback), else the product's name for its built-in codes, else the code.
 */
export function categoryLabel(category: NamedCategory, t: TFunction, language: string, congressLanguages: readonly string[] = []): string {
  return category.name ? inReaderLanguage(category.name, language, congressLanguages) : t(`fields:categories.${category.code}`, { defaultValue: category.code });
}
