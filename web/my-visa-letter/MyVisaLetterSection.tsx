import { formatCalendarDate } from '../../shared/event-time.ts';
import { useEffect, useState } from 'preact/hooks';
import { countryName } from '../../shared/countries.ts';
import type { MyVisaLetter, VisaLetterRequestBody } from '../../shared/visa-letter-schema.ts';
import { api, downloadFile } from '../app/api.ts';
import { eventCongressSlug } from '../app/event-zone.ts';
import { useTranslation } from '../app/i18n.ts';
import { useFormErrors } from '../app/use-form-errors.ts';
import { Field } from '../components/Field.tsx';
import { CountryOptions } from '../components/RegistrationFields.tsx';

const fields = ['passportName', 'nationality', 'passportNumber', 'birthDate', 'passportExpiry', 'consulate'] as const;
type Draft = Record<(typeof fields)[number], string>;
const emptyDraft: Draft = { passportName: '', nationality: '', passportNumber: '', birthDate: '', passportExpiry: '', consulate: '' };

/**
 * A delegate who needs a visa asks the organisers for an invitation letter, follows the request, and downloads the
 * letter once issued, with the code a consulate checks it by. A refused request can be corrected and sent again.
 */
export function MyVisaLetterSection({ token, country }: { token: string; country: string }) {
  const { t, language } = useTranslation();
  const [letter, setLetter] = useState<MyVisaLetter | null | undefined>(undefined);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<Draft>({ ...emptyDraft, nationality: country });
  const [busy, setBusy] = useState(false);
  const { errors, general, clear, show } = useFormErrors(fields);

  useEffect(() => {
    api<MyVisaLetter | null>('/api/me/visa-letter', { token }).then(setLetter, show);
  }, [token]);

  const set = (name: keyof Draft, value: string) => setDraft((current) => ({ ...current, [name]: value }));
  const submit = async (event: Event) => {
    event.preventDefault();
    clear();
    setBusy(true);
    try {
      const body: VisaLetterRequestBody = { ...draft, passportName: draft.passportName.trim(), passportNumber: draft.passportNumber.replace(/\s+/g, ''), consulate: draft.consulate.trim() };
      setLetter(await api<MyVisaLetter>('/api/me/visa-letter', { method: 'POST', token, body }));
      setEditing(false);
    } catch (error) {
      show(error);
    } finally {
      setBusy(false);
    }
  };
  const download = async () => {
    clear();
    try {
      await downloadFile('/api/me/visa-letter.pdf', `visa-letter-${eventCongressSlug() ?? 'congress'}.pdf`, { token });
    } catch (error) {
      show(error);
    }
  };
  const startEditing = () => {
    // A correction starts from what was asked, but the passport number and birth date are typed again: they are not shown back.
    if (letter) setDraft({ ...emptyDraft, passportName: letter.passportName, nationality: letter.nationality, passportExpiry: letter.passportExpiry, consulate: letter.consulate });
    setEditing(true);
  };
  if (letter === undefined && !general) return null;

  const form = (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="visa-letter-form">
      <p class="muted">{t('visa.formIntro')}</p>
      <Field name="passportName" error={errors.passportName} hint={t('visa.passportNameHint')}>
        <input id="field-passportName" value={draft.passportName} autocomplete="name" lang="en" maxLength={120} aria-invalid={errors.passportName ? 'true' : undefined} onInput={(event) => set('passportName', event.currentTarget.value)} />
      </Field>
      <div class="field-row">
        <Field name="nationality" error={errors.nationality}>
          <select id="field-nationality" value={draft.nationality} aria-invalid={errors.nationality ? 'true' : undefined} onChange={(event) => set('nationality', event.currentTarget.value)}>
            <CountryOptions placeholder={t('register.chooseCountry')} />
          </select>
        </Field>
        <Field name="passportNumber" error={errors.passportNumber}>
          <input id="field-passportNumber" value={draft.passportNumber} autocomplete="off" maxLength={20} aria-invalid={errors.passportNumber ? 'true' : undefined} onInput={(event) => set('passportNumber', event.currentTarget.value)} />
        </Field>
      </div>
      <div class="field-row">
        <Field name="birthDate" error={errors.birthDate}>
          <input id="field-birthDate" type="date" value={draft.birthDate} autocomplete="bday" aria-invalid={errors.birthDate ? 'true' : undefined} onInput={(event) => set('birthDate', event.currentTarget.value)} />
        </Field>
        <Field name="passportExpiry" error={errors.passportExpiry}>
          <input id="field-passportExpiry" type="date" value={draft.passportExpiry} aria-invalid={errors.passportExpiry ? 'true' : undefined} onInput={(event) => set('passportExpiry', event.currentTarget.value)} />
        </Field>
      </div>
      <Field name="consulate" error={errors.consulate} hint={t('visa.consulateHint')}>
        <input id="field-consulate" value={draft.consulate} maxLength={200} aria-invalid={errors.consulate ? 'true' : undefined} onInput={(event) => set('consulate', event.currentTarget.value)} />
      </Field>
      <p class="toolbar">
        <button type="submit" disabled={busy}>
          {t('visa.send')}
        </button>
        {letter && (
          <button type="button" class="secondary" onClick={() => setEditing(false)}>
            {t('visa.keep')}
          </button>
        )}
      </p>
    </form>
  );

  return (
    <section class="card" data-testid="my-visa-letter">
      <h2>{t('visa.title')}</h2>
      {general && (
        <p class="field__error" role="alert">
          {general}
        </p>
      )}
      {letter === null && !editing && (
        <>
          <p class="muted">{t('visa.intro')}</p>
          <p>
            <button type="button" class="secondary" onClick={() => setEditing(true)}>
              {t('visa.ask')}
            </button>
          </p>
        </>
      )}
      {letter && (
        <div data-testid="visa-letter-status" data-status={letter.status}>
          <p>
            <span class={`badge badge--visa-${letter.status}`}>{t(`visa.statuses.${letter.status}`)}</span> {t(`visa.explain.${letter.status}`)}
          </p>
          <dl class="facts">
            <dt>{t('fields:passportName')}</dt>
            <dd>{letter.passportName}</dd>
            <dt>{t('fields:nationality')}</dt>
            <dd>{countryName(letter.nationality, language)}</dd>
            <dt>{t('fields:passportNumber')}</dt>
            <dd>{t('visa.endingIn', { end: letter.passportNumberEnd })}</dd>
            <dt>{t('fields:passportExpiry')}</dt>
            <dd>{formatCalendarDate(letter.passportExpiry, language)}</dd>
            <dt>{t('fields:consulate')}</dt>
            <dd>{letter.consulate}</dd>
          </dl>
          {letter.declineReason && (
            <p class="alert" data-testid="visa-letter-reason">
              {t('visa.reason', { reason: letter.declineReason })}
            </p>
          )}
          {letter.status === 'issued' && letter.verificationCode && (
            <>
              <p>
                {t('visa.code')} <strong data-testid="visa-letter-code">{letter.verificationCode}</strong>
              </p>
              <p>
                <button type="button" onClick={() => void download()} data-testid="visa-letter-download">
                  {t('visa.download')}
                </button>
              </p>
            </>
          )}
          {!editing && (letter.status === 'requested' || letter.status === 'declined' || letter.status === 'revoked') && (
            <p>
              <button type="button" class="secondary" onClick={startEditing}>
                {letter.status === 'requested' ? t('visa.correct') : t('visa.askAgain')}
              </button>
            </p>
          )}
        </div>
      )}
      {editing && form}
    </section>
  );
}
