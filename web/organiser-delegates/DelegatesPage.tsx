import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { countryName } from '../../shared/countries.ts';
import type { DelegateCounts, DelegatePage } from '../../shared/delegate-directory-schema.ts';
import { delegateStatuses } from '../../shared/delegate-status.ts';
import { formatEventDateTime } from '../app/event-zone.ts';
import { fullName } from '../../shared/person-name.ts';
import { api, downloadFile } from '../app/api.ts';
import { useTranslation } from '../app/i18n.ts';
import { useLive } from '../app/live.ts';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { useUndoBar } from '../components/UndoBar.tsx';
import { useLiveAnnouncer } from '../components/LiveAnnouncer.tsx';
import { CategoryCapacities } from './CategoryCapacities.tsx';
import { RegistrationSwitch } from './RegistrationSwitch.tsx';
import { RegistrationBursts } from './RegistrationBursts.tsx';
import { categoryName } from '../app/event-zone.ts';

interface Filters {
  q: string;
  country: string;
  category: string;
  status: string;
}

const pageSize = 50;

function query(filters: Filters, extra: Record<string, string> = {}) {
  const params = new URLSearchParams(extra);
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  return params.toString();
}

export function DelegatesPage({ token, onSignOut }: { token: string; onSignOut: () => void }) {
  const { t, language } = useTranslation();
  const [filters, setFilters] = useState<Filters>({ q: '', country: '', category: '', status: '' });
  const [shown, setShown] = useState(pageSize);
  const [page, setPage] = useState<DelegatePage | null>(null);
  const [counts, setCounts] = useState<DelegateCounts | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const latest = useRef(0);
  const { announce, region } = useLiveAnnouncer();
  const lastTotal = useRef<number | null>(null);

  const refresh = useCallback(async () => {
    const request = ++latest.current;
    try {
      const [nextPage, nextCounts] = await Promise.all([
        api<DelegatePage>(`/api/delegates?${query(filters, { limit: String(shown) })}`, { token }),
        api<DelegateCounts>('/api/delegates/counts', { token }),
      ]);
      // An older answer arriving after a newer one must not overwrite it.
      if (request !== latest.current) return;
      setPage(nextPage);
      setCounts(nextCounts);
      // Registrations arriving live are said to screen readers as well as shown.
      if (lastTotal.current !== null && nextCounts.total > lastTotal.current) announce(t('delegates.newRegistrations', { count: nextCounts.total - lastTotal.current }));
      lastTotal.current = nextCounts.total;
      setProblem(null);
    } catch (error) {
      if ((error as { status?: number }).status === 401) onSignOut();
      else setProblem((error as Error).message);
    }
  }, [filters, shown, token]);

  useEffect(() => {
    const timer = setTimeout(() => void refresh(), 150);
    return () => clearTimeout(timer);
  }, [refresh]);

  const pendingRefresh = useRef<ReturnType<typeof setTimeout>>();
  const connected = useLive(token, ['delegates'], () => {
    // Many registrations in one burst become one refresh.
    clearTimeout(pendingRefresh.current);
    pendingRefresh.current = setTimeout(() => void refresh(), 100);
  });

  const { bar, offerUndo } = useUndoBar();
  const act = async (id: number, action: 'approve' | 'decline', name: string) => {
    // A decline mails the person and frees their place: asked first. An approval can be taken back for a few seconds.
    if (action === 'decline' && !confirm(t('delegates.declineConfirm', { name }))) return;
    try {
      await api(`/api/delegates/${id}/${action}`, { method: 'POST', token });
      await refresh();
      if (action === 'approve') {
        offerUndo({
          message: t('delegates.approvedNotice', { name }),
          undo: async () => {
            await api(`/api/delegates/${id}/approve/undo`, { method: 'POST', token });
            await refresh();
          },
        });
      }
    } catch (error) {
      setProblem((error as Error).message);
    }
  };

  const download = async () => {
    try {
      await downloadFile(`/api/delegates.csv?${query(filters, { lang: language })}`, 'delegates.csv', { token });
    } catch (error) {
      setProblem((error as Error).message);
    }
  };

  const set = (key: keyof Filters, value: string) => {
    setFilters({ ...filters, [key]: value });
    setShown(pageSize);
  };

  return (
    <main class="page page--wide" data-testid="delegates-page" data-live={connected ? 'on' : 'off'}>
      <div class="toolbar">
        <h2>{t('delegates.heading')}</h2>
        <RegistrationSwitch token={token} onProblem={setProblem} />
        <span class={`live-dot${connected ? ' live-dot--on' : ''}`}>{connected ? t('delegates.live') : t('delegates.offline')}</span>
        <button type="button" class="secondary" onClick={onSignOut}>
          {t('login.signOut')}
        </button>
      </div>
      {problem && <p class="alert" role="alert">{problem}</p>}
      {counts && (
        <section class="stats" data-testid="counts">
          <div class="stat">
            <strong data-testid="total-count">{counts.total}</strong> {t('delegates.registrationsLabel')}
          </div>
          <div class="stat">
            <strong>{counts.byCountry.length}</strong> {t('delegates.countriesLabel')}
          </div>
          {delegateStatuses.map((status) => (
            <div class="stat" key={status}>
              <strong data-testid={`count-${status}`}>{counts.byStatus[status] ?? 0}</strong> <StatusBadge status={status} />
            </div>
          ))}
        </section>
      )}
      <div class="columns">
        <section class="card">
          <div class="filters">
            <input type="search" placeholder={t('delegates.search')} aria-label={t('delegates.search')} value={filters.q} onInput={(e) => set('q', e.currentTarget.value)} data-testid="search" />
            <select aria-label={t('fields:country')} value={filters.country} onChange={(e) => set('country', e.currentTarget.value)}>
              <option value="">{t('delegates.allCountries')}</option>
              {counts?.byCountry.map(({ country, count }) => (
                <option key={country} value={country}>
                  {countryName(country, language)} ({count})
                </option>
              ))}
            </select>
            <select aria-label={t('fields:category')} value={filters.category} onChange={(e) => set('category', e.currentTarget.value)}>
              <option value="">{t('delegates.allCategories')}</option>
              {counts?.byCategory.map(({ code }) => (
                <option key={code} value={code}>
                  {categoryName(code, t, language)}
                </option>
              ))}
            </select>
            <select aria-label={t('fields:status')} value={filters.status} onChange={(e) => set('status', e.currentTarget.value)} data-testid="status-filter">
              <option value="">{t('delegates.allStatuses')}</option>
              {delegateStatuses.map((status) => (
                <option key={status} value={status}>
                  {t(`fields:statuses.${status}`)}
                </option>
              ))}
            </select>
            <button type="button" class="secondary" onClick={() => void download()} data-testid="export-csv">
              {t('delegates.export')}
            </button>
          </div>
          {page && page.items.length === 0 && <p class="muted">{t('delegates.empty')}</p>}
          {page && page.items.length > 0 && (
            <div class="table-scroll">
              <table class="delegates" data-testid="delegate-table">
                <thead>
                  <tr>
                    <th>{t('delegates.name')}</th>
                    <th>{t('fields:country')}</th>
                    <th>{t('fields:category')}</th>
                    <th>{t('fields:organisation')}</th>
                    <th>{t('fields:status')}</th>
                    <th>{t('delegates.registered')}</th>
                    <th>{t('delegates.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((delegate) => (
                    <tr key={delegate.id} data-delegate-id={delegate.id}>
                      <td dir="auto">
                        <span class="name">
                          {fullName(delegate.givenName, delegate.familyName) || t('delegates.erased')}
                          {delegate.latinName && <span class="muted"> ({delegate.latinName})</span>}
                        </span>
                        <span class="muted small">{delegate.email}</span>
                      </td>
                      <td>{countryName(delegate.country, language)}</td>
                      <td>{categoryName(delegate.category, t, language)}</td>
                      <td dir="auto">{delegate.organisation}</td>
                      <td>
                        <StatusBadge status={delegate.status} />
                      </td>
                      <td class="small">{formatEventDateTime(delegate.createdAt, language)}</td>
                      <td>
                        {delegate.status === 'pending' && (
                          <span class="row-actions">
                            <button type="button" onClick={() => void act(delegate.id, 'approve', fullName(delegate.givenName, delegate.familyName))}>{t('delegates.approve')}</button>
                            <button type="button" class="secondary" onClick={() => void act(delegate.id, 'decline', fullName(delegate.givenName, delegate.familyName))}>{t('delegates.decline')}</button>
                          </span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {page && (
            <p class="muted">
              {t('delegates.showing', { shown: page.items.length, total: page.total })}
              {page.items.length < page.total && (
                <button type="button" class="link" onClick={() => setShown(shown + pageSize)}>
                  {t('delegates.more')}
                </button>
              )}
            </p>
          )}
        </section>
        {counts && (
          <div class="side-stack">
            <CategoryCapacities counts={counts} token={token} onSaved={() => void refresh()} />
            <RegistrationBursts token={token} version={counts.total + (counts.byStatus.cancelled ?? 0)} onCancelled={() => void refresh()} />
          </div>
        )}
      </div>
      {bar}
      {region}
    </main>
  );
}
