import i18next, { type TFunction } from 'i18next';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fallbackLanguage, isUiLanguage, languageName, uiLanguages, type UiLanguage } from '../../shared/languages.ts';
import { localeNamespaces } from '../../shared/locale-resources.ts';

export const localesFolder = resolve(dirname(fileURLToPath(import.meta.url)), '../../locales');

function loadResources() {
  return Object.fromEntries(
    uiLanguages.map((language) => [
      language,
      Object.fromEntries(
        localeNamespaces.map((ns) => [ns, JSON.parse(readFileSync(resolve(localesFolder, language, `${ns}.json`), 'utf8'))]),
      ),
    ]),
  );
}

const instance = i18next.createInstance();
void instance.init({
  resources: loadResources(),
  fallbackLng: fallbackLanguage,
  ns: [...localeNamespaces],
  defaultNS: 'errors',
  initAsync: false,
  showSupportNotice: false,
  // Messages go out as JSON and are rendered as text by clients; nothing here is HTML.
  interpolation: { escapeValue: false },
});

const fixed = new Map<UiLanguage, TFunction>(uiLanguages.map((language) => [language, instance.getFixedT(language)]));

export function translatorFor(language: UiLanguage): TFunction {
  return fixed.get(language)!;
}

/**
 * The label of a form field in `language`, or the field's own name for one the product does not know.
 * A field of a list entry names the entry and the field: `papers[1].title` is "Paper 2 · Title".
 */
export function fieldLabel(field: string, language: UiLanguage): string {
  const t = translatorFor(language);
  const entryField = /^(\w+)\[(\d+)\]\.(\w+)$/.exec(field);
  if (entryField) {
    const [, list, index, name] = entryField;
    const number = Number(index) + 1;
    const entry = t(`fields:entries.${list}`, { number, defaultValue: `${t(`fields:${list}`, { defaultValue: list })} ${number}` });
    return `${entry} · ${t(`fields:${name}`, { defaultValue: name })}`;
  }
  const root = field.replace(/[[.].*$/, '');
  const label = t(`fields:${root}`, { defaultValue: field });
  // One language of a text map: "Title (français)". A map may have a label of its own (`body.en` is a message's text,
  // where `body` alone is the whole request).
  const textLanguage = /^\w+\.(\w{2})$/.exec(field)?.[1];
  if (!textLanguage || !isUiLanguage(textLanguage)) return label;
  return `${t(`fields:${root}Text`, { defaultValue: label })} (${languageName(textLanguage, language)})`;
}
