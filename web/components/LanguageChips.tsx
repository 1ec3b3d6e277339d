import { commonSpokenLanguages, knownLanguageTags, languageName, uiLanguages } from '../../shared/languages.ts';
import { useTranslation } from '../app/i18n.ts';
import { ChipPicker } from './ChipPicker.tsx';

interface Props {
  id: string;
  value: string[];
  onChange: (tags: string[]) => void;
  invalid?: boolean;
}

/**
 * Languages chosen by name in the reader's language, each removable, with a picker to add one: the interface's and
 * the commonly spoken languages first, then every other language by name.
 */
export function LanguageChips({ id, value, onChange, invalid = false }: Props) {
  const { t, language } = useTranslation();
  const byName = (tags: readonly string[]) => tags.map((tag) => ({ value: tag, label: languageName(tag, language) })).sort((a, b) => a.label.localeCompare(b.label, language));
  const first: string[] = [...uiLanguages, ...commonSpokenLanguages];
  const options = [...byName(first), ...byName(knownLanguageTags().filter((tag) => !first.includes(tag)))];
  return <ChipPicker id={id} value={value} options={options} onChange={onChange} addLabel={t('setup.addLanguage')} invalid={invalid} />;
}
