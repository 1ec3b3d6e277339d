import { useEffect, useState } from 'preact/hooks';
import type { CongressInfo } from '../../shared/congress-schema.ts';
import { inReaderLanguage } from '../../shared/localized-text.ts';
import type { RegistrationCreated } from '../../shared/registration-schema.ts';
import { formatEventDay } from '../../shared/event-time.ts';
import { api, ApiRequestError } from '../app/api.ts';
import { useTranslation } from '../app/i18n.ts';
import { congressName, dayName } from '../app/event-zone.ts';
import { personalLink, storeToken } from '../app/session.ts';
import { useFormErrors } from '../app/use-form-errors.ts';
import { RegistrationFields, draftToBody, emptyDraft, type RegistrationDraft } from '../components/RegistrationFields.tsx';
import { SendLinkAgain } from '../components/SendLinkAgain.tsx';
import { asksForProofOfWork, solveRegistrationChallenge } from './proof-of-work.ts';

export function CongressHeader({ congress }: { congress: CongressInfo }) {
  const { t, language } = useTranslation();
  return (
    <header class="congress">
      <h1>{inReaderLanguage(congress.name, language, congress.languages)}</h1>
      <p class="congress__theme">{inReaderLanguage(congress.theme, language, congress.languages)}</p>
      <p>
        {t('congress.where', {
          venue: inReaderLanguage(congress.venue, language, congress.languages),
          city: inReaderLanguage(congress.city, language, congress.languages),
          start: formatEventDay(congress.startsOn, language),
          end: formatEventDay(congress.endsOn, language),
        })}
      </p>
      <ul class="congress__days">
        {congress.days.map((day) => (
          <li key={day.date}>
            <strong>{formatEventDay(day.date, language)}</strong> {dayName(day, t, language)}
          </li>
        ))}
      </ul>
    </header>
  );
}

function Confirmation({ created, name }: { created: RegistrationCreated; name: string }) {
  const { t, language } = useTranslation();
  const [copied, setCopied] = useState(false);
  const link = personalLink(created.token);
  return (
    <section class={`confirmation confirmation--${created.status}`} data-testid="confirmation" role="status">
      <h2>{t(`confirmation.${created.status}`, { name, congress: congressName(language) })}</h2>
      <p>{t('confirmation.keepLink')}</p>
      <p class="confirmation__link">
        <a href={link} data-testid="personal-link">{t('confirmation.openLink')}</a>
        <button type="button" class="secondary" onClick={() => void navigator.clipboard?.writeText(link).then(() => setCopied(true))}>
          {copied ? t('confirmation.copied') : t('confirmation.copy')}
        </button>
      </p>
    </section>
  );
}

const formFields = ['givenName', 'familyName', 'latinName', 'email', 'country', 'category', 'organisation', 'jobTitle', 'languages', 'phone', 'dietary', 'accessibility'];

export function RegisterPage() {
  const { t } = useTranslation();
  const [congress, setCongress] = useState<CongressInfo | null>(null);
  const [draft, setDraft] = useState<RegistrationDraft>(emptyDraft);
  // One key per attempt: resending the same attempt after a lost answer cannot register twice.
  const [attemptKey, setAttemptKey] = useState(() => crypto.randomUUID());
  const [sending, setSending] = useState(false);
  const [checking, setChecking] = useState(false);
  const [created, setCreated] = useState<RegistrationCreated | null>(null);
  const { errors, general, clear, show } = useFormErrors(formFields);
  // An address registered already: its owner can have the personal link mailed again from here.
  const [emailTaken, setEmailTaken] = useState(false);

  useEffect(() => {
    api<CongressInfo>('/api/congress').then(setCongress, show);
  }, []);

  const change = (next: RegistrationDraft) => {
    setDraft(next);
    setAttemptKey(crypto.randomUUID());
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    clear();
    setEmailTaken(false);
    setSending(true);
    const send = (challenge?: string) =>
      api<RegistrationCreated>('/api/registrations', {
        method: 'POST',
        body: { ...draftToBody(draft, 'register'), ...(challenge ? { challenge } : {}) },
        headers: { 'idempotency-key': attemptKey },
      });
    try {
      const answer = await send().catch(async (error: unknown) => {
        if (!asksForProofOfWork(error)) throw error;
        setChecking(true);
        return send(await solveRegistrationChallenge());
      });
      storeToken('delegate', answer.token);
      setCreated(answer);
    } catch (error) {
      show(error);
      setEmailTaken(error instanceof ApiRequestError && error.status === 409 && error.field === 'email');
    } finally {
      setSending(false);
      setChecking(false);
    }
  };

  return (
    <main class="page">
      {congress && <CongressHeader congress={congress} />}
      {created ? (
        <Confirmation created={created} name={draft.givenName.trim()} />
      ) : congress && !congress.registrationOpen ? (
        <p class="card" data-testid="registration-closed">{t('register.closed')}</p>
      ) : (
        <form class="card" onSubmit={submit} noValidate data-testid="registration-form">
          <h2>{t('register.heading')}</h2>
          <p class="muted">{t('register.intro')}</p>
          {general && <p class="alert" role="alert">{general}</p>}
          <RegistrationFields draft={draft} onChange={change} errors={errors} categories={congress?.categories ?? []} emailExtra={emailTaken && <SendLinkAgain email={draft.email} compact />} />
          <button type="submit" disabled={sending}>
            {checking ? t('register.checking') : sending ? t('register.sending') : t('register.submit')}
          </button>
        </form>
      )}
    </main>
  );
}
