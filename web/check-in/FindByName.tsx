import { useState } from 'preact/hooks';
import type { ArrivalCandidate } from '../../shared/check-in-schema.ts';
import { countryName } from '../../shared/countries.ts';
import { categoryName, formatEventTime } from '../app/event-zone.ts';
import { api } from '../app/api.ts';
import { useTranslation } from '../app/i18n.ts';

/**
 * For a delegate with neither badge nor phone: the desk finds them by name (any script) and checks them in by hand
 * through `onCheckIn`, which shows the answer and says whether it was taken.
 */
export function FindByName({ token, onCheckIn }: { token: string; onCheckIn: (delegate: number) => Promise<boolean> }) {
  const { t, language } = useTranslation();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<ArrivalCandidate[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const clock = (iso: string) => formatEventTime(iso, language);

  const search = async (event: Event) => {
    event.preventDefault();
    setProblem(null);
    try {
      setFound(await api<ArrivalCandidate[]>(`/api/check-ins/search?${new URLSearchParams({ q: query.trim() })}`, { token }));
    } catch (error) {
      setFound(null);
      setProblem((error as Error).message);
    }
  };
  const checkIn = async (delegate: number) => {
    if (!(await onCheckIn(delegate))) return;
    setFound(null);
    setQuery('');
  };

  return (
    <section data-testid="find-by-name">
      <form class="inline-form" onSubmit={(event) => void search(event)}>
        <label>
          {t('checkIn.findByName')}
          <input name="arrivalSearch" value={query} maxLength={100} autoComplete="off" onInput={(event) => setQuery(event.currentTarget.value)} />
        </label>
        <button type="submit" class="secondary">
          {t('checkIn.search')}
        </button>
      </form>
      {problem && <p class="alert" role="alert">{problem}</p>}
      {found && found.length === 0 && <p class="muted">{t('checkIn.noMatch', { q: query })}</p>}
      {found && found.length > 0 && (
        <ul class="record-list">
          {found.map((candidate) => (
            <li key={candidate.id} data-delegate-id={candidate.id}>
              <strong dir="auto">{candidate.name}</strong>
              {candidate.latinName && ` (${candidate.latinName})`}
              {[candidate.organisation, countryName(candidate.country, language), categoryName(candidate.category, t, language)].filter(Boolean).map((detail) => ` · ${detail}`)}
              {' · '}
              {candidate.checkedInAt ? t('checkIn.inSince', { time: clock(candidate.checkedInAt) }) : t(`fields:statuses.${candidate.status}`)}{' '}
              {!candidate.checkedInAt && candidate.status !== 'cancelled' && candidate.status !== 'declined' && (
                <button type="button" class="link" onClick={() => void checkIn(candidate.id)}>
                  {t('checkIn.checkInThis')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
