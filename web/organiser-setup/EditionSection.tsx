import { useEffect, useState } from 'preact/hooks';
import type { CongressInfo } from '../../shared/congress-schema.ts';
import { languageName, uiLanguages, type UiLanguage } from '../../shared/languages.ts';
import { api } from '../app/api.ts';
import { useTranslation } from '../app/i18n.ts';
import { useFormErrors } from '../app/use-form-errors.ts';
import { Field } from '../components/Field.tsx';
import { filledTexts, TextMapInputs, type TextDraft } from '../components/TextMapInputs.tsx';


/** The edition's own texts: its name and theme in its languages, venue and city, and which languages those are. */
export function EditionSection({ token, onDatesChanged }: { token: string; onDatesChanged: () => void }) {
  const { t, language } = useTranslation();
  const [congress, setCongress] = useState<CongressInfo | null>(null);
  const [form, setForm] = useState<{ name: TextDraft; theme: TextDraft; venue: TextDraft; city: TextDraft; languages: UiLanguage[]; startsOn: string; endsOn: string; personalDataUntil: string } | null>(null);
  const [saved, setSaved] = useState(false);
  const { errors, general, clear, show } = useFormErrors(['name', 'theme', 'venue', 'city', 'languages', 'startsOn', 'endsOn', 'personalDataUntil']);
  useEffect(() => {
    void api<CongressInfo>('/api/congress').then((info) => {
      setCongress(info);
      setForm({ name: { ...info.name } as TextDraft, theme: { ...(info.theme ?? {}) } as TextDraft, venue: { ...info.venue } as TextDraft, city: { ...info.city } as TextDraft, languages: info.languages as UiLanguage[], startsOn: info.startsOn, endsOn: info.endsOn, personalDataUntil: info.personalDataUntil ?? '' });
    });
  }, [token]);
  if (!congress || !form) return null;
  const save = async (event: Event) => {
    event.preventDefault();
    clear();
    setSaved(false);
    try {
      const retention = form.personalDataUntil || null;
      const info = await api<CongressInfo>('/api/congress', {
        method: 'PATCH',
        token,
        body: {
          name: filledTexts(form.name),
          theme: filledTexts(form.theme),
          venue: filledTexts(form.venue),
          city: filledTexts(form.city),
          languages: form.languages,
          startsOn: form.startsOn,
          endsOn: form.endsOn,
          // Sent only when changed: each change of the retention is a row of the audit log.
          ...(retention !== congress.personalDataUntil ? { personalDataUntil: retention } : {}),
        },
      });
      setSaved(true);
      // New dates add or drop days: the sections that show days read them again.
      if (info.startsOn !== congress.startsOn || info.endsOn !== congress.endsOn) onDatesChanged();
    } catch (error) {
      show(error);
    }
  };
  const texts = (key: 'name' | 'theme' | 'venue' | 'city', label: string) => (
    <TextMapInputs id={`field-${key}`} languages={form.languages} texts={form[key]} onChange={(texts) => setForm({ ...form, [key]: texts })} label={(name) => t(label, { language: name })} error={errors[key]} />
  );
  return (
    <form class="card" onSubmit={save} noValidate data-testid="edition-setup">
      <h3>{t('setup.editionTitle')}</h3>
      {general && (
        <p class="field__error" role="alert">
          {general}
        </p>
      )}
      <fieldset class={`field${errors.languages ? ' field--invalid' : ''}`}>
        <legend>{t('editions.languages')}</legend>
        {uiLanguages.map((code) => (
          <label key={code} class="check">
            <input
              type="checkbox"
              checked={form.languages.includes(code)}
              onChange={(event) => setForm({ ...form, languages: event.currentTarget.checked ? [...form.languages, code] : form.languages.filter((kept) => kept !== code) })}
            />{' '}
            {languageName(code, language)}
          </label>
        ))}
        {errors.languages && (
          <p class="field__error" role="alert">
            {errors.languages}
          </p>
        )}
      </fieldset>
      {texts('name', 'editions.nameIn')}
      {texts('theme', 'setup.themeIn')}
      {texts('venue', 'setup.venueIn')}
      {texts('city', 'setup.cityIn')}
      <div class="field-row">
        <Field name="startsOn" error={errors.startsOn} hint={t('setup.datesHint')}>
          <input id="field-startsOn" type="date" value={form.startsOn} onInput={(event) => setForm({ ...form, startsOn: event.currentTarget.value })} />
        </Field>
        <Field name="endsOn" error={errors.endsOn}>
          <input id="field-endsOn" type="date" value={form.endsOn} onInput={(event) => setForm({ ...form, endsOn: event.currentTarget.value })} />
        </Field>
      </div>
      <Field name="personalDataUntil" error={errors.personalDataUntil} hint={t('setup.retentionHint')} optional>
        <input id="field-personalDataUntil" type="date" min={form.endsOn} value={form.personalDataUntil} onInput={(event) => setForm({ ...form, personalDataUntil: event.currentTarget.value })} />
      </Field>
      <button type="submit">{t('setup.saveEdition')}</button>
      {saved && (
        <p class="notice" role="status">
          {t('setup.saved')}
        </p>
      )}
    </form>
  );
}
