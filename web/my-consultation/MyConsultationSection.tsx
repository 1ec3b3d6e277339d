import { useCallback, useEffect, useState } from 'preact/hooks';
import { meetingOutcomes } from '../../shared/meeting-outcomes.ts';
import type { MyConsultation, Outcome } from '../../shared/consultation-schema.ts';
import { countryName } from '../../shared/countries.ts';
import { formatEventDateTime } from '../app/event-zone.ts';
import { api, downloadFile } from '../app/api.ts';
import { useTranslation } from '../app/i18n.ts';
import { useLive } from '../app/live.ts';
import { MatchingPanel } from './MatchingPanel.tsx';
import { ProfileForm } from '../components/ProfileForm.tsx';
import type { ParticipantProfile } from '../../shared/consultation-directory-schema.ts';

type Meeting = MyConsultation['meetings'][number];

/** A buyer's or supplier's own consultation day: their meetings in time order, and the outcome of each to record. Hidden for other delegates. */
export function MyConsultationSection({ token, delegateId }: { token: string; delegateId: number }) {
  const { t, language } = useTranslation();
  const [day, setDay] = useState<MyConsultation | null>(null);
  const load = useCallback(async () => {
    try {
      setDay(await api<MyConsultation>('/api/me/consultation', { token }));
    } catch {
      // Delegates who speak for no company have no consultation day.
      setDay(null);
    }
  }, [token, language]);
  useEffect(() => void load(), [load]);
  useLive(token, day ? [`delegate:${delegateId}`] : [], (event) => {
    if (!event || event.event.type === 'consultation.changed') void load();
  });
  if (!day) return null;
  return (
    <section class="card" data-testid="my-consultation">
      <h2>{t('consultations:mine.heading')}</h2>
      <p class="muted">{day.participant.company}</p>
      {!day.published && <p>{t('consultations:mine.notPublished')}</p>}
      <div class="toolbar no-print">
        <button type="button" class="secondary" onClick={() => void downloadFile(`/api/me/consultation.pdf?lang=${language}`, `consultation-${day.participant.code}.pdf`, { token })}>
          {t('consultations:mine.pdf')}
        </button>
        <a href={`webcal://${location.host}${day.calendarFeed}`} data-testid="calendar-feed" title={t('consultations:mine.calendarHint')}>
          {t('consultations:mine.calendar')}
        </a>
      </div>
      <MyProfile token={token} slots={day.slots} />
      <MatchingPanel token={token} onChanged={() => void load()} />
      <ol class="tour-list">
        {day.meetings.map((meeting) => (
          <MeetingItem key={meeting.meeting} meeting={meeting} token={token} onSaved={load} />
        ))}
      </ol>
    </section>
  );
}

/** The company's profile, loaded when the participant opens it. */
function MyProfile({ token, slots }: { token: string; slots: MyConsultation['slots'] }) {
  const { t } = useTranslation();
  const [profile, setProfile] = useState<ParticipantProfile | null>(null);
  return (
    <details
      class="card"
      data-testid="my-profile"
      onToggle={(event) => {
        if ((event.currentTarget as HTMLDetailsElement).open && !profile) void api<ParticipantProfile>('/api/me/consultation/profile', { token }).then(setProfile);
      }}
    >
      <summary>{t('consultations:profile.heading')}</summary>
      {profile && <ProfileForm profile={profile} slots={slots} path="/api/me/consultation/profile" token={token} onSaved={setProfile} />}
    </details>
  );
}

function MeetingItem({ meeting, token, onSaved }: { meeting: Meeting; token: string; onSaved: () => Promise<void> }) {
  const { t, language } = useTranslation();
  const [draft, setDraft] = useState<Outcome>(meeting.outcome ?? { attendance: 'held', outcome: 'none' });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const contract = draft.outcome === 'in-progress' || draft.outcome === 'signed';
  const save = async (event: Event) => {
    event.preventDefault();
    try {
      const body = contract ? { ...draft, valueUsd: draft.valueUsd ?? null } : { ...draft, valueUsd: null, hsCodes: null };
      await api(`/api/consultations/meetings/${meeting.meeting}/outcome`, { method: 'PUT', token, body });
      setMessage({ ok: true, text: t('consultations:mine.saved') });
      await onSaved();
    } catch (error) {
      setMessage({ ok: false, text: (error as Error).message });
    }
  };
  return (
    <li class="tour" data-meeting={meeting.meeting}>
      <h3>
        {meeting.startsAt ? `${formatEventDateTime(meeting.startsAt, language)} · ${meeting.table}` : t('consultations:mine.toBeSet')}
      </h3>
      <p>{t('consultations:mine.with', { company: meeting.counterpart.company, country: countryName(meeting.counterpart.country, language) })}</p>
      {meeting.counterpart.products.length > 0 && (
        <p class="small">{t('consultations:mine.products', { products: meeting.counterpart.products.map((product) => product.name).join(' · ') })}</p>
      )}
      {meeting.interpreter && <p class="small">{t('consultations:mine.interpreter', { name: meeting.interpreter })}</p>}
      <form class="field-row outcome-form" onSubmit={(event) => void save(event)}>
        <div class="field">
          <label for={`${meeting.meeting}-attendance`}>{t('fields:attendance')}</label>
          <select id={`${meeting.meeting}-attendance`} value={draft.attendance} onChange={(event) => setDraft({ ...draft, attendance: (event.target as HTMLSelectElement).value as Outcome['attendance'] })}>
          {(['held', 'no-show'] as const).map((value) => (
            <option key={value} value={value}>
              {t(`consultations:mine.attendance.${value}`)}
            </option>
          ))}
          </select>
        </div>
        <div class="field">
          <label for={`${meeting.meeting}-outcome`}>{t('fields:outcome')}</label>
          <select id={`${meeting.meeting}-outcome`} value={draft.outcome} onChange={(event) => setDraft({ ...draft, outcome: (event.target as HTMLSelectElement).value as Outcome['outcome'] })}>
          {meetingOutcomes.map((value) => (
            <option key={value} value={value}>
              {t(`consultations:mine.outcome.${value}`)}
            </option>
          ))}
          </select>
        </div>
        {contract && (
          <div class="field">
            <label for={`${meeting.meeting}-value`}>{t('consultations:mine.value')}</label>
            <input id={`${meeting.meeting}-value`} type="number" min={0} inputMode="numeric" value={draft.valueUsd ?? ''} onInput={(event) => setDraft({ ...draft, valueUsd: Number((event.target as HTMLInputElement).value) || null })} />
          </div>
        )}
        {contract && (
          <fieldset class="checks" data-testid="contract-products">
            <legend class="small">{t('consultations:mine.contractProducts')}</legend>
            {meeting.counterpart.products.map((product) => (
              <label key={product.hs} class="check">
                <input
                  type="checkbox"
                  checked={draft.hsCodes?.includes(product.hs) ?? false}
                  onChange={(event) => {
                    const others = (draft.hsCodes ?? []).filter((hs) => hs !== product.hs);
                    setDraft({ ...draft, hsCodes: event.currentTarget.checked ? [...others, product.hs] : others });
                  }}
                />
                {product.name}
              </label>
            ))}
            <input
              aria-label={t('consultations:mine.productsNote')}
              placeholder={t('consultations:mine.productsNote')}
              maxLength={500}
              value={draft.products ?? ''}
              onInput={(event) => setDraft({ ...draft, products: event.currentTarget.value })}
            />
          </fieldset>
        )}
        <p class="actions">
          <button type="submit" class="secondary">
            {t('consultations:mine.record')}
          </button>
          {message && (
            <span class={message.ok ? 'saved-mark' : 'field__error'} role={message.ok ? 'status' : 'alert'}>
              {message.text}
            </span>
          )}
        </p>
      </form>
    </li>
  );
}
