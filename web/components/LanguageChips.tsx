import { commonSpokenLanguages, languageName, uiLanguages } from '../../shared/languages.ts';
import { useTranslation } from '../app/i18n.ts';
import { ChipPicker } from './ChipPicker.tsx';

interface Props {
  id: string;
  value: string[];
  onChange: (tags: string[]) => void;
  invalid?: boolean;
}

/** Languages chosen by name in the reader's language, each removable, with a picker sorted by name to add one. */
export function LanguageChips({ id, value, onChange, invalid = false }: Props) {
  const { t, language } = useTranslation();
  const options = [...new Set([...uiLanguages, ...commonSpokenLanguages, ...value])]
    .map((tag) => ({ value: tag, label: languageName(tag, language) }))
    .sort((a, b) => a.label.localeCompare(b.label, language));
  return <ChipPicker id={id} value={value} options={options} onChange={onChange} addLabel={t('setup.addLanguage')} invalid={invalid} />;
}
