import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Registration } from '../../shared/registration-schema.ts';
import { categoryName, congressCity, formatEventDateTime } from '../app/event-zone.ts';
import { fullName } from '../../shared/person-name.ts';
import { api, ApiRequestError } from '../app/api.ts';
import { useTranslation } from '../app/i18n.ts';
import { useLive } from '../app/live.ts';
import { adoptTokenFromLink, readToken } from '../app/session.ts';
import { useFormErrors } from '../app/use-form-errors.ts';
import { SendLinkAgain } from '../components/SendLinkAgain.tsx';
import { MyDataSection } from '../my-data/MyDataSection.tsx';
import { RegistrationFields, draftToBody, type RegistrationDraft } from '../components/RegistrationFields.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { MyConsultationSection } from '../my-consultation/MyConsultationSection.tsx';
import { MyBadgeSection } from '../my-badge/MyBadgeSection.tsx';
import { MyToursSection } from '../my-tours/MyToursSection.tsx';
import { MyVisaLetterSection } from '../my-visa-letter/MyVisaLetterSection.tsx';
import { pagePath } from '../app/congress-address.ts';

const formFields = ['givenName', 'familyName', 'latinName', 'email', 'country', 'organisation', 'jobTitle', 'languages', 'phone', 'dietary', 'accessibility'];

function toDraft(registration: Registration): RegistrationDraft {
  return {
    givenName: registration.givenName,
    familyName: registration.familyName,
    latinName: registration.latinName ?? '',
    email: registration.email,
    country: registration.country,
    category: registration.category,
    organisation: registration.organisation ?? '',
    jobTitle: registration.jobTitle ?? '',
    languages: registration.languages,
    phone: registration.phone ?? '',
    dietary: registration.dietary ?? '',
    accessibility: registration.accessibility ?? '',
  };
}

export function MyRegistrationPage() {
  const { t, language } = useTranslation();
  const [token] = useState(() => {
    adoptTokenFromLink();
    return readToken('delegate');
  });
  const [registration, setRegistration] = useState<Registration | null>(null);
  const [draft, setDraft] = useState<RegistrationDraft | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // "Saved" shows beside the button that saved, where the eye is, and goes once the form changes again.
  const [saved, setSaved] = useState(false);
  // A link replaced by a newer one (or mistyped) opens nothing: its owner can have the current one mailed.
  const [linkRefused, setLinkRefused] = useState(false);
  const [erased, setErased] = useState(false);
  const { errors, general, clear, show } = useFormErrors(formFields);

  const load = useCallback(async () => {
    try {
      const current = await api<Registration>('/api/me', { token });
      setRegistration(current);
      return current;
    } catch (error) {
      if (error instanceof ApiRequestError && error.status === 401) setLinkRefused(true);
      else show(error);
      return null;
    }
  }, [token]);

  useEffect(() => {
    if (token) void load().then((current) => current && setDraft(toDraft(current)));
  }, [token]);

  const connected = useLive(token, registration ? [`delegate:${registration.id}`] : [], (event) => {
    // Tour changes reach the tour section through its own subscription.
    if (event && event.event.type !== 'registration.changed') return;
    const before = registration?.status;
    void load().then((current) => {
      // Only a change of status is news here; the delegate's own edits are acknowledged beside the button.
      if (current && event && current.status !== before) setNotice(t('me.statusChanged', { status: t(`fields:statuses.${current.status}`) }));
    });
  });

  // After an erasure the link opens nothing any more: the page says what happened, not that the link is wrong.
  if (erased) {
    return (
      <main class="page page--narrow">
        <p class="card notice" role="status" data-testid="erased">
          {t('me.erased')}
        </p>
      </main>
    );
  }
  if (!token || linkRefused) {
    return (
      <main class="page page--narrow">
        <p class="card" data-testid="no-link">{t(linkRefused ? 'me.linkRefused' : 'me.noToken')}</p>
        <SendLinkAgain />
      </main>
    );
  }

  const save = async (event: Event) => {
    event.preventDefault();
    if (!draft) return;
    clear();
    setSaved(false);
    try {
      setRegistration(await api<Registration>('/api/me', { method: 'PATCH', token, body: draftToBody(draft, 'update') }));
      setSaved(true);
    } catch (error) {
      show(error);
    }
  };

  const cancel = async () => {
    if (!confirm(t('me.cancelConfirm'))) return;
    clear();
    try {
      setRegistration(await api<Registration>('/api/me', { method: 'DELETE', token }));
      setNotice(t('me.cancelled'));
    } catch (error) {
      show(error);
    }
  };

  const closed = registration?.status === 'cancelled' || registration?.status === 'declined';
  return (
    <main class="page">
      <section class="card" data-testid="my-registration" data-live={connected ? 'on' : 'off'}>
        <h2>{t('me.heading')}</h2>
        {general && <p class="alert" role="alert">{general}</p>}
        {notice && <p class="notice" role="status">{notice}</p>}
        {registration && (
          <div class="summary">
            <p class="summary__name" dir="auto" data-testid="full-name">{fullName(registration.givenName, registration.familyName)}</p>
            <p>
              <StatusBadge status={registration.status} /> · {categoryName(registration.category, t, language)}
            </p>
            {registration.waitlistPosition !== null && <p>{t('me.waitlistPosition', { position: registration.waitlistPosition })}</p>}
            <p class="muted">{t('me.registeredAt', { when: formatEventDateTime(registration.createdAt, language), zone: congressCity(language) })}</p>
            {!closed && (
              <p class="toolbar no-print">
                <a href={pagePath('/programme')} data-testid="build-agenda">{t('programme:agenda.build')}</a>
                <a href={`webcal://${location.host}${registration.calendarUrl}`} data-testid="agenda-feed" title={t('consultations:mine.calendarHint')}>
                  {t('consultations:mine.calendar')}
                </a>
              </p>
            )}
          </div>
        )}
        {draft && !closed && (
          <form onSubmit={save} noValidate>
            <RegistrationFields
              draft={draft}
              onChange={(next) => {
                setSaved(false);
                setDraft(next);
              }}
              errors={errors}
            />
            <div class="actions">
              <button type="submit">{t('me.save')}</button>
              {saved && (
                <span class="saved-mark" role="status" data-testid="saved">
                  {t('me.saved')}
                </span>
              )}
              <button type="button" class="danger" onClick={() => void cancel()}>
                {t('me.cancel')}
              </button>
            </div>
          </form>
        )}
      </section>
      {registration?.status === 'confirmed' && <MyBadgeSection token={token} />}
      {registration && !closed && registration.consultationRole && <MyConsultationSection token={token} delegateId={registration.id} />}
      {registration && !closed && <MyToursSection token={token} delegateId={registration.id} />}
      {registration && !closed && <MyVisaLetterSection token={token} country={registration.country} />}
      {registration && <MyDataSection token={token} onErased={() => setErased(true)} />}
    </main>
  );
}
