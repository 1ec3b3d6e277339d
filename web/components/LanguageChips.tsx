import { commonSpokenLanguages, languageName, uiLanguages } from '../../shared/languages.ts';
import { useTranslation } from '../app/i18n.ts';

interface Props {
  id: string;
  value: string[];
  onChange: (tags: string[]) => void;
  invalid?: boolean;
}

/** A short list of languages by name, each removable, and a picker to add one: compact enough for a row of a table. */
export function LanguageChips({ id, value, onChange, invalid = false }: Props) {
  const { t, language } = useTranslation();
  const choices = [...uiLanguages, ...commonSpokenLanguages]
    .filter((tag) => !value.includes(tag))
    .map((tag) => ({ tag, name: languageName(tag, language) }))
    .sort((a, b) => a.name.localeCompare(b.name, language));
  return (
    <div class="chips" id={id} role="group" aria-invalid={invalid ? 'true' : undefined}>
      {value.map((tag) => (
        <span class="chip" key={tag} lang={tag}>
          {languageName(tag, language)}
          <button type="button" class="chip__remove" aria-label={t('setup.removeLanguage', { language: languageName(tag, language) })} onClick={() => onChange(value.filter((kept) => kept !== tag))}>
            ×
          </button>
        </span>
      ))}
      <select
        aria-label={t('setup.addLanguage')}
        value=""
        onChange={(event) => {
          const tag = event.currentTarget.value;
          if (tag) onChange([...value, tag]);
        }}
      >
        <option value="">{t('setup.addLanguage')}</option>
        {choices.map(({ tag, name }) => (
          <option key={tag} value={tag}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
}
