import { useCallback, useEffect, useState } from 'preact/hooks';
import { countryName } from '../../shared/countries.ts';
import { formatEventDateTime, fromEventWallClock, toEventWallClock } from '../app/event-zone.ts';
import { languageNames } from '../../shared/languages.ts';
import type { TourAssignmentPreview } from '../../shared/tour-schema.ts';
import { api } from '../app/api.ts';
import { useTranslation } from '../app/i18n.ts';
import { useLive } from '../app/live.ts';
import { navigate } from '../app/router.ts';
import { TourDetails } from '../components/TourDetails.tsx';
import { pagePath } from '../app/congress-address.ts';

/** The organisers' tour desk: run the optimal assignment, read its figures and reasons, move people, publish. */
export function ToursPage({ token, onSignOut }: { token: string; onSignOut: () => void }) {
  const { t, language } = useTranslation();
  const [preview, setPreview] = useState<TourAssignmentPreview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [moveTo, setMoveTo] = useState<Record<number, string>>({});
  const [deadline, setDeadline] = useState('');

  const call = useCallback(
    async (path: string, method = 'GET', body?: unknown) => {
      try {
        const next = await api<TourAssignmentPreview>(path, { token, method, body });
        setPreview(next);
        setDeadline(next.choicesCloseAt ? toEventWallClock(next.choicesCloseAt) : '');
        setProblem(null);
      } catch (error) {
        if ((error as { status?: number }).status === 401) onSignOut();
        else setProblem((error as Error).message);
      }
    },
    [token, language],
  );
  useEffect(() => void call('/api/tours/assignment'), [call]);
  const connected = useLive(token, ['tours'], () => void call('/api/tours/assignment'));

  if (!preview) return problem ? <p class="alert" role="alert">{problem}</p> : null;
  const buses = preview.tours.flatMap((tour) => tour.buses.map((bus) => ({ tour, bus })));
  const languages = (tags: string[]) => languageNames(tags, language);
  const percent = new Intl.NumberFormat(language, { style: 'percent' }).format(preview.firstChoiceShare);
  const publish = () => {
    if (confirm(t('tours:organiser.publishConfirm'))) void call('/api/tours/assignment/publish', 'POST');
  };
  // The deadline is typed on the congress's clock.
  const saveDeadline = () => void call('/api/tours/settings', 'PATCH', { choicesCloseAt: deadline ? fromEventWallClock(deadline) : null });

  return (
    <section data-testid="tours-page" data-live={connected ? 'on' : 'off'}>
      <div class="toolbar">
        <h2>{t('tours:organiser.heading')}</h2>
        <span class={connected ? 'live-dot live-dot--on' : 'live-dot'} />
        {!preview.published && (
          <>
            <button type="button" onClick={() => void call('/api/tours/assignment/run', 'POST')} data-testid="run-tours">
              {t('tours:organiser.run')}
            </button>
            <button type="button" class="secondary" onClick={publish} data-testid="publish-tours">
              {t('tours:organiser.publish')}
            </button>
          </>
        )}
      </div>
      {problem && <p class="alert" role="alert">{problem}</p>}
      <p class={preview.published ? 'notice' : 'muted'} data-testid="tours-state">
        {preview.published ? t('tours:organiser.published', { when: formatEventDateTime(preview.publishedAt!, language) }) : t('tours:organiser.draft')}
      </p>
      {!preview.published && (
        <p class="field-row">
          <label>
            {t('tours:organiser.deadline')}{' '}
            <input type="datetime-local" value={deadline} onInput={(event) => setDeadline((event.target as HTMLInputElement).value)} />
          </label>
          <button type="button" class="secondary" onClick={saveDeadline}>
            {t('tours:organiser.saveDeadline')}
          </button>
        </p>
      )}
      <section class="stats" data-testid="tour-figures">
        <div class="stat">{t('tours:organiser.placed', { placed: preview.placed, total: preview.delegatesWithChoices })}</div>
        <div class="stat">{t('tours:organiser.firstChoice', { share: percent })}</div>
        <div class="stat">{t('tours:organiser.ranks', { ranks: preview.rankHistogram.join(' · ') })}</div>
        {preview.outsideChoices > 0 && <div class="stat">{t('tours:organiser.outside', { count: preview.outsideChoices })}</div>}
      </section>
      <div class="histogram" aria-hidden="true">
        {preview.rankHistogram.map((count, k) => (
          <span key={k} style={{ height: `${Math.max(8, (100 * count) / Math.max(1, ...preview.rankHistogram))}%` }}>
            {k + 1}: {count}
          </span>
        ))}
      </div>

      <div class="columns">
        <section class="card">
          <ul class="tour-list">
            {preview.tours.map((tour) => (
              <li key={tour.code} class="tour">
                <h3>{tour.title}</h3>
                <TourDetails tour={tour} />
                <ul>
                  {tour.buses.map((bus) => (
                    <li key={bus.id}>
                      <a
                        href={pagePath(`/organiser/buses/${bus.id}`)}
                        onClick={(event) => {
                          event.preventDefault();
                          navigate(`/organiser/buses/${bus.id}`);
                        }}
                      >
                        {t('tours:organiser.bus', { label: bus.label, taken: bus.seatsTaken, capacity: bus.capacity, languages: languages(bus.guideLanguages) })}
                      </a>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
        <section class="card" data-testid="tour-unassigned">
          <h3>{t('tours:organiser.unassigned')}</h3>
          <ul class="tour-list">
            {preview.unassigned.map((entry) => (
              <li key={entry.delegateId} class="tour">
                <strong dir="auto">{entry.name}</strong> · {countryName(entry.country, language)}
                <p class="small">{entry.reason}</p>
                <label class="small">
                  {t('tours:organiser.moveTo')}{' '}
                  <select value={moveTo[entry.delegateId] ?? ''} onChange={(event) => setMoveTo({ ...moveTo, [entry.delegateId]: (event.target as HTMLSelectElement).value })}>
                    <option value="" />
                    {buses.map(({ tour, bus }) => (
                      <option key={bus.id} value={bus.id}>
                        {tour.title} · {bus.label} ({bus.seatsTaken}/{bus.capacity})
                      </option>
                    ))}
                  </select>
                </label>{' '}
                <button
                  type="button"
                  class="secondary"
                  disabled={!moveTo[entry.delegateId]}
                  onClick={() => void call(`/api/tours/assignment/seats/${entry.delegateId}`, 'PUT', { bus: Number(moveTo[entry.delegateId]) })}
                >
                  {t('tours:organiser.move')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </section>
  );
}
