import i18next from 'i18next';
import { useEffect, useState } from 'preact/hooks';
import { categoryLabel } from '../../shared/category-label.ts';
import type { CategoryAnswer } from '../../shared/category-schema.ts';
import type { CongressInfo } from '../../shared/congress-schema.ts';
import type { DelegateCounts } from '../../shared/delegate-directory-schema.ts';
import { api, ApiRequestError } from '../app/api.ts';
import { useTranslation } from '../app/i18n.ts';
import { editedLanguages, filledTexts, TextMapInputs, type TextDraft } from '../components/TextMapInputs.tsx';

interface Draft {
  names: TextDraft;
  capacity: string;
  requiresApproval: boolean;
}

function CategoryRow({ congress, category, held, token, onChanged }: { congress: CongressInfo; category: CongressInfo['categories'][number] & { capacity: number | null }; held: number; token: string; onChanged: () => void }) {
  const { t, language } = useTranslation();
  const label = categoryLabel(category, t, language, congress.languages);
  // A built-in category starts from the product's own names, so saving keeps what readers saw.
  const startNames = category.name ?? Object.fromEntries(congress.languages.map((code) => [code, categoryLabel(category, i18next.getFixedT(code), code)]));
  const [draft, setDraft] = useState<Draft>({ names: startNames as TextDraft, capacity: category.capacity === null ? '' : String(category.capacity), requiresApproval: category.requiresApproval });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const save = async (event: Event) => {
    event.preventDefault();
    try {
      await api<CategoryAnswer>(`/api/categories/${encodeURIComponent(category.code)}`, {
        method: 'PATCH',
        token,
        body: { name: filledTexts(draft.names), capacity: draft.capacity.trim() === '' ? null : Number(draft.capacity), requiresApproval: draft.requiresApproval },
      });
      setMessage({ ok: true, text: t('setup.saved') });
      onChanged();
    } catch (error) {
      setMessage({ ok: false, text: (error as Error).message });
    }
  };
  const remove = async () => {
    if (!confirm(t('setup.removeConfirm', { name: label }))) return;
    try {
      await api(`/api/categories/${encodeURIComponent(category.code)}`, { method: 'DELETE', token });
      onChanged();
    } catch (error) {
      setMessage({ ok: false, text: (error as ApiRequestError).message });
    }
  };
  return (
    <li class="card" data-category={category.code}>
      <details>
        <summary>
          <h4 class="summary-heading">
            {label} <span class="muted small">{category.code} · {t('setup.registered', { count: held })} · {category.capacity === null ? t('delegates.unlimited') : t('setup.places', { count: category.capacity })}</span>
          </h4>
        </summary>
        <form onSubmit={save}>
        <TextMapInputs id={`category-${category.code}-name`} languages={editedLanguages(congress.languages, category.name)} texts={draft.names} onChange={(names) => setDraft({ ...draft, names })} label={(name) => t('setup.nameIn', { language: name })} />
        <div class="field-row">
          <div class="field">
            <label for={`category-${category.code}-capacity`}>{t('fields:capacity')}</label>
            <input id={`category-${category.code}-capacity`} type="number" min={0} inputMode="numeric" placeholder={t('delegates.unlimited')} value={draft.capacity} onInput={(event) => setDraft({ ...draft, capacity: event.currentTarget.value })} />
          </div>
          <label class="check field">
            <input type="checkbox" checked={draft.requiresApproval} onChange={(event) => setDraft({ ...draft, requiresApproval: event.currentTarget.checked })} /> {t('setup.approval')}
          </label>
        </div>
        <p class="toolbar">
          <button type="submit">{t('setup.save')}</button>
          <button type="button" class="secondary" onClick={() => void remove()}>
            {t('setup.remove')}
          </button>
        </p>
        {message && (
          <p class={message.ok ? 'notice' : 'field__error'} role={message.ok ? 'status' : 'alert'}>
            {message.text}
          </p>
        )}
        </form>
      </details>
    </li>
  );
}

function NewCategory({ congress, token, onAdded }: { congress: CongressInfo; token: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [draft, setDraft] = useState<Draft>({ names: {}, capacity: '', requiresApproval: false });
  const [error, setError] = useState<ApiRequestError | null>(null);
  const add = async (event: Event) => {
    event.preventDefault();
    setError(null);
    try {
      await api('/api/categories', {
        method: 'POST',
        token,
        body: { code, name: filledTexts(draft.names), capacity: draft.capacity.trim() === '' ? null : Number(draft.capacity), requiresApproval: draft.requiresApproval },
      });
      setCode('');
      setDraft({ names: {}, capacity: '', requiresApproval: false });
      onAdded();
    } catch (caught) {
      setError(caught as ApiRequestError);
    }
  };
  return (
    <form class="card" onSubmit={add} data-testid="new-category">
      <h4>{t('setup.newCategory')}</h4>
      <div class={`field${error?.field === 'code' ? ' field--invalid' : ''}`}>
        <label for="new-category-code">{t('setup.code')}</label>
        <input id="new-category-code" value={code} maxLength={40} onInput={(event) => setCode(event.currentTarget.value)} aria-invalid={error?.field === 'code' ? 'true' : undefined} />
      </div>
      <TextMapInputs id="new-category-name" languages={congress.languages} texts={draft.names} onChange={(names) => setDraft({ ...draft, names })} label={(name) => t('setup.nameIn', { language: name })} />
      <div class="field-row">
        <div class="field">
          <label for="new-category-capacity">{t('fields:capacity')}</label>
          <input id="new-category-capacity" type="number" min={0} inputMode="numeric" placeholder={t('delegates.unlimited')} value={draft.capacity} onInput={(event) => setDraft({ ...draft, capacity: event.currentTarget.value })} />
        </div>
        <label class="check field">
          <input type="checkbox" checked={draft.requiresApproval} onChange={(event) => setDraft({ ...draft, requiresApproval: event.currentTarget.checked })} /> {t('setup.approval')}
        </label>
      </div>
      {error && (
        <p class="field__error" role="alert">
          {error.message}
        </p>
      )}
      <button type="submit">{t('setup.add')}</button>
    </form>
  );
}

/** The edition's delegate categories: names in its languages, capacity, approval; add, and remove while unused. */
export function CategoriesSection({ token }: { token: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<{ congress: CongressInfo; counts: DelegateCounts } | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    void Promise.all([api<CongressInfo>('/api/congress'), api<DelegateCounts>('/api/delegates/counts', { token })]).then(([congress, counts]) => setState({ congress, counts }));
  }, [token, version]);
  if (!state) return null;
  const reload = () => setVersion(version + 1);
  const countOf = (code: string) => state.counts.byCategory.find((category) => category.code === code);
  return (
    <section data-testid="categories-setup">
      <h3>{t('setup.categoriesTitle')}</h3>
      <p class="muted">{t('setup.categoriesIntro')}</p>
      <ul class="setup-list">
        {state.congress.categories.map((category) => {
          const counts = countOf(category.code);
          const held = counts ? counts.confirmed + counts.pending + counts.waitlisted : 0;
          return (
            <CategoryRow
              key={`${category.code}:${version}`}
              congress={state.congress}
              category={{ ...category, capacity: counts?.capacity ?? null }}
              held={held}
              token={token}
              onChanged={reload}
            />
          );
        })}
      </ul>
      <NewCategory congress={state.congress} token={token} onAdded={reload} />
    </section>
  );
}
