import { useState } from 'preact/hooks';
import type { ParticipantProfile, ProfilePatch } from '../../shared/consultation-directory-schema.ts';
import { formatEventDateTime } from '../app/event-zone.ts';
import { pilotClusters } from '../../shared/pilot-clusters.ts';
import { api } from '../app/api.ts';
import { useTranslation } from '../app/i18n.ts';
import { useFormErrors } from '../app/use-form-errors.ts';
import { ChipPicker } from './ChipPicker.tsx';
import { Field } from './Field.tsx';
import { LanguageChips } from './LanguageChips.tsx';
import { useCountryOptions } from './RegistrationFields.tsx';

const profileFields = ['company', 'country', 'languages', 'hsCodes', 'annualPurchaseUsd', 'wants', 'complex', 'miniCluster', 'exportMarkets', 'certifications', 'available'] as const;
const list = (text: string) => text.split(/[\s,;]+/).map((entry) => entry.trim()).filter(Boolean);
const sameList = (a: readonly string[] | null, b: readonly string[] | null) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A buyer's or supplier's profile as a form, for the participant themselves (`path` = their own) or an organiser.
 * Only what changed is sent; the server's refusal appears beside the field it names.
 */
export function ProfileForm({
  profile,
  slots,
  path,
  token,
  onSaved,
}: {
  profile: ParticipantProfile;
  slots: { id: string; start: string }[];
  path: string;
  token: string;
  onSaved: (profile: ParticipantProfile) => void;
}) {
  const { t, language } = useTranslation();
  const countries = useCountryOptions(language);
  const { errors, general, clear, show } = useFormErrors(profileFields);
  const [saved, setSaved] = useState(false);
  const [company, setCompany] = useState(profile.company);
  const [country, setCountry] = useState(profile.country);
  const [languages, setLanguages] = useState(profile.languages);
  const [hsCodes, setHsCodes] = useState(profile.products.map((product) => product.hs).join(', '));
  const [annualPurchaseUsd, setAnnualPurchaseUsd] = useState(profile.annualPurchaseUsd === null ? '' : String(profile.annualPurchaseUsd));
  const [wants, setWants] = useState(profile.wants ?? '');
  const [complex, setComplex] = useState(profile.complex ?? '');
  const [miniCluster, setMiniCluster] = useState(profile.miniCluster ?? '');
  const [exportMarkets, setExportMarkets] = useState(profile.exportMarkets);
  const [certifications, setCertifications] = useState(profile.certifications.join(', '));
  const [available, setAvailable] = useState<string[] | null>(profile.available);
  const buyer = profile.role === 'buyer';

  const changes = (): ProfilePatch => {
    const patch: ProfilePatch = {};
    if (company !== profile.company) patch.company = company;
    if (country !== profile.country) patch.country = country;
    if (!sameList(languages, profile.languages)) patch.languages = languages;
    if (!sameList(list(hsCodes), profile.products.map((product) => product.hs))) patch.hsCodes = list(hsCodes);
    // Certification names have spaces ("ISO 13485"): only commas separate them.
    const certificationList = certifications.split(',').map((entry) => entry.trim()).filter(Boolean);
    if (!sameList(certificationList, profile.certifications)) patch.certifications = certificationList;
    if (!sameList(available, profile.available)) patch.available = available;
    if (buyer) {
      const volume = annualPurchaseUsd.trim() === '' ? null : Number(annualPurchaseUsd);
      if (volume !== profile.annualPurchaseUsd) patch.annualPurchaseUsd = volume;
      if ((wants.trim() || null) !== profile.wants) patch.wants = wants.trim() || null;
    } else {
      if ((complex || null) !== profile.complex) patch.complex = (complex || null) as ProfilePatch['complex'];
      if ((miniCluster.trim() || null) !== profile.miniCluster) patch.miniCluster = miniCluster.trim() || null;
      if (!sameList(exportMarkets, profile.exportMarkets)) patch.exportMarkets = exportMarkets;
    }
    return patch;
  };

  const save = async (event: Event) => {
    event.preventDefault();
    clear();
    setSaved(false);
    const patch = changes();
    if (Object.keys(patch).length === 0) return setSaved(true);
    try {
      onSaved(await api<ParticipantProfile>(path, { method: 'PATCH', token, body: patch }));
      setSaved(true);
    } catch (error) {
      show(error);
    }
  };
  const text = (name: (typeof profileFields)[number], value: string, set: (value: string) => void, hint?: string) => (
    <Field name={name} error={errors[name]} {...(hint ? { hint } : {})}>
      <input id={`field-${name}`} name={name} value={value} aria-invalid={errors[name] ? 'true' : undefined} onInput={(event) => set(event.currentTarget.value)} />
    </Field>
  );

  return (
    <form class="profile-form" onSubmit={(event) => void save(event)} data-testid={`profile-${profile.code}`}>
      {general && <p class="alert" role="alert">{general}</p>}
      {text('company', company, setCompany)}
      <Field name="country" error={errors.country}>
        <select id="field-country" name="country" value={country} onChange={(event) => setCountry(event.currentTarget.value)}>
          {countries.map((option) => (
            <option key={option.code} value={option.code}>
              {option.name}
            </option>
          ))}
        </select>
      </Field>
      <Field name="languages" error={errors.languages}>
        <LanguageChips id="field-languages" value={languages} onChange={setLanguages} invalid={Boolean(errors.languages)} />
      </Field>
      {text('hsCodes', hsCodes, setHsCodes, profile.products.map((product) => `${product.hs} ${product.name}`).join(' · '))}
      {buyer ? (
        <>
          <Field name="annualPurchaseUsd" error={errors.annualPurchaseUsd} optional>
            <input id="field-annualPurchaseUsd" name="annualPurchaseUsd" type="number" min={0} step={1} value={annualPurchaseUsd} onInput={(event) => setAnnualPurchaseUsd(event.currentTarget.value)} />
          </Field>
          <Field name="wants" error={errors.wants} optional>
            <textarea id="field-wants" name="wants" maxLength={1000} value={wants} onInput={(event) => setWants(event.currentTarget.value)} />
          </Field>
        </>
      ) : (
        <>
          <Field name="complex" error={errors.complex}>
            <select id="field-complex" name="complex" value={complex} onChange={(event) => setComplex(event.currentTarget.value)}>
              <option value="">–</option>
              {pilotClusters.map((code) => (
                <option key={code} value={code}>
                  {t(`consultations:clusters.${code}`)}
                </option>
              ))}
            </select>
          </Field>
          {text('miniCluster', miniCluster, setMiniCluster)}
          <Field name="exportMarkets" error={errors.exportMarkets}>
            <ChipPicker
              id="field-exportMarkets"
              value={exportMarkets}
              options={countries.map((option) => ({ value: option.code, label: option.name }))}
              onChange={setExportMarkets}
              addLabel={t('consultations:profile.addMarket')}
              invalid={Boolean(errors.exportMarkets)}
            />
          </Field>
        </>
      )}
      {text('certifications', certifications, setCertifications)}
      <Field name="available" error={errors.available}>
        <div class="checks" id="field-available">
          {slots.map((slot) => (
            <label key={slot.id} class="check">
              <input
                type="checkbox"
                checked={available === null || available.includes(slot.id)}
                onChange={(event) => {
                  const current = available ?? slots.map((each) => each.id);
                  const next = event.currentTarget.checked ? [...current, slot.id] : current.filter((id) => id !== slot.id);
                  // Every slot ticked is "all day".
                  setAvailable(next.length === slots.length ? null : slots.map((each) => each.id).filter((id) => next.includes(id)));
                }}
              />
              {formatEventDateTime(slot.start, language)}
            </label>
          ))}
        </div>
      </Field>
      <button type="submit">{t('consultations:profile.save')}</button>
      {saved && <span role="status"> {t('consultations:profile.saved')}</span>}
    </form>
  );
}
