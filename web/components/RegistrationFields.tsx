import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { countryCodes, countryName } from '../../shared/countries.ts';
import { commonSpokenLanguages, isLanguageTag, languageName, languageNames, uiLanguages } from '../../shared/languages.ts';
import { suggestLatinName } from '../../shared/person-name.ts';
import { fieldLimits } from '../../shared/registration-schema.ts';
import { useTranslation } from '../app/i18n.ts';
import { Field } from './Field.tsx';
import { categoryName } from '../app/event-zone.ts';

export interface RegistrationDraft {
  givenName: string;
  familyName: string;
  latinName: string;
  email: string;
  country: string;
  category: string;
  organisation: string;
  jobTitle: string;
  languages: string[];
  phone: string;
  dietary: string;
  accessibility: string;
}

export const emptyDraft: RegistrationDraft = {
  givenName: '',
  familyName: '',
  latinName: '',
  email: '',
  country: '',
  category: '',
  organisation: '',
  jobTitle: '',
  languages: [],
  phone: '',
  dietary: '',
  accessibility: '',
};

const optionalFields = ['latinName', 'organisation', 'jobTitle', 'phone', 'dietary', 'accessibility'] as const;

/** The draft as the API takes it: optional fields left empty are omitted when registering, cleared (null) when editing. */
export function draftToBody(draft: RegistrationDraft, mode: 'register' | 'update') {
  const { category, ...rest } = draft;
  const body: Record<string, unknown> = { ...rest };
  for (const key of optionalFields) {
    if (draft[key].trim() === '') {
      if (mode === 'register') delete body[key];
      else body[key] = null;
    }
  }
  if (mode === 'register') body.category = category;
  return body;
}

/** Server field names such as `languages[2]` belong to the form control `languages`. */
export const fieldRoot = (field: string) => field.replace(/[[.].*$/, '');

interface Props {
  draft: RegistrationDraft;
  onChange: (draft: RegistrationDraft) => void;
  errors: Record<string, string>;
  /** Category codes with whether they need approval; absent where the category cannot be changed. */
  categories?: { code: string; requiresApproval: boolean }[];
  /** Shown right under the email field (the offer to send a registered address its link again). */
  emailExtra?: ComponentChildren;
}

export function RegistrationFields({ draft, onChange, errors, categories, emailExtra }: Props) {
  const { t, language } = useTranslation();
  const set = <K extends keyof RegistrationDraft>(key: K, value: RegistrationDraft[K]) => onChange({ ...draft, [key]: value });
  // A Hangul name fills the Latin name in as it is typed, until the delegate writes their own spelling there.
  const setName = (key: 'givenName' | 'familyName', value: string) => {
    const next = { ...draft, [key]: value };
    const suggestedBefore = suggestLatinName(draft.givenName, draft.familyName) ?? '';
    if (draft.latinName === suggestedBefore) next.latinName = suggestLatinName(next.givenName, next.familyName) ?? '';
    onChange(next);
  };
  // No maxLength: text pasted beyond a field's limit is kept as typed, for the server to refuse on that field, never cut silently.
  const text = (key: keyof typeof fieldLimits & keyof RegistrationDraft, type = 'text', autoComplete?: string, onValue = (value: string) => set(key, value)) => (
    <input
      id={`field-${key}`}
      name={key}
      type={type}
      value={draft[key] as string}
      autoComplete={autoComplete}
      aria-invalid={errors[key] ? 'true' : undefined}
      aria-describedby={errors[key] ? `error-${key}` : undefined}
      onInput={(event) => onValue(event.currentTarget.value)}
    />
  );
  const offeredLanguages = [...uiLanguages, ...commonSpokenLanguages];
  const extraLanguages = draft.languages.filter((tag) => !(offeredLanguages as readonly string[]).includes(tag));
  const [otherLanguages, setOtherLanguages] = useState(extraLanguages.join(', '));
  const toggleLanguage = (tag: string, on: boolean) =>
    set('languages', on ? [...draft.languages, tag] : draft.languages.filter((existing) => existing !== tag));
  const applyOtherLanguages = (value: string) => {
    setOtherLanguages(value);
    const typed = value.split(/[\s,;]+/).map((tag) => tag.trim().toLowerCase()).filter(Boolean);
    const ticked = draft.languages.filter((tag) => (offeredLanguages as readonly string[]).includes(tag));
    set('languages', [...new Set([...ticked, ...typed])]);
  };

  return (
    <>
      <div class="field-row">
        <Field name="givenName" error={errors.givenName}>{text('givenName', 'text', 'given-name', (value) => setName('givenName', value))}</Field>
        <Field name="familyName" error={errors.familyName}>{text('familyName', 'text', 'family-name', (value) => setName('familyName', value))}</Field>
      </div>
      <Field name="latinName" error={errors.latinName} hint={t('register.latinNameHint')} optional>{text('latinName')}</Field>
      <Field name="email" error={errors.email}>{text('email', 'email', 'email')}</Field>
      {emailExtra}
      <div class="field-row">
        <Field name="country" error={errors.country}>
          <select id="field-country" name="country" value={draft.country} aria-invalid={errors.country ? 'true' : undefined} onChange={(event) => set('country', event.currentTarget.value)}>
            <CountryOptions placeholder={t('register.chooseCountry')} />
          </select>
        </Field>
        {categories && (
          <Field name="category" error={errors.category}>
            <select id="field-category" name="category" value={draft.category} aria-invalid={errors.category ? 'true' : undefined} onChange={(event) => set('category', event.currentTarget.value)}>
              <option value="">{t('register.chooseCategory')}</option>
              {categories.map(({ code, requiresApproval }) => (
                <option key={code} value={code}>
                  {categoryName(code, t, language)}
                  {requiresApproval ? ` (${t('register.needsApproval')})` : ''}
                </option>
              ))}
            </select>
          </Field>
        )}
      </div>
      <div class="field-row">
        <Field name="organisation" error={errors.organisation} optional>{text('organisation', 'text', 'organization')}</Field>
        <Field name="jobTitle" error={errors.jobTitle} optional>{text('jobTitle', 'text', 'organization-title')}</Field>
      </div>
      <Field name="languages" error={errors.languages} hint={t('register.languagesHint')}>
        <div class="language-ticks" id="field-languages" role="group">
          {offeredLanguages.map((tag) => (
            <label key={tag} class="tick">
              <input type="checkbox" name="languages" value={tag} checked={draft.languages.includes(tag)} onChange={(event) => toggleLanguage(tag, event.currentTarget.checked)} />
              {languageName(tag, language)}
            </label>
          ))}
        </div>
        <label class="other-languages">
          {t('register.moreLanguages')}
          <input
            name="otherLanguages"
            value={otherLanguages}
            placeholder="sw, am, km"
            onInput={(event) => applyOtherLanguages(event.currentTarget.value)}
            aria-describedby="other-languages-names"
          />
          <span id="other-languages-names" class="field__hint">
            {languageNames(extraLanguages.filter(isLanguageTag), language)}
          </span>
        </label>
      </Field>
      <Field name="phone" error={errors.phone} optional>{text('phone', 'tel', 'tel')}</Field>
      <div class="field-row">
        <Field name="dietary" error={errors.dietary} optional>{text('dietary')}</Field>
        <Field name="accessibility" error={errors.accessibility} optional>{text('accessibility')}</Field>
      </div>
    </>
  );
}

/** The options of a country picker: a placeholder, then every country by its name in the reader's language. */
export function CountryOptions({ placeholder }: { placeholder: string }) {
  const { language } = useTranslation();
  const countries = useCountryOptions(language);
  return (
    <>
      <option value="">{placeholder}</option>
      {countries.map(({ code, name }) => (
        <option key={code} value={code}>
          {name}
        </option>
      ))}
    </>
  );
}

/** Every country with its name in `language`, in that language's alphabetical order. */
export function useCountryOptions(language: string) {
  return useMemo(() => {
    const collator = new Intl.Collator(language);
    return countryCodes.map((code) => ({ code, name: countryName(code, language) })).sort((a, b) => collator.compare(a.name, b.name));
  }, [language]);
}
