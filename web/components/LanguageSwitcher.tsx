import { uiLanguages, languageName, type UiLanguage } from '../../shared/languages.ts';
import { setLanguage, useTranslation } from '../app/i18n.ts';

/** Each language is named in itself, so a reader finds theirs whatever the page is in now. */
export function LanguageSwitcher() {
  const { t, language } = useTranslation();
  return (
    <label class="language-switcher">
      <span class="visually-hidden">{t('nav.language')}</span>
      <select value={language} onChange={(event) => void setLanguage(event.currentTarget.value as UiLanguage)} data-testid="language-switcher">
        {uiLanguages.map((code) => (
          <option key={code} value={code} lang={code}>
            {languageName(code, code)}
          </option>
        ))}
      </select>
    </label>
  );
}
