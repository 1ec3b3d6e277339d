import { readdirSync, readFileSync } from 'node:fs';
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

describe('the audit log screen', () => {
  /** The actions the server records, as written in its calls (`recordAudit(…)` and the areas' own `audit(…)` helpers). */
  function recordedActions(): Set<string> {
    const actions = new Set<string>();
    const files = readdirSync('server', { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));
    for (const file of files) {
      const source = readFileSync(join('server', file), 'utf8');
      for (const call of source.matchAll(/\b(?:recordAudit|audit)\((?![^)]*=>)[\s\S]*?\);/g)) {
        for (const literal of call[0].matchAll(/'([a-zA-Z]+\.[a-zA-Z.-]+)'/g)) actions.add(literal[1]!);
      }
    }
    return actions;
  }

  it('names every action the server records, in every language', () => {
    const actions = recordedActions();
    expect(actions.size).toBeGreaterThan(50);
    for (const language of uiLanguages) {
      const labels = load(language, 'common');
      const missing = [...actions].filter((action) => !labels.has(`audit.actions.${action.replaceAll('.', '_')}`));
      expect(missing, `${language} has no label for`).toEqual([]);
    }
  });
});
