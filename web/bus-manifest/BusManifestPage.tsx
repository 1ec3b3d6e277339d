import { useCallback, useEffect, useState } from 'preact/hooks';
import { countryName } from '../../shared/countries.ts';
import { formatEventDateTime } from '../app/event-zone.ts';
import { languageNames } from '../../shared/languages.ts';
import type { BusManifest } from '../../shared/tour-schema.ts';
import { api, downloadFile } from '../app/api.ts';
import { useTranslation } from '../app/i18n.ts';
import { useLive } from '../app/live.ts';
import { navigate } from '../app/router.ts';
import { TourDetails } from '../components/TourDetails.tsx';
import { useUndoBar } from '../components/UndoBar.tsx';

/** One bus's passenger list: printable, downloadable as CSV, and the boarding check at the door on the day. */
export function BusManifestPage({ token, busId, onSignOut }: { token: string; busId: number; onSignOut: () => void }) {
  const { t, language } = useTranslation();
  const [manifest, setManifest] = useState<BusManifest | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setManifest(await api<BusManifest>(`/api/tours/buses/${busId}/manifest`, { token }));
    } catch (error) {
      if ((error as { status?: number }).status === 401) onSignOut();
      else setProblem((error as Error).message);
    }
  }, [token, busId, language]);
  useEffect(() => void load(), [load]);
  useLive(token, ['tours'], () => void load());

  const { bar, offerUndo } = useUndoBar();

  if (!manifest) return problem ? <p class="alert" role="alert">{problem}</p> : null;
  const board = async (delegateId: number, name: string) => {
    setProblem(null);
    try {
      await api(`/api/tours/buses/${busId}/boarding`, { method: 'POST', token, body: { delegate: delegateId } });
      await load();
      offerUndo({
        message: t('tours:manifest.boardedNotice', { name }),
        undo: async () => {
          await api(`/api/tours/buses/${busId}/boarding/${delegateId}`, { method: 'DELETE', token });
          await load();
        },
      });
    } catch (error) {
      setProblem((error as Error).message);
    }
  };
  const download = () => downloadFile(`/api/tours/buses/${busId}/manifest.csv?lang=${language}`, `manifest-${manifest.tour.code}-${busId}.csv`, { token });
  const boarded = manifest.passengers.filter((row) => row.boardedAt).length;
  return (
    <section class="card" data-testid="bus-manifest">
      <div class="toolbar no-print">
        <button type="button" class="link" onClick={() => navigate('/organiser/tours')}>
          {t('tours:manifest.back')}
        </button>
        <button type="button" class="secondary" onClick={() => print()}>
          {t('tours:manifest.print')}
        </button>
        <button type="button" class="secondary" onClick={() => void download()}>
          {t('tours:manifest.csv')}
        </button>
      </div>
      {problem && <p class="alert" role="alert">{problem}</p>}
      <h2>
        {t('tours:manifest.heading')}: {manifest.tour.title} · {manifest.bus.label}
      </h2>
      <TourDetails tour={manifest.tour} />
      <p>{t('tours:manifest.count', { boarded, total: manifest.passengers.length })}</p>
      <div class="table-scroll">
        <table class="delegates">
          <thead>
            <tr>
              <th>{t('tours:manifest.name')}</th>
              <th>{t('tours:manifest.country')}</th>
              <th>{t('tours:manifest.languages')}</th>
              <th>{t('tours:manifest.phone')}</th>
              <th>{t('tours:manifest.boarded')}</th>
            </tr>
          </thead>
          <tbody>
            {manifest.passengers.map((row) => (
              <tr key={row.delegateId}>
                <td dir="auto">{row.name}</td>
                <td>{countryName(row.country, language)}</td>
                <td>{languageNames(row.languages, language)}</td>
                <td>{row.phone ?? ''}</td>
                <td>
                  {row.boardedAt ? (
                    formatEventDateTime(row.boardedAt, language)
                  ) : (
                    <button type="button" class="secondary no-print" onClick={() => void board(row.delegateId, row.name)}>
                      {t('tours:manifest.board')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {bar}
    </section>
  );
}
