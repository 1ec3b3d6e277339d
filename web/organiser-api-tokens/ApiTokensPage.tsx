import { useEffect, useState } from 'preact/hooks';
import type { ApiTokenCreated, ApiTokenSummary } from '../../shared/api-token-schema.ts';
import { api, ApiRequestError } from '../app/api.ts';
import { formatEventDateTime } from '../app/event-zone.ts';
import { useTranslation } from '../app/i18n.ts';

/** The congress's API tokens: make one (shown once), see who made which, revoke. */
export function ApiTokensPage({ token, onSignOut }: { token: string; onSignOut: () => void }) {
  const { t, language } = useTranslation();
  const [tokens, setTokens] = useState<ApiTokenSummary[] | null>(null);
  const [name, setName] = useState('');
  const [readOnly, setReadOnly] = useState(true);
  const [made, setMade] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();

  const failed = (caught: unknown) => {
    if (caught instanceof ApiRequestError && caught.status === 401) onSignOut();
    setError((caught as Error).message);
  };
  const load = () => api<ApiTokenSummary[]>('/api/api-tokens', { token }).then(setTokens, failed);
  useEffect(() => void load(), [token]);

  const create = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    try {
      const answer = await api<ApiTokenCreated>('/api/api-tokens', { method: 'POST', token, body: { name, readOnly } });
      setMade(answer.token);
      setName('');
      await load();
    } catch (caught) {
      failed(caught);
    }
  };
  const revoke = async (id: number, name: string) => {
    // Whatever uses the token stops at once: asked first.
    if (!confirm(t('apiTokens.revokeConfirm', { name }))) return;
    try {
      await api(`/api/api-tokens/${id}`, { method: 'DELETE', token });
      await load();
    } catch (caught) {
      failed(caught);
    }
  };

  return (
    <section data-testid="api-tokens">
      <h2>{t('apiTokens.title')}</h2>
      <p class="muted">
        {t('apiTokens.intro')} <a href="/api/docs">{t('apiTokens.docs')}</a>
      </p>
      <form class="card" onSubmit={create}>
        <div class={`field${error ? ' field--invalid' : ''}`}>
          <label for="token-name">{t('apiTokens.name')}</label>
          <input id="token-name" value={name} maxLength={100} required aria-invalid={error ? 'true' : undefined} aria-describedby={error ? 'token-error' : undefined} onInput={(e) => setName(e.currentTarget.value)} />
          {error && (
            <p class="field__error" role="alert" id="token-error">
              {error}
            </p>
          )}
        </div>
        <fieldset class="field">
          <legend>{t('apiTokens.access')}</legend>
          <label class="check">
            <input type="radio" name="token-access" checked={readOnly} onChange={() => setReadOnly(true)} /> {t('apiTokens.readOnly')}
          </label>{' '}
          <label class="check">
            <input type="radio" name="token-access" checked={!readOnly} onChange={() => setReadOnly(false)} /> {t('apiTokens.full')}
          </label>
        </fieldset>
        <button type="submit">{t('apiTokens.create')}</button>
      </form>
      {made && (
        <p class="notice" role="status">
          {t('apiTokens.created')} <code data-testid="new-token">{made}</code>
        </p>
      )}
      {tokens && tokens.length === 0 && <p class="muted">{t('apiTokens.none')}</p>}
      {tokens && tokens.length > 0 && (
        <div class="table-scroll">
          <table class="listing">
            <thead>
              <tr>
                <th scope="col">{t('apiTokens.name')}</th>
                <th scope="col">{t('apiTokens.access')}</th>
                <th scope="col">{t('apiTokens.createdBy')}</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {tokens.map((item) => (
                <tr key={item.id}>
                  <td dir="auto">{item.name}</td>
                  <td>{item.readOnly ? t('apiTokens.readOnly') : t('apiTokens.full')}</td>
                  <td>
                    {item.createdBy} · {formatEventDateTime(item.createdAt, language)}
                  </td>
                  <td>
                    {item.revokedAt ? (
                      t('apiTokens.revoked')
                    ) : (
                      <button type="button" class="secondary" onClick={() => void revoke(item.id, item.name)}>
                        {t('apiTokens.revoke')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
