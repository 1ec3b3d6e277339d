import { useEffect, useState } from 'preact/hooks';
import { languageName } from '../../shared/languages.ts';
import type { OutboxPage as OutboxList } from '../../shared/outbox-schema.ts';
import { api, ApiRequestError } from '../app/api.ts';
import { formatEventDateTime } from '../app/event-zone.ts';
import { useTranslation } from '../app/i18n.ts';
import { Pager } from '../components/Pager.tsx';

const pageSize = 50;
const statuses = ['queued', 'sending', 'sent', 'failed'] as const;
type Status = (typeof statuses)[number];

/** What the edition mailed, what waits and what failed (with the mail server's answer); it reads itself again while messages are on their way. */
export function OutboxPage({ token, onSignOut }: { token: string; onSignOut: () => void }) {
  const { t, language } = useTranslation();
  const [status, setStatus] = useState<Status | ''>('');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<OutboxList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const params = new URLSearchParams({ limit: String(pageSize), offset: String(offset), ...(status ? { status } : {}) });
    api<OutboxList>(`/api/outbox?${params}`, { token }).then(
      (next) => {
        setPage(next);
        setError(null);
      },
      (caught: unknown) => {
        if (caught instanceof ApiRequestError && caught.status === 401) onSignOut();
        setError((caught as Error).message);
      },
    );
  }, [token, status, offset, tick]);
  const moving = page !== null && page.sending && page.counts.queued + page.counts.sending > 0;
  useEffect(() => {
    if (!moving) return;
    const timer = setInterval(() => setTick((value) => value + 1), 3000);
    return () => clearInterval(timer);
  }, [moving]);
  const choose = (next: Status | '') => {
    setOffset(0);
    setStatus(next);
  };
  return (
    <section data-testid="outbox-page">
      <h2>{t('outbox.title')}</h2>
      <p class="muted">{t('outbox.intro')}</p>
      {page && !page.sending && (
        <p class="alert" role="status" data-testid="outbox-not-sending">
          {t('outbox.notSending')}
        </p>
      )}
      {error && (
        <p class="field__error" role="alert">
          {error}
        </p>
      )}
      {page && (
        <>
          <p class="toolbar" role="group" aria-label={t('outbox.filter')}>
            <button type="button" class={status === '' ? undefined : 'secondary'} aria-pressed={status === ''} onClick={() => choose('')}>
              {t('outbox.all')}
            </button>
            {statuses.map((each) => (
              <button key={each} type="button" class={status === each ? undefined : 'secondary'} aria-pressed={status === each} onClick={() => choose(each)} data-status={each}>
                {t(`outbox.statuses.${each}`)} · {page.counts[each]}
              </button>
            ))}
          </p>
          <div class="card table-scroll">
            {page.items.length === 0 ? (
              <p class="muted">{t('outbox.none')}</p>
            ) : (
              <table class="listing" data-testid="outbox">
                <thead>
                  <tr>
                    <th scope="col">{t('outbox.when')}</th>
                    <th scope="col">{t('outbox.to')}</th>
                    <th scope="col">{t('outbox.subject')}</th>
                    <th scope="col">{t('outbox.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((item) => (
                    <tr key={item.id} data-status={item.status}>
                      <td class="small">{formatEventDateTime(item.createdAt, language)}</td>
                      <td>{item.to}</td>
                      <td>
                        <span lang={item.language}>{item.subject}</span>
                        <span class="muted small">
                          {' '}
                          · {t(`outbox.kinds.${item.kind.replaceAll('.', '_')}`, { defaultValue: item.kind })} · {languageName(item.language, language)}
                        </span>
                      </td>
                      <td>
                        <span class={`badge badge--${item.status}`}>{t(`outbox.statuses.${item.status}`)}</span>
                        {item.sentAt && <span class="muted small"> {formatEventDateTime(item.sentAt, language)}</span>}
                        {item.attempts > 1 && <span class="muted small"> · {t('outbox.attempts', { count: item.attempts })}</span>}
                        {item.lastError && item.status !== 'sent' && <p class="small field__error">{item.lastError}</p>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <Pager offset={offset} shown={page.items.length} total={page.total} pageSize={pageSize} onOffset={setOffset} />
          </div>
        </>
      )}
    </section>
  );
}
