import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Suggestions } from '../../shared/consultation-directory-schema.ts';
import type { MeetingRequest } from '../../shared/consultation-request-schema.ts';
import { countryName } from '../../shared/countries.ts';
import { api } from '../app/api.ts';
import { useTranslation } from '../app/i18n.ts';

/** A buyer's or supplier's matchmaking: ranked suggestions to ask, and requests to answer. */
export function MatchingPanel({ token, onChanged }: { token: string; onChanged: () => void }) {
  const { t, language } = useTranslation();
  const [suggestions, setSuggestions] = useState<Suggestions | null>(null);
  const [requests, setRequests] = useState<MeetingRequest[]>([]);
  const [messages, setMessages] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);

  const load = useCallback(async () => {
    const [nextSuggestions, nextRequests] = await Promise.all([
      api<Suggestions>('/api/consultations/suggestions', { token }),
      api<MeetingRequest[]>('/api/me/consultation/requests', { token }),
    ]);
    setSuggestions(nextSuggestions);
    setRequests(nextRequests);
  }, [token, language]);
  useEffect(() => void load().catch(() => undefined), [load]);

  const act = async (work: () => Promise<unknown>, text: string | null) => {
    setNotice(null);
    try {
      await work();
      if (text) setNotice({ ok: true, text });
      await load();
      onChanged();
    } catch (error) {
      setNotice({ ok: false, text: (error as Error).message });
    }
  };
  if (!suggestions) return null;
  const asked = new Set(requests.map((request) => request.counterpart.code));
  return (
    <div data-testid="matching">
      {notice && (
        <p class={notice.ok ? 'notice' : 'alert'} role={notice.ok ? 'status' : 'alert'}>
          {notice.text}
        </p>
      )}
      <h3>{t('consultations:matching.requests')}</h3>
      <ul class="tour-list" data-testid="requests">
        {requests
          .filter((request) => request.direction !== 'prematch')
          .map((request) => (
            <li key={request.meeting} class="tour" data-request={request.meeting}>
              {t(`consultations:matching.${request.direction === 'incoming' ? 'incoming' : 'outgoing'}`, { company: request.counterpart.company })} ·{' '}
              {t(`consultations:matching.status.${request.status}`)}
              {request.message && <p class="small">“{request.message}”</p>}
              {request.direction === 'incoming' && request.status === 'requested' && (
                <span class="row-actions">
                  <button type="button" onClick={() => void act(() => api(`/api/consultations/requests/${request.meeting}/accept`, { method: 'POST', token }), null)}>
                    {t('consultations:matching.accept')}
                  </button>
                  <button type="button" class="secondary" onClick={() => void act(() => api(`/api/consultations/requests/${request.meeting}/decline`, { method: 'POST', token }), null)}>
                    {t('consultations:matching.decline')}
                  </button>
                </span>
              )}
            </li>
          ))}
      </ul>
      <h3>{t('consultations:matching.suggestions')}</h3>
      <ol class="tour-list" data-testid="suggestions">
        {suggestions.suggestions.slice(0, 10).map(({ profile, score, reasons }) => (
          <li key={profile.code} class="tour" data-participant={profile.code}>
            <strong>{profile.company}</strong> · {countryName(profile.country, language)} · {t('consultations:matching.score', { score })}
            <ul class="small">
              {reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
            {!asked.has(profile.code) && (
              <span class="row-actions">
                <input
                  aria-label={t('consultations:matching.message')}
                  placeholder={t('consultations:matching.message')}
                  maxLength={500}
                  value={messages[profile.code] ?? ''}
                  onInput={(event) => setMessages({ ...messages, [profile.code]: (event.target as HTMLInputElement).value })}
                />
                <button
                  type="button"
                  class="secondary"
                  onClick={() =>
                    void act(
                      () => api('/api/consultations/requests', { method: 'POST', token, body: { counterpart: profile.code, ...(messages[profile.code] ? { message: messages[profile.code] } : {}) } }),
                      t('consultations:matching.requested'),
                    )
                  }
                >
                  {t('consultations:matching.request')}
                </button>
              </span>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
