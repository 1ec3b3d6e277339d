import { useState } from 'preact/hooks';
import type { ParticipantProfile } from '../../shared/consultation-directory-schema.ts';
import { api } from '../app/api.ts';
import { useTranslation } from '../app/i18n.ts';
import { useFormErrors } from '../app/use-form-errors.ts';
import { Field } from '../components/Field.tsx';
import { LanguageChips } from '../components/LanguageChips.tsx';
import { CountryOptions } from '../components/RegistrationFields.tsx';

const empty = { code: '', role: 'buyer' as 'buyer' | 'supplier', company: '', country: '', languages: [] as string[] };

/** A buyer or supplier added by hand, the rest of the profile to follow in the profile form. */
export function AddParticipantForm({ token, onAdded }: { token: string; onAdded: (profile: ParticipantProfile) => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState(empty);
  const [notice, setNotice] = useState<string | null>(null);
  const { errors, general, clear, show } = useFormErrors(['code', 'role', 'company', 'country', 'languages']);
  const set = (key: keyof typeof empty) => (event: Event) => setForm({ ...form, [key]: (event.currentTarget as HTMLInputElement).value });
  const submit = async (event: Event) => {
    event.preventDefault();
    clear();
    setNotice(null);
    try {
      const profile = await api<ParticipantProfile>('/api/consultations/participants', { method: 'POST', token, body: form });
      setNotice(t('consultations:roster.added', { company: profile.company }));
      setForm(empty);
      onAdded(profile);
    } catch (error) {
      show(error);
    }
  };
  const described = (key: string) => ({ 'aria-invalid': errors[key] ? ('true' as const) : undefined, 'aria-describedby': errors[key] ? `error-${key}` : undefined });
  return (
    <form class="card" onSubmit={submit} noValidate data-testid="add-participant">
      <h3>{t('consultations:roster.addTitle')}</h3>
      {general && (
        <p class="field__error" role="alert">
          {general}
        </p>
      )}
      <div class="field-row">
        <Field name="code" error={errors.code}>
          <input id="field-code" value={form.code} maxLength={40} onInput={set('code')} {...described('code')} />
        </Field>
        <Field name="role" error={errors.role}>
          <select id="field-role" value={form.role} onChange={set('role')}>
            <option value="buyer">{t('fields:buyer')}</option>
            <option value="supplier">{t('fields:supplier')}</option>
          </select>
        </Field>
        <Field name="company" error={errors.company}>
          <input id="field-company" value={form.company} maxLength={200} onInput={set('company')} {...described('company')} />
        </Field>
      </div>
      <div class="field-row">
        <Field name="country" error={errors.country}>
          <select id="field-country" value={form.country} onChange={set('country')} {...described('country')}>
            <CountryOptions placeholder="–" />
          </select>
        </Field>
        <Field name="languages" error={errors.languages}>
          <LanguageChips id="field-languages" value={form.languages} onChange={(languages) => setForm({ ...form, languages })} invalid={Boolean(errors.languages)} />
        </Field>
      </div>
      <button type="submit">{t('consultations:roster.add')}</button>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
    </form>
  );
}
