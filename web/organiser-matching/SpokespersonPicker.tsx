import { useEffect, useState } from 'preact/hooks';
import type { ParticipantSpokesperson } from '../../shared/consultation-schema.ts';
import type { DelegatePage } from '../../shared/delegate-directory-schema.ts';
import { fullName } from '../../shared/person-name.ts';
import { api } from '../app/api.ts';
import { useTranslation } from '../app/i18n.ts';

type Delegate = NonNullable<ParticipantSpokesperson['delegate']>;

const describe = (delegate: Delegate) => [fullName(delegate.givenName, delegate.familyName), delegate.email, delegate.organisation].filter(Boolean).join(' · ');

/** Who speaks for a buyer or supplier: the current delegate, and registered delegates found by name to link instead. */
export function SpokespersonPicker({ code, token }: { code: string; token: string }) {
  const { t } = useTranslation();
  const path = `/api/consultations/participants/${encodeURIComponent(code)}/delegate`;
  const [current, setCurrent] = useState<Delegate | null | undefined>(undefined);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Delegate[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api<ParticipantSpokesperson>(path, { token }).then((answer) => setCurrent(answer.delegate), (caught: Error) => setError(caught.message));
  }, [path, token]);
  useEffect(() => {
    if (query.trim().length < 2) {
      setFound([]);
      return;
    }
    const timer = setTimeout(() => {
      api<DelegatePage>(`/api/delegates?limit=8&q=${encodeURIComponent(query.trim())}`, { token }).then((page) => setFound(page.items), (caught: Error) => setError(caught.message));
    }, 200);
    return () => clearTimeout(timer);
  }, [query, token]);

  const link = async (delegate: Delegate | null) => {
    setError(null);
    try {
      await api(path, { method: 'PUT', token, body: { delegate: delegate?.id ?? null } });
      setCurrent(delegate);
      setQuery('');
    } catch (caught) {
      setError((caught as Error).message);
    }
  };

  return (
    <div class="card" data-testid="spokesperson">
      <h3>{t('consultations:link.title')}</h3>
      {current === undefined ? null : current ? (
        <p>
          <span data-testid="spokesperson-current">{describe(current)}</span>{' '}
          <button type="button" class="link" onClick={() => void link(null)}>
            {t('consultations:link.unlink')}
          </button>
        </p>
      ) : (
        <p class="muted">{t('consultations:link.none')}</p>
      )}
      <label for={`spokesperson-${code}`}>{t('consultations:link.search')}</label>
      <input id={`spokesperson-${code}`} type="search" value={query} onInput={(event) => setQuery(event.currentTarget.value)} autocomplete="off" />
      {found.length > 0 && (
        <ul class="spokesperson__found">
          {found.map((delegate) => (
            <li key={delegate.id}>
              <span>{describe(delegate)}</span>{' '}
              <button type="button" class="secondary" onClick={() => void link(delegate)} disabled={current?.id === delegate.id}>
                {t('consultations:link.choose')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p class="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
