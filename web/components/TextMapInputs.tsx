import { languageName } from '../../shared/languages.ts';
import { trimmedTexts, type LocalizedText } from '../../shared/localized-text.ts';
import { useTranslation } from '../app/i18n.ts';

/** A text organisers enter per language, as the form holds it while typing. */
export type TextDraft = Record<string, string>;

/** Only filled-in languages are sent, trimmed as they are stored; an empty map is refused by the server, naming the field. */
export const filledTexts = (texts: TextDraft): LocalizedText => trimmedTexts(texts as LocalizedText);

/** The languages a text is edited in: the edition's own, and any other a stored text already has. */
export const editedLanguages = (congressLanguages: readonly string[], ...texts: (object | null | undefined)[]): string[] => [
  ...new Set([...congressLanguages, ...texts.flatMap((text) => Object.keys(text ?? {}))]),
];

interface Props {
  /** The id of the group (`field-title`), where a refusal of the whole map moves the focus; inputs add `-<language>`. */
  id: string;
  languages: readonly string[];
  texts: TextDraft;
  onChange: (texts: TextDraft) => void;
  /** The label of one language's input, given the language's name in the reader's language. */
  label: (languageName: string) => string;
  error?: string | undefined;
  multiline?: boolean;
  /** Lines a multi-line input shows. */
  rows?: number;
  maxLength?: number;
}

/** One input per language for a text organisers enter, with the server's refusal under the group. */
export function TextMapInputs({ id, languages, texts, onChange, label, error, multiline = false, rows = 2, maxLength = 500 }: Props) {
  const { language } = useTranslation();
  return (
    <div class={`field-row${error ? ' field--invalid' : ''}`} id={id} tabIndex={-1}>
      {languages.map((code) => {
        const props = {
          id: `${id}-${code}`,
          lang: code,
          value: texts[code] ?? '',
          maxLength,
          'aria-invalid': error ? ('true' as const) : undefined,
          onInput: (event: Event) => onChange({ ...texts, [code]: (event.currentTarget as HTMLInputElement).value }),
        };
        return (
          <div class="field" key={code}>
            <label for={`${id}-${code}`}>{label(languageName(code, language))}</label>
            {multiline ? <textarea rows={rows} {...props} /> : <input {...props} />}
          </div>
        );
      })}
      {error && (
        <p class="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
