import { formatCalendarDate } from '../../shared/event-time.ts';
import { useEffect, useState } from 'preact/hooks';
import { countryName } from '../../shared/countries.ts';
import type { VisaLetterQueue, VisaLetterReview, VisaLetterSettings } from '../../shared/visa-letter-schema.ts';
import { api, ApiRequestError } from '../app/api.ts';
import { eventLanguages, formatEventDateTime } from '../app/event-zone.ts';
import { useTranslation } from '../app/i18n.ts';
import { useFormErrors } from '../app/use-form-errors.ts';
import { editedLanguages, filledTexts, TextMapInputs, type TextDraft } from '../components/TextMapInputs.tsx';

const statuses = ['requested', 'issued', 'declined', 'revoked'] as const;
type Status = (typeof statuses)[number];

const calendarDate = (date: string, language: string) => (date ? formatCalendarDate(date, language, 'medium') : '');

/** One request as organisers decide it: the passport as typed beside the registration, and the decision's buttons. */
function Request({ letter, token, onDecided }: { letter: VisaLetterReview; token: string; onDecided: () => void }) {
  const { t, language } = useTranslation();
  const [refusing, setRefusing] = useState<'decline' | 'revoke' | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const { errors, general, clear, show } = useFormErrors(['reason'], `visa-${letter.id}`);
  const decide = async (action: 'approve' | 'decline' | 'revoke') => {
    clear();
    setBusy(true);
    try {
      await api(`/api/visa-letters/${letter.id}/${action}`, { method: 'POST', token, ...(action === 'approve' ? {} : { body: { reason } }) });
      setRefusing(null);
      onDecided();
    } catch (error) {
      show(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <tr data-testid="visa-request" data-id={letter.id} data-status={letter.status}>
      <td>
        <strong>{letter.delegateName}</strong>
        <span class="muted small">
          {' '}
          · {countryName(letter.country, language)}
          {letter.organisation ? ` · ${letter.organisation}` : ''}
        </span>
        {letter.delegateStatus !== 'confirmed' && <p class="small field__error">{t(`fields:statuses.${letter.delegateStatus}`)}</p>}
      </td>
      <td>
        <strong lang="en">{letter.passportName}</strong>
        <p class="small">
          {countryName(letter.nationality, language)} · {letter.passportNumber}
        </p>
        <p class="small muted">
          {t('visaLetters.born', { date: calendarDate(letter.birthDate, language) })} · {t('visaLetters.validUntil', { date: calendarDate(letter.passportExpiry, language) })}
        </p>
        <p class="small muted">{letter.consulate}</p>
      </td>
      <td>
        <span class={`badge badge--visa-${letter.status}`}>{t(`visa.statuses.${letter.status}`)}</span>
        <p class="small muted">{formatEventDateTime(letter.decidedAt ?? letter.requestedAt, language)}</p>
        {letter.verificationCode && letter.status !== 'requested' && <p class="small">{letter.verificationCode}</p>}
        {letter.declineReason && <p class="small">{letter.declineReason}</p>}
      </td>
      <td>
        {letter.status === 'requested' && !refusing && (
          <p class="toolbar">
            <button type="button" disabled={busy} onClick={() => void decide('approve')} data-action="approve">
              {t('visaLetters.issue')}
            </button>
            <button type="button" class="secondary" onClick={() => setRefusing('decline')} data-action="decline">
              {t('visaLetters.decline')}
            </button>
          </p>
        )}
        {letter.status === 'issued' && !refusing && (
          <button type="button" class="secondary" onClick={() => setRefusing('revoke')} data-action="revoke">
            {t('visaLetters.revoke')}
          </button>
        )}
        {refusing && (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void decide(refusing);
            }}
            noValidate
          >
            <label for={`visa-${letter.id}-reason`}>{t('visaLetters.reasonLabel')}</label>
            <textarea id={`visa-${letter.id}-reason`} rows={3} maxLength={1000} value={reason} aria-invalid={errors.reason ? 'true' : undefined} onInput={(event) => setReason(event.currentTarget.value)} />
            {errors.reason && (
              <p class="field__error" role="alert">
                {errors.reason}
              </p>
            )}
            <p class="toolbar">
              <button type="submit" class="danger" disabled={busy}>
                {refusing === 'decline' ? t('visaLetters.confirmDecline') : t('visaLetters.confirmRevoke')}
              </button>
              <button type="button" class="secondary" onClick={() => setRefusing(null)}>
                {t('visaLetters.back')}
              </button>
            </p>
          </form>
        )}
        {general && (
          <p class="field__error" role="alert">
            {general}
          </p>
        )}
      </td>
    </tr>
  );
}

/** What every letter of the edition says beyond the delegate's data: who signs it and what the organisers cover. */
function LetterWording({ token }: { token: string }) {
  const { t } = useTranslation();
  const [signatory, setSignatory] = useState('');
  const [titles, setTitles] = useState<TextDraft>({});
  const [covers, setCovers] = useState<TextDraft>({});
  const [saved, setSaved] = useState(false);
  const [loaded, setLoaded] = useState<VisaLetterSettings | null>(null);
  const { errors, general, clear, show } = useFormErrors(['signatory', 'signatoryTitle', 'covers']);
  useEffect(() => {
    api<VisaLetterSettings | null>('/api/visa-letters/settings', { token }).then((settings) => {
      setLoaded(settings);
      if (!settings) return;
      setSignatory(settings.signatory);
      setTitles(settings.signatoryTitle as TextDraft);
      setCovers(settings.covers as TextDraft);
    }, show);
  }, [token]);
  const save = async (event: Event) => {
    event.preventDefault();
    clear();
    setSaved(false);
    try {
      setLoaded(await api<VisaLetterSettings>('/api/visa-letters/settings', { method: 'PUT', token, body: { signatory: signatory.trim(), signatoryTitle: filledTexts(titles), covers: filledTexts(covers) } }));
      setSaved(true);
    } catch (error) {
      show(error);
    }
  };
  const languages = editedLanguages(eventLanguages(), loaded?.signatoryTitle, loaded?.covers);
  return (
    <form class="card" onSubmit={(event) => void save(event)} noValidate data-testid="visa-letter-wording">
      <h3>{t('visaLetters.wording')}</h3>
      <p class="muted">{t('visaLetters.wordingIntro')}</p>
      {general && (
        <p class="field__error" role="alert">
          {general}
        </p>
      )}
      <div class={`field${errors.signatory ? ' field--invalid' : ''}`}>
        <label for="field-signatory">{t('fields:signatory')}</label>
        <input id="field-signatory" value={signatory} maxLength={120} aria-invalid={errors.signatory ? 'true' : undefined} onInput={(event) => setSignatory(event.currentTarget.value)} />
        {errors.signatory && <p class="field__error" role="alert">{errors.signatory}</p>}
      </div>
      <fieldset>
        <legend>{t('fields:signatoryTitle')}</legend>
        <TextMapInputs id="field-signatoryTitle" languages={languages} texts={titles} onChange={setTitles} label={(name) => t('visaLetters.inLanguage', { language: name })} error={errors.signatoryTitle} maxLength={500} />
      </fieldset>
      <fieldset>
        <legend>{t('fields:covers')}</legend>
        <TextMapInputs id="field-covers" languages={languages} texts={covers} onChange={setCovers} label={(name) => t('visaLetters.inLanguage', { language: name })} error={errors.covers} multiline maxLength={500} />
      </fieldset>
      <p class="toolbar">
        <button type="submit">{t('visaLetters.saveWording')}</button>
        {saved && (
          <span role="status" class="muted">
            {t('visaLetters.saved')}
          </span>
        )}
      </p>
    </form>
  );
}

/** The organisers' queue of visa letter requests: waiting ones first, each decided in its row; and the letters' wording. */
export function VisaLettersPage({ token, onSignOut }: { token: string; onSignOut: () => void }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status>('requested');
  const [queue, setQueue] = useState<VisaLetterQueue | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    api<VisaLetterQueue>(`/api/visa-letters?status=${status}`, { token }).then(
      (next) => {
        setQueue(next);
        setError(null);
      },
      (caught: unknown) => {
        if (caught instanceof ApiRequestError && caught.status === 401) onSignOut();
        setError((caught as Error).message);
      },
    );
  }, [token, status, tick]);
  return (
    <section data-testid="visa-letters-page">
      <h2>{t('visaLetters.title')}</h2>
      <p class="muted">{t('visaLetters.intro')}</p>
      {error && (
        <p class="field__error" role="alert">
          {error}
        </p>
      )}
      {queue && (
        <>
          <p class="toolbar" role="group" aria-label={t('visaLetters.filter')}>
            {statuses.map((each) => (
              <button key={each} type="button" class={status === each ? undefined : 'secondary'} aria-pressed={status === each} onClick={() => setStatus(each)} data-status={each}>
                {t(`visa.statuses.${each}`)} · {queue.counts[each]}
              </button>
            ))}
          </p>
          <div class="card table-scroll">
            {queue.items.length === 0 ? (
              <p class="muted">{t('visaLetters.none')}</p>
            ) : (
              <table class="listing" data-testid="visa-requests">
                <thead>
                  <tr>
                    <th scope="col">{t('visaLetters.delegate')}</th>
                    <th scope="col">{t('visaLetters.passport')}</th>
                    <th scope="col">{t('visaLetters.status')}</th>
                    <th scope="col">{t('visaLetters.decision')}</th>
                  </tr>
                </thead>
                <tbody>
                  {queue.items.map((letter) => (
                    <Request key={`${letter.id}-${letter.status}`} letter={letter} token={token} onDecided={() => setTick((value) => value + 1)} />
                  ))}
                </tbody>
              </table>
            )}
          </div>
        </>
      )}
      <LetterWording token={token} />
    </section>
  );
}
