import { useCallback, useEffect, useState } from 'preact/hooks';
import { formatEventDateTime } from '../app/event-zone.ts';
import { maxTourChoices, type MyTours, type SeatRequestAnswer } from '../../shared/tour-schema.ts';
import { api } from '../app/api.ts';
import { useTranslation } from '../app/i18n.ts';
import { useLive } from '../app/live.ts';
import { TourDetails } from '../components/TourDetails.tsx';

/**
 * A delegate's cluster tours: before publishing they rank up to five tours; afterwards they see their bus, time and
 * meeting point, their place on waiting lists, and can take a free seat or give theirs up. Updates arrive live.
 */
export function MyToursSection({ token, delegateId }: { token: string; delegateId: number }) {
  const { t, language } = useTranslation();
  const [tours, setTours] = useState<MyTours | null>(null);
  const [choices, setChoices] = useState<string[]>([]);
  // "Saved" is said beside the button until the choices change again or another notice takes its place.
  const [saved, setSaved] = useState(false);
  const choose = (next: string[]) => {
    setChoices(next);
    setSaved(false);
  };
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const next = await api<MyTours>('/api/me/tours', { token });
      setTours(next);
      setChoices(next.choices);
      return next;
    } catch (error) {
      setProblem((error as Error).message);
      return null;
    }
  }, [token, language]);

  useEffect(() => void load(), [load]);
  useLive(token, [`delegate:${delegateId}`], (event) => {
    if (event?.event.type === 'tour.changed') void load().then(() => setNotice(t('tours:my.changed')));
  });

  if (!tours) return problem ? <p class="alert" role="alert">{problem}</p> : null;
  const titleOf = (code: string) => tours.tours.find((tour) => tour.code === code)?.title ?? code;

  const act = async (work: () => Promise<string | null>) => {
    setProblem(null);
    setNotice(null);
    try {
      const message = await work();
      await load();
      if (message) setNotice(message);
    } catch (error) {
      setProblem((error as Error).message);
    }
  };
  const save = () =>
    act(async () => {
      await api('/api/me/tours/choices', { method: 'PUT', token, body: { tours: choices } });
      setSaved(true);
      return null;
    });
  const takeSeat = (code: string) =>
    act(async () => {
      const answer = await api<SeatRequestAnswer>('/api/me/tours/seat', { method: 'POST', token, body: { tour: code } });
      return answer.outcome === 'seated' ? t('tours:my.seated', { tour: titleOf(code) }) : t('tours:my.waitlisted', { position: answer.position });
    });
  const giveUp = () => {
    if (!confirm(t('tours:my.giveUpConfirm'))) return;
    void act(async () => {
      await api('/api/me/tours/seat', { method: 'DELETE', token });
      return null;
    });
  };
  const move = (code: string, by: number) => {
    const next = [...choices];
    const from = next.indexOf(code);
    next.splice(from, 1);
    next.splice(from + by, 0, code);
    choose(next);
  };

  const seatTour = tours.seat ? tours.tours.find((tour) => tour.code === tours.seat!.tour) : undefined;
  return (
    <section class="card" data-testid="my-tours">
      <h2>{t('tours:my.heading')}</h2>
      {problem && <p class="alert" role="alert">{problem}</p>}
      {notice && <p class="notice" role="status">{notice}</p>}

      {tours.published && (
        <div class="seat" data-testid="tour-seat">
          <h3>{t('tours:my.seatHeading')}</h3>
          {tours.seat && seatTour ? (
            <>
              <p class="summary__name">
                {seatTour.title} · {tours.seat.busLabel}
              </p>
              {tours.seat.rank !== null && <p class="small">{t('tours:my.choice', { rank: tours.seat.rank })}</p>}
              <TourDetails tour={seatTour} />
              <button type="button" class="danger" onClick={giveUp}>
                {t('tours:my.giveUp')}
              </button>
            </>
          ) : (
            <p>{t('tours:my.noSeat')}</p>
          )}
          {tours.waitlist.map((entry) => (
            <p key={entry.tour} data-testid="tour-waitlist">
              {t('tours:my.waitlist', { tour: titleOf(entry.tour), position: entry.position })}
            </p>
          ))}
        </div>
      )}

      {!tours.published && (
        <>
          <p>{t('tours:my.intro', { max: maxTourChoices })}</p>
          <p class="small muted">
            {tours.choicesOpen ? tours.choicesCloseAt && t('tours:my.closesAt', { when: formatEventDateTime(tours.choicesCloseAt, language) }) : t('tours:my.closed')}
          </p>
          <h3>{t('tours:my.yourChoices')}</h3>
          {choices.length === 0 && <p class="muted">{t('tours:my.noChoices')}</p>}
          <ol class="choices" data-testid="tour-choices">
            {choices.map((code, k) => (
              <li key={code} data-rank={k + 1}>
                <span>
                  <span class="rank" aria-label={t('tours:my.rank', { rank: k + 1 })}>
                    {k + 1}
                  </span>{' '}
                  {titleOf(code)}
                </span>
                {tours.choicesOpen && (
                  <span class="row-actions">
                    {k > 0 && (
                      <button type="button" class="secondary" onClick={() => move(code, -1)}>
                        {t('tours:my.up')}
                      </button>
                    )}
                    {k < choices.length - 1 && (
                      <button type="button" class="secondary" onClick={() => move(code, 1)}>
                        {t('tours:my.down')}
                      </button>
                    )}
                    <button type="button" class="secondary" onClick={() => choose(choices.filter((c) => c !== code))}>
                      {t('tours:my.remove')}
                    </button>
                  </span>
                )}
              </li>
            ))}
          </ol>
          {tours.choicesOpen && (
            <div class="actions">
              <button type="button" onClick={() => void save()} data-testid="save-tour-choices">
                {t('tours:my.save')}
              </button>
              {saved && !notice && (
                <span class="saved-mark" role="status">
                  {t('tours:my.saved')}
                </span>
              )}
            </div>
          )}
        </>
      )}

      <ul class="tour-list">
        {tours.tours.map((tour) => {
          const seatsLeft = tour.buses.reduce((sum, bus) => sum + bus.capacity - bus.seatsTaken, 0);
          return (
            <li key={tour.code} class="tour" data-tour={tour.code}>
              <h3>{tour.title}</h3>
              <p>{tour.description}</p>
              <TourDetails tour={tour} />
              {!tours.published && tours.choicesOpen && !choices.includes(tour.code) && choices.length < maxTourChoices && (
                <button type="button" class="secondary" onClick={() => choose([...choices, tour.code])}>
                  {t('tours:my.add')}
                </button>
              )}
              {tours.published && !tours.seat && (
                <>
                  <p class="small">{t('tours:my.seatsLeft', { count: seatsLeft })}</p>
                  <button type="button" class="secondary" onClick={() => void takeSeat(tour.code)}>
                    {t('tours:my.takeSeat')}
                  </button>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
