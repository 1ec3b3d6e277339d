import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { uiLanguages } from '../shared/languages.ts';
import { localeNamespaces } from '../shared/locale-resources.ts';
import { localesFolder } from '../server/i18n/translator.ts';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') entries.set(path, value);
    else for (const [nested, text] of flatten(value, path)) entries.set(nested, text);
  }
  return entries;
}

const load = (language: string, namespace: string) => flatten(JSON.parse(readFileSync(join(localesFolder, language, `${namespace}.json`), 'utf8')) as Tree);
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();

describe.each(localeNamespaces)('locales/*/%s.json', (namespace) => {
  const reference = load('en', namespace);

  it.each(uiLanguages.filter((language) => language !== 'en'))('%s has exactly the keys of en, each translated, with the same placeholders', (language) => {
    const translated = load(language, namespace);
    expect([...translated.keys()].sort()).toEqual([...reference.keys()].sort());
    for (const [key, text] of translated) {
      expect(text.trim(), `${language} ${namespace}:${key} is empty`).not.toBe('');
      expect(placeholders(text), `${language} ${namespace}:${key}`).toEqual(placeholders(reference.get(key)!));
    }
  });

  it('every language differs from English somewhere (no untranslated copy)', () => {
    for (const language of uiLanguages.filter((l) => l !== 'en')) {
      const translated = load(language, namespace);
      const same = [...translated].filter(([key, text]) => text === reference.get(key) && /[a-z]{4,}/.test(text));
      expect(same.length, `${language} ${namespace} copies English for ${same.map(([key]) => key).join(', ')}`).toBeLessThan(translated.size / 4);
    }
  });
});
