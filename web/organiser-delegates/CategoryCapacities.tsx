import { useState } from 'preact/hooks';
import { countryName } from '../../shared/countries.ts';
import type { DelegateCounts } from '../../shared/delegate-directory-schema.ts';
import { api } from '../app/api.ts';
import { useTranslation } from '../app/i18n.ts';
import { categoryName } from '../app/event-zone.ts';

type CategoryCount = DelegateCounts['byCategory'][number];

function CapacityRow({ category, token, saved, onSaved }: { category: CategoryCount; token: string; saved: string | null; onSaved: (message: string) => void }) {
  const { t, language } = useTranslation();
  const [value, setValue] = useState(category.capacity === null ? '' : String(category.capacity));
  const [error, setError] = useState<string | null>(null);
  const held = category.confirmed + category.pending;
  const save = async (event: Event) => {
    event.preventDefault();
    setError(null);
    try {
      const capacity = value.trim() === '' ? null : Number(value);
      const answer = await api<{ promoted: number }>(`/api/categories/${encodeURIComponent(category.code)}`, { method: 'PATCH', token, body: { capacity } });
      onSaved(t('delegates.capacitySaved', { count: answer.promoted }));
    } catch (caught) {
      setError((caught as Error).message);
    }
  };
  return (
    <li data-category={category.code}>
      <div class="capacity__head">
        <strong>{categoryName(category.code, t, language)}</strong>
        <span class="muted small">
          {category.capacity === null ? t('delegates.heldUnlimited', { held }) : t('delegates.held', { held, capacity: category.capacity })}
        </span>
      </div>
      {category.capacity !== null && <meter min={0} max={category.capacity} value={held} />}
      <div class="small">
        {category.pending > 0 && <span class="badge badge--pending">{t('delegates.pendingCount', { count: category.pending })}</span>}
        {category.waitlisted > 0 && <span class="badge badge--waitlisted">{t('delegates.waitlistedCount', { count: category.waitlisted })}</span>}
      </div>
      <form class="capacity__form" onSubmit={save}>
        <input type="number" min={0} inputMode="numeric" aria-label={t('fields:capacity')} placeholder={t('delegates.unlimited')} value={value} onInput={(e) => setValue(e.currentTarget.value)} />
        <button type="submit" class="secondary">{t('delegates.saveCapacity')}</button>
      </form>
      {error && <p class="field__error" role="alert">{error}</p>}
      {saved && !error && (
        <p class="saved-mark small" role="status">
          {saved}
        </p>
      )}
    </li>
  );
}

/** Each category's places against its capacity, the capacity editor, and where delegates come from. */
export function CategoryCapacities({ counts, token, onSaved }: { counts: DelegateCounts; token: string; onSaved: () => void }) {
  const { t, language } = useTranslation();
  // Said beside the row that was saved, which comes back fresh with the new capacity.
  const [saved, setSaved] = useState<{ code: string; text: string } | null>(null);
  return (
    <aside class="card side">
      <h3>{t('delegates.byCategory')}</h3>
      <ul class="capacity">
        {counts.byCategory.map((category) => (
          <CapacityRow
            key={`${category.code}:${category.capacity}`}
            category={category}
            token={token}
            saved={saved?.code === category.code ? saved.text : null}
            onSaved={(message) => {
              setSaved({ code: category.code, text: message });
              onSaved();
            }}
          />
        ))}
      </ul>
      <h3>{t('delegates.byCountry')}</h3>
      <ol class="countries">
        {counts.byCountry.slice(0, 15).map(({ country, count }) => (
          <li key={country}>
            <span>{countryName(country, language)}</span> <strong>{count}</strong>
          </li>
        ))}
      </ol>
    </aside>
  );
}
