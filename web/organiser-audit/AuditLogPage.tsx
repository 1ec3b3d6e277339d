import { useEffect, useState } from 'preact/hooks';
import type { AuditPage } from '../../shared/audit-schema.ts';
import { addDays } from '../../shared/event-time.ts';
import type { TeamList } from '../../shared/team-schema.ts';
import { api, ApiRequestError } from '../app/api.ts';
import { formatEventDateTime, fromEventWallClock } from '../app/event-zone.ts';
import { useTranslation } from '../app/i18n.ts';
import type { TFunction } from 'i18next';
import { Pager } from '../components/Pager.tsx';

const pageSize = 50;
const areas = ['delegate', 'category', 'tour', 'consultation', 'programme', 'agenda', 'import', 'account', 'apiToken', 'congress'] as const;

interface Filters {
  account: string;
  area: string;
  /** Days on the congress's calendar (`2015-11-04`), both included. */
  from: string;
  to: string;
}

function query(filters: Filters, offset: number): string {
  const params = new URLSearchParams({ limit: String(pageSize), offset: String(offset) });
  if (filters.account) params.set('account', filters.account);
  if (filters.area) params.set('area', filters.area);
  if (filters.from) params.set('from', fromEventWallClock(`${filters.from}T00:00`));
  if (filters.to) params.set('to', fromEventWallClock(`${addDays(filters.to, 1)}T00:00`));
  return params.toString();
}

const roleNames: readonly string[] = ['owner', 'organiser', 'desk', 'floor'];

/** What the row's data says, as `label: value` pairs a person can scan, with roles by their names. */
function details(action: string, data: Record<string, unknown> | null, t: TFunction): string {
  if (!data) return '';
  const value = (raw: unknown) => (typeof raw === 'string' && roleNames.includes(raw) ? t(`team.roles.${raw}`) : typeof raw === 'object' ? JSON.stringify(raw) : String(raw));
  if (action === 'account.role') return `${value(data.from)} → ${value(data.to)}`;
  return Object.entries(data)
    .filter(([, raw]) => raw !== null && raw !== undefined)
    .map(([key, raw]) => `${t(`fields:${key}`, { defaultValue: key })}: ${value(raw)}`)
    .join(' · ');
}

/** Who did what in this edition, newest first, filtered by person, area and days. */
export function AuditLogPage({ token, onSignOut }: { token: string; onSignOut: () => void }) {
  const { t, language } = useTranslation();
  const [filters, setFilters] = useState<Filters>({ account: '', area: '', from: '', to: '' });
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<AuditPage | null>(null);
  const [team, setTeam] = useState<TeamList['accounts']>([]);
  const [error, setError] = useState<string | null>(null);
  const refused = (caught: unknown) => {
    if (caught instanceof ApiRequestError && caught.status === 401) onSignOut();
    setError((caught as Error).message);
  };
  useEffect(() => void api<TeamList>('/api/accounts', { token }).then((list) => setTeam(list.accounts), refused), [token]);
  useEffect(() => {
    setError(null);
    void api<AuditPage>(`/api/audit?${query(filters, offset)}`, { token }).then(setPage, refused);
  }, [token, filters, offset]);
  const set = (key: keyof Filters) => (event: Event) => {
    setOffset(0);
    setFilters({ ...filters, [key]: (event.currentTarget as HTMLInputElement).value });
  };
  const actor = (item: AuditPage['items'][number]) =>
    item.actor.type === 'system' ? t('audit.system') : (item.actor.name ?? (item.actor.type === 'delegate' ? t('audit.delegate') : `#${item.actor.id}`));
  return (
    <section data-testid="audit-page">
      <h2>{t('audit.title')}</h2>
      <p class="muted">{t('audit.intro')}</p>
      <div class="card field-row">
        <div class="field">
          <label for="audit-account">{t('audit.person')}</label>
          <select id="audit-account" value={filters.account} onChange={set('account')}>
            <option value="">{t('audit.anyone')}</option>
            {team.map((member) => (
              <option key={member.id} value={member.id}>
                {member.displayName}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="audit-area">{t('audit.area')}</label>
          <select id="audit-area" value={filters.area} onChange={set('area')}>
            <option value="">{t('audit.anyArea')}</option>
            {areas.map((area) => (
              <option key={area} value={area}>
                {t(`audit.areas.${area}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="audit-from">{t('audit.from')}</label>
          <input id="audit-from" type="date" value={filters.from} onChange={set('from')} />
        </div>
        <div class="field">
          <label for="audit-to">{t('audit.to')}</label>
          <input id="audit-to" type="date" value={filters.to} onChange={set('to')} />
        </div>
      </div>
      {error && (
        <p class="field__error" role="alert">
          {error}
        </p>
      )}
      {page && (
        <div class="card table-scroll">
          {page.items.length === 0 ? (
            <p class="muted">{t('audit.none')}</p>
          ) : (
            <table class="listing" data-testid="audit-log">
              <thead>
                <tr>
                  <th scope="col">{t('audit.when')}</th>
                  <th scope="col">{t('audit.who')}</th>
                  <th scope="col">{t('audit.what')}</th>
                  <th scope="col">{t('audit.details')}</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((item) => (
                  <tr key={item.id} data-action={item.action}>
                    <td>{formatEventDateTime(item.at, language)}</td>
                    <td>{actor(item)}</td>
                    {/* A change the labels do not know yet still shows, by its code. */}
                    <td>{t(`audit.actions.${item.action.replaceAll('.', '_')}`, { defaultValue: item.action })}</td>
                    <td class="muted small">{details(item.action, item.data, t)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Pager offset={offset} shown={page.items.length} total={page.total} pageSize={pageSize} onOffset={setOffset} />
        </div>
      )}
    </section>
  );
}
