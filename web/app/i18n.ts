import i18next from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { useEffect, useState } from 'preact/hooks';
import { fallbackLanguage, uiLanguages, type UiLanguage } from '../../shared/languages.ts';
import { localeNamespaces, serverOnlyNamespaces } from '../../shared/locale-resources.ts';

// The messages the server mails are not the client's to show.
const files = import.meta.glob<Record<string, unknown>>(['../../locales/*/*.json', '!../../locales/*/mail.json'], { eager: true, import: 'default' });

const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [path, content] of Object.entries(files)) {
  const [, language, namespace] = path.match(/locales\/([^/]+)\/([^/]+)\.json$/)!;
  (resources[language!] ??= {})[namespace!] = content;
}

export const languageStorageKey = 'congress.language';

await i18next.use(LanguageDetector).init({
  resources,
  supportedLngs: [...uiLanguages],
  nonExplicitSupportedLngs: true,
  load: 'languageOnly',
  fallbackLng: fallbackLanguage,
  ns: localeNamespaces.filter((namespace) => !serverOnlyNamespaces.includes(namespace)),
  defaultNS: 'common',
  showSupportNotice: false,
  // Preact escapes every text it renders; escaping here too would show `&amp;`.
  interpolation: { escapeValue: false },
  detection: { order: ['querystring', 'localStorage', 'navigator'], lookupQuerystring: 'lang', lookupLocalStorage: languageStorageKey, caches: ['localStorage'] },
});

export function currentLanguage(): UiLanguage {
  return (i18next.resolvedLanguage ?? fallbackLanguage) as UiLanguage;
}

function applyDocumentLanguage() {
  document.documentElement.lang = currentLanguage();
}
applyDocumentLanguage();
i18next.on('languageChanged', applyDocumentLanguage);

export function setLanguage(language: UiLanguage) {
  return i18next.changeLanguage(language);
}

/** The translate function and the interface language; the component re-renders when the language changes. */
export function useTranslation() {
  const [language, setCurrent] = useState(currentLanguage());
  useEffect(() => {
    const update = () => setCurrent(currentLanguage());
    i18next.on('languageChanged', update);
    return () => i18next.off('languageChanged', update);
  }, []);
  return { t: i18next.getFixedT(language), language };
}
