import { useEffect, useState } from 'preact/hooks';
import { delegateStatuses } from '../../shared/delegate-status.ts';
import type { MailingFilter } from '../../shared/mailing-schema.ts';
import type { TourView } from '../../shared/tour-schema.ts';
import { api } from '../app/api.ts';
import { categoryName, eventCategoryCodes } from '../app/event-zone.ts';
import { useTranslation } from '../app/i18n.ts';
import { ChipPicker } from '../components/ChipPicker.tsx';
import { useCountryOptions } from '../components/RegistrationFields.tsx';

/** Ticks for a list of values: every value a box, the chosen ones ticked. */
function Ticks<T extends string>({ legend, values, chosen, label, onChange }: { legend: string; values: readonly T[]; chosen: T[]; label: (value: T) => string; onChange: (values: T[]) => void }) {
  return (
    <fieldset class="ticks">
      <legend>{legend}</legend>
      {values.map((value) => (
        <label key={value} class="tick">
          <input type="checkbox" checked={chosen.includes(value)} onChange={(event) => onChange(event.currentTarget.checked ? [...chosen, value] : chosen.filter((kept) => kept !== value))} />
          {label(value)}
        </label>
      ))}
    </fieldset>
  );
}

/** Whom a message goes to, by name everywhere: statuses, categories, countries, tours, consultation roles and check-in. */
export function RecipientFilter({ filter, onChange, error }: { filter: MailingFilter; onChange: (filter: MailingFilter) => void; error?: string | undefined }) {
  const { t, language } = useTranslation();
  const [tours, setTours] = useState<TourView[]>([]);
  const countries = useCountryOptions(language);
  useEffect(() => {
    api<TourView[]>('/api/tours').then(setTours, () => setTours([]));
  }, [language]);
  // An empty list means "any": the key is left out of the filter.
  const set = <K extends keyof MailingFilter>(key: K, value: MailingFilter[K] | undefined) => {
    const next = { ...filter };
    if (value === undefined || (Array.isArray(value) && value.length === 0)) delete next[key];
    else next[key] = value;
    onChange(next);
  };
  return (
    <div class={`recipient-filter${error ? ' field--invalid' : ''}`} id="field-filter" tabIndex={-1} data-testid="recipient-filter">
      <Ticks legend={t('messages.statuses')} values={delegateStatuses} chosen={filter.statuses ?? ['confirmed']} label={(status) => t(`fields:statuses.${status}`)} onChange={(statuses) => set('statuses', statuses.length === 0 ? ['confirmed'] : statuses)} />
      <Ticks legend={t('messages.categories')} values={eventCategoryCodes()} chosen={filter.categories ?? []} label={(code) => categoryName(code, t, language)} onChange={(categories) => set('categories', categories)} />
      <div class="field">
        <label for="filter-countries">{t('messages.countries')}</label>
        <ChipPicker id="filter-countries" value={filter.countries ?? []} options={countries.map(({ code, name }) => ({ value: code, label: name }))} onChange={(chosen) => set('countries', chosen)} addLabel={t('messages.addCountry')} />
      </div>
      {tours.length > 0 && <Ticks legend={t('messages.tours')} values={tours.map((tour) => tour.code)} chosen={filter.tours ?? []} label={(code) => tours.find((tour) => tour.code === code)?.title ?? code} onChange={(chosen) => set('tours', chosen)} />}
      <Ticks legend={t('messages.roles')} values={['buyer', 'supplier'] as const} chosen={filter.consultationRoles ?? []} label={(role) => t(`messages.role.${role}`)} onChange={(roles) => set('consultationRoles', roles)} />
      <div class="field">
        <label for="filter-checked-in">{t('messages.checkedIn')}</label>
        <select id="filter-checked-in" value={filter.checkedIn === undefined ? '' : String(filter.checkedIn)} onChange={(event) => set('checkedIn', event.currentTarget.value === '' ? undefined : event.currentTarget.value === 'true')}>
          <option value="">{t('messages.checkedInAny')}</option>
          <option value="true">{t('messages.checkedInYes')}</option>
          <option value="false">{t('messages.checkedInNo')}</option>
        </select>
      </div>
      <p class="muted small">{t('messages.filterHint')}</p>
      {error && (
        <p class="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
