import { formatCalendarRange } from '../../shared/event-time.ts';
import { useEffect, useState } from 'preact/hooks';
import type { CongressSummary } from '../../shared/congress-schema.ts';
import { languageName, uiLanguages, type UiLanguage } from '../../shared/languages.ts';
import { inReaderLanguage } from '../../shared/localized-text.ts';
import { api, ApiRequestError } from '../app/api.ts';
import { addressedSlug } from '../app/congress-address.ts';
import { eventCongressSlug } from '../app/event-zone.ts';
import { useTranslation } from '../app/i18n.ts';
import { useFormErrors } from '../app/use-form-errors.ts';
import { Field } from '../components/Field.tsx';

const formFields = ['slug', 'name', 'startsOn', 'endsOn', 'venue', 'city', 'timeZone', 'languages', 'copyFrom'] as const;
const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
// The browser's own zone first when the list leaves it out (UTC is not in every runtime's list).
const timeZones: readonly string[] = [...new Set([...(Intl.supportedValuesOf('timeZone').includes(browserZone) ? [] : [browserZone]), ...Intl.supportedValuesOf('timeZone')])];

function EditionList({ editions }: { editions: CongressSummary[] }) {
  const { t, language } = useTranslation();
  const current = addressedSlug ?? eventCongressSlug();
  return (
    <div class="table-scroll card">
      <table class="listing" data-testid="editions">
        <thead>
          <tr>
            <th scope="col">{t('editions.edition')}</th>
            <th scope="col">{t('editions.dates')}</th>
            <th scope="col">{t('editions.zone')}</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {editions.map((edition) => (
            <tr key={edition.slug} data-edition={edition.slug}>
              <td>
                <strong>{inReaderLanguage(edition.name, language)}</strong> · {inReaderLanguage(edition.city, language)}
                <span class="muted small">
                  {' '}
                  {[t(`team.roles.${edition.role}`), edition.slug === current && t('editions.current'), edition.isDefault && t('editions.default'), edition.archived && t('editions.archived')].filter(Boolean).join(' · ')}
                </span>
              </td>
              <td>{formatCalendarRange(edition.startsOn, edition.endsOn, language, 'medium')}</td>
              <td>{edition.timeZone}</td>
              <td class="listing__actions">
                {/* Another edition is another page: its zone and texts load afresh. */}
                <a href={`/c/${edition.slug}/`}>{t('editions.open')}</a>
                <a href={`/c/${edition.slug}/organiser`}>{t('editions.organise')}</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The installation's editions, and a new one made from scratch or by copying an earlier one. */
export function EditionsPage({ token, canCreate, onSignOut }: { token: string; canCreate: boolean; onSignOut: () => void }) {
  const { t, language } = useTranslation();
  const [editions, setEditions] = useState<CongressSummary[]>([]);
  const [form, setForm] = useState({ slug: '', name: '', startsOn: '', endsOn: '', venue: '', city: '', timeZone: browserZone, copyFrom: '', copyProgramme: false });
  const [languages, setLanguages] = useState<UiLanguage[]>([language]);
  const [created, setCreated] = useState<string | null>(null);
  const { errors, general, clear, show } = useFormErrors(formFields);

  const load = () =>
    api<CongressSummary[]>('/api/congresses', { token }).then(setEditions, (error: unknown) => {
      if (error instanceof ApiRequestError && error.status === 401) onSignOut();
      show(error);
    });
  useEffect(() => void load(), [token]);

  const set = (key: keyof typeof form) => (event: Event) => {
    const target = event.currentTarget as HTMLInputElement;
    setForm({ ...form, [key]: target.type === 'checkbox' ? target.checked : target.value });
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    clear();
    setCreated(null);
    const { copyFrom, copyProgramme, name, venue, city, ...rest } = form;
    try {
      await api('/api/congresses', {
        method: 'POST',
        token,
        // Written in the reader's language; the edition's other languages are added in its set-up.
        body: { ...rest, name: { [language]: name }, venue: { [language]: venue }, city: { [language]: city }, languages, ...(copyFrom ? { copyFrom, copyProgramme } : {}) },
      });
      setCreated(name);
      await load();
    } catch (error) {
      show(error);
    }
  };

  const input = (key: 'slug' | 'startsOn' | 'endsOn' | 'venue' | 'city', type = 'text') => (
    <input
      id={`field-${key}`}
      type={type}
      value={form[key]}
      required
      aria-invalid={errors[key] ? 'true' : undefined}
      aria-describedby={errors[key] ? `error-${key}` : undefined}
      onInput={set(key)}
    />
  );
  return (
    <section data-testid="editions-page">
      <h2>{t('editions.title')}</h2>
      <p class="muted">{t('editions.intro')}</p>
      <EditionList editions={editions} />

      {canCreate && (
        <form class="card" onSubmit={submit} noValidate>
          <h3>{t('editions.newTitle')}</h3>
          {general && (
            <p class="field__error" role="alert">
              {general}
            </p>
          )}
          <div class="field-row">
            <div class={`field${errors.name ? ' field--invalid' : ''}`}>
              <label for="field-name">{t('editions.nameIn', { language: languageName(language, language) })}</label>
              <input id="field-name" value={form.name} required aria-invalid={errors.name ? 'true' : undefined} aria-describedby={errors.name ? 'error-name' : undefined} onInput={set('name')} />
              {errors.name && (
                <p class="field__error" role="alert" id="error-name">
                  {errors.name}
                </p>
              )}
            </div>
            <Field name="slug" error={errors.slug} hint={t('editions.slugHint')}>
              {input('slug')}
            </Field>
          </div>
          <div class="field-row">
            <Field name="startsOn" error={errors.startsOn}>
              {input('startsOn', 'date')}
            </Field>
            <Field name="endsOn" error={errors.endsOn}>
              {input('endsOn', 'date')}
            </Field>
          </div>
          <div class="field-row">
            <Field name="venue" error={errors.venue}>
              {input('venue')}
            </Field>
            <Field name="city" error={errors.city}>
              {input('city')}
            </Field>
            <Field name="timeZone" error={errors.timeZone}>
              <select id="field-timeZone" value={form.timeZone} onChange={set('timeZone')} aria-invalid={errors.timeZone ? 'true' : undefined}>
                {timeZones.map((zone) => (
                  <option key={zone} value={zone}>
                    {zone.replace(/_/g, ' ')}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <fieldset class={`field${errors.languages ? ' field--invalid' : ''}`} id="field-languages">
            <legend>{t('editions.languages')}</legend>
            {uiLanguages.map((code) => (
              <label key={code} class="check">
                <input
                  type="checkbox"
                  checked={languages.includes(code)}
                  onChange={(event) => setLanguages(event.currentTarget.checked ? [...languages, code] : languages.filter((kept) => kept !== code))}
                />{' '}
                {languageName(code, language)}
              </label>
            ))}
            {errors.languages && (
              <p class="field__error" role="alert" id="error-languages">
                {errors.languages}
              </p>
            )}
          </fieldset>
          <div class="field-row">
            <Field name="copyFrom" error={errors.copyFrom}>
              <select id="field-copyFrom" value={form.copyFrom} onChange={set('copyFrom')}>
                <option value="">{t('editions.copyNone')}</option>
                {editions.filter((edition) => edition.role === 'owner' || edition.role === 'organiser').map((edition) => (
                  <option key={edition.slug} value={edition.slug}>
                    {inReaderLanguage(edition.name, language)} · {inReaderLanguage(edition.city, language)}
                  </option>
                ))}
              </select>
            </Field>
            {form.copyFrom && (
              <label class="check field">
                <input type="checkbox" checked={form.copyProgramme} onChange={set('copyProgramme')} /> {t('editions.copyProgramme')}
              </label>
            )}
          </div>
          <button type="submit">{t('editions.create')}</button>
          {created && (
            <p class="notice" role="status">
              {t('editions.created', { name: created })}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
