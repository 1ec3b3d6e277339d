import { useCallback, useEffect, useState } from 'preact/hooks';
import type { FloorBoard, RebookingProposal } from '../../shared/consultation-floor-schema.ts';
import { formatEventDateTime, formatEventTime } from '../app/event-zone.ts';
import { api } from '../app/api.ts';
import { useTranslation } from '../app/i18n.ts';
import { useLive } from '../app/live.ts';
import type { ParticipantProfile } from '../../shared/consultation-directory-schema.ts';
import { foldForSearch } from '../../shared/search-fold.ts';
import { useLiveAnnouncer } from '../components/LiveAnnouncer.tsx';

type TableMeeting = NonNullable<FloorBoard['tables'][number]['now']>;

/** The hall's table board for staff: each table now and next, arrivals, no-shows and the re-bookings they allow; live. */
export function FloorBoardPage({ token, onSignOut }: { token: string; onSignOut: () => void }) {
  const { t, language } = useTranslation();
  const [at, setAt] = useState<string | null>(null);
  const [board, setBoard] = useState<FloorBoard | null>(null);
  const [proposal, setProposal] = useState<RebookingProposal | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const load = useCallback(async () => {
    try {
      const next = await api<FloorBoard>(`/api/consultations/floor${at ? `?at=${encodeURIComponent(at)}` : ''}`, { token });
      // Outside the day, the board opens on its first slot.
      if (!at && !next.now && next.slots[0]) return setAt(next.slots[0].startsAt);
      setBoard(next);
    } catch (error) {
      if ((error as { status?: number }).status === 401) onSignOut();
      else setMessage({ ok: false, text: (error as Error).message });
    }
  }, [token, at, language]);
  useEffect(() => void load(), [load]);
  const { announce, region } = useLiveAnnouncer();
  const connected = useLive(token, ['consultations'], () => void load().then(() => announce(t('consultations:floor.updated', { time: formatEventTime(new Date().toISOString(), language) }))));

  const act = async (work: () => Promise<string | null>) => {
    setMessage(null);
    try {
      const text = await work();
      if (text) setMessage({ ok: true, text });
      await load();
    } catch (error) {
      setMessage({ ok: false, text: (error as Error).message });
    }
  };
  const arrive = (participant: string) => act(async () => (await api('/api/consultations/floor/arrivals', { method: 'POST', token, body: { participant } }), null));
  const noShow = (meeting: TableMeeting) => {
    if (!confirm(t('consultations:floor.noShowConfirm', { meeting: `${meeting.buyer.company} ↔ ${meeting.supplier.company}` }))) return;
    void act(async () => {
      setProposal(await api<RebookingProposal>(`/api/consultations/meetings/${meeting.meeting}/no-show`, { method: 'POST', token }));
      return null;
    });
  };
  // Companies by name for walk-ins and proposals: staff pick "Bharat Auto Components (B01)", never type a code.
  const [companies, setCompanies] = useState<ParticipantProfile[]>([]);
  useEffect(() => {
    api<ParticipantProfile[]>('/api/consultations/participants', { token }).then(setCompanies, () => setCompanies([]));
  }, [token, language]);
  const companyOf = (code: string) => companies.find((profile) => profile.code === code)?.company ?? code;
  const [walkIn, setWalkIn] = useState({ buyer: '', supplier: '' });
  /** The code behind what was typed or picked: "Company (B01)", the company's name, or a code typed by habit. */
  const codeOf = (typed: string, role: 'buyer' | 'supplier') => {
    const text = foldForSearch(typed.trim());
    const fromLabel = /\(([^()]+)\)$/.exec(typed.trim())?.[1];
    const match = companies.find((profile) => profile.role === role && (profile.code === fromLabel || foldForSearch(profile.company) === text || foldForSearch(profile.code) === text));
    return match?.code ?? typed.trim().toUpperCase();
  };
  const takeWalkIn = (event: Event) => {
    event.preventDefault();
    void act(async () => {
      const body = { buyer: codeOf(walkIn.buyer, 'buyer'), supplier: codeOf(walkIn.supplier, 'supplier'), ...(at ? { at } : {}) };
      setProposal(await api<RebookingProposal>('/api/consultations/floor/walk-ins', { method: 'POST', token, body }));
      setWalkIn({ buyer: '', supplier: '' });
      return null;
    });
  };
  const book = () =>
    act(async () => {
      await api('/api/consultations/rebookings', { method: 'POST', token, body: proposal });
      setProposal(null);
      return t('consultations:floor.booked');
    });

  if (!board) return message ? <p class="alert" role="alert">{message.text}</p> : null;
  const side = (person: TableMeeting['buyer']) => (
    <span class="floor-side">
      <span title={person.code} dir="auto">
        {person.company}
      </span>{' '}
      {person.arrived ? (
        <span class="badge badge--confirmed">{t('consultations:floor.arrived')}</span>
      ) : (
        <button type="button" class="secondary" onClick={() => void arrive(person.code)}>
          {t('consultations:floor.markArrived')}
        </button>
      )}
    </span>
  );
  const cell = (meeting: TableMeeting | null, current: boolean) =>
    meeting ? (
      <div data-meeting={meeting.meeting} title={meeting.meeting} class="floor-meeting">
        {meeting.attendance === 'no-show' && <span class="badge badge--cancelled">{t('consultations:floor.recorded')}</span>}
        {side(meeting.buyer)}
        {side(meeting.supplier)}
        {meeting.interpreter && (
          <div class="small muted" title={meeting.interpreter.code} dir="auto">
            {t('consultations:mine.interpreter', { name: meeting.interpreter.name })}
          </div>
        )}
        {current && !meeting.attendance && (
          <button type="button" class="danger" onClick={() => noShow(meeting)}>
            {t('consultations:floor.noShow')}
          </button>
        )}
      </div>
    ) : (
      <span class="muted">{t('consultations:floor.free')}</span>
    );

  return (
    <section data-testid="floor-board" data-live={connected ? 'on' : 'off'}>
      {region}
      <div class="toolbar">
        <h2>{t('consultations:floor.heading')}</h2>
        <label>
          {t('consultations:floor.slot')}{' '}
          <select value={board.now?.startsAt ?? at ?? ''} onChange={(event) => setAt((event.target as HTMLSelectElement).value)}>
            {board.slots.map((slot) => (
              <option key={slot.code} value={slot.startsAt}>
                {formatEventDateTime(slot.startsAt, language)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <form class="inline-form walk-in" data-testid="walk-in" onSubmit={takeWalkIn}>
        <strong class="walk-in__title">{t('consultations:floor.walkIn')}</strong>
        {(['buyer', 'supplier'] as const).map((side) => (
          <label key={side}>
            {t(`consultations:plan.${side}`)}
            <input name={side} required maxLength={200} list={`walk-in-${side}s`} autoComplete="off" value={walkIn[side]} onInput={(event) => setWalkIn({ ...walkIn, [side]: event.currentTarget.value })} />
            <datalist id={`walk-in-${side}s`}>
              {companies
                .filter((profile) => profile.role === side)
                .map((profile) => (
                  <option key={profile.code} value={`${profile.company} (${profile.code})`} />
                ))}
            </datalist>
          </label>
        ))}
        <button type="submit">{t('consultations:floor.findPlace')}</button>
      </form>
      {message && (
        <p class={message.ok ? 'notice' : 'alert'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
      {proposal && (
        <section class="card" data-testid="rebooking">
          <h3>{t('consultations:floor.proposals')}</h3>
          {proposal.proposals.length === 0 ? (
            <p>{t('consultations:floor.noProposals')}</p>
          ) : (
            <>
              <ul>
                {proposal.proposals.map((p) => (
                  <li key={p.meeting}>
                    {formatEventDateTime(p.startsAt, language)} · {p.table} · {companyOf(p.buyer)} ↔ {companyOf(p.supplier)}
                  </li>
                ))}
              </ul>
              <button type="button" onClick={() => void book()}>
                {t('consultations:floor.book')}
              </button>
            </>
          )}
        </section>
      )}
      <div class="table-scroll">
        <table class="delegates">
          <thead>
            <tr>
              <th />
              <th>
                {t('consultations:floor.now')} {board.now && formatEventDateTime(board.now.startsAt, language)}
              </th>
              <th>
                {t('consultations:floor.next')} {board.next && formatEventDateTime(board.next.startsAt, language)}
              </th>
            </tr>
          </thead>
          <tbody>
            {board.tables.map((row) => (
              <tr key={row.table} data-table={row.table}>
                <th class="table-code">{row.table}</th>
                <td>{cell(row.now, true)}</td>
                <td>{cell(row.next, false)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
