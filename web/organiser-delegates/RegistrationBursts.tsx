import { useEffect, useState } from 'preact/hooks';
import type { BurstCancelBody, BurstCancelled, BurstList } from '../../shared/burst-schema.ts';
import { api } from '../app/api.ts';
import { congressCity, formatEventDateTime, fromEventWallClock } from '../app/event-zone.ts';
import { useTranslation } from '../app/i18n.ts';
import { useFormErrors } from '../app/use-form-errors.ts';
import { Field } from '../components/Field.tsx';

/** Addresses that registered this many delegates or more are shown; fewer is an office or a family. */
const shownFrom = 10;

/**
 * Registrations that came in a burst, from one address or in a short time, and the one action that cancels them all.
 * `version` changes whenever the list of delegates does, so the bursts are read again.
 */
export function RegistrationBursts({ token, version, onCancelled }: { token: string; version: number; onCancelled: () => void }) {
  const { t, language } = useTranslation();
  const [bursts, setBursts] = useState<BurstList['items']>([]);
  const [window, setWindow] = useState({ from: '', to: '' });
  const [done, setDone] = useState<string | null>(null);
  const { errors, general, clear, show } = useFormErrors(['from', 'to']);

  useEffect(() => {
    api<BurstList>(`/api/delegates/bursts?minimum=${shownFrom}`, { token }).then((list) => setBursts(list.items), show);
  }, [token, version]);

  /** Sends the cancellation, asked first unless the server is sure to refuse it (a window without both ends). */
  const cancel = async (body: BurstCancelBody, confirmation: string | null) => {
    clear();
    setDone(null);
    if (confirmation !== null && !confirm(confirmation)) return;
    try {
      const { cancelled } = await api<BurstCancelled>('/api/delegates/bursts/cancel', { method: 'POST', token, body });
      setDone(t('delegates.bursts.cancelled', { count: cancelled }));
      onCancelled();
    } catch (error) {
      show(error);
    }
  };

  const cancelWindow = (event: Event) => {
    event.preventDefault();
    const body: BurstCancelBody = {};
    if (window.from) body.from = fromEventWallClock(window.from);
    if (window.to) body.to = fromEventWallClock(window.to);
    void cancel(body, body.from && body.to ? t('delegates.bursts.confirmWindow') : null);
  };

  const open = bursts.filter((burst) => burst.open > 0);
  return (
    <section class="card side" data-testid="registration-bursts">
      <h3>{t('delegates.bursts.heading')}</h3>
      {general && <p class="alert" role="alert">{general}</p>}
      {done && <p class="saved" role="status">{done}</p>}
      {open.length === 0 ? (
        <p class="muted small">{t('delegates.bursts.none', { count: shownFrom })}</p>
      ) : (
        <ul class="bursts">
          {open.map((burst) => (
            <li key={burst.address} data-address={burst.address}>
              <strong>{burst.address}</strong>
              <span class="muted small">
                {t('delegates.bursts.summary', { count: burst.registrations, open: burst.open, first: formatEventDateTime(burst.firstAt, language), last: formatEventDateTime(burst.lastAt, language) })}
              </span>
              <button type="button" class="secondary" onClick={() => void cancel({ address: burst.address }, t('delegates.bursts.confirmAddress', { count: burst.open, address: burst.address }))}>
                {t('delegates.bursts.cancelAddress', { count: burst.open })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <details>
        <summary>{t('delegates.bursts.byWindow')}</summary>
        <form onSubmit={cancelWindow} noValidate>
          <p class="muted small">{t('delegates.bursts.zone', { zone: congressCity(language) })}</p>
          <Field name="from" error={errors.from}>
            <input id="field-from" type="datetime-local" value={window.from} onInput={(e) => setWindow({ ...window, from: e.currentTarget.value })} />
          </Field>
          <Field name="to" error={errors.to}>
            <input id="field-to" type="datetime-local" value={window.to} onInput={(e) => setWindow({ ...window, to: e.currentTarget.value })} />
          </Field>
          <button type="submit" class="secondary">{t('delegates.bursts.cancelWindow')}</button>
        </form>
      </details>
    </section>
  );
}
