import { useCallback, useEffect, useState } from 'preact/hooks';
import type { AgendaChange, MyAgenda, ProgrammeView, SessionView } from '../../shared/programme-schema.ts';
import { formatEventDay } from '../../shared/event-time.ts';
import { eventTimeZone } from '../app/event-zone.ts';
import { api } from '../app/api.ts';
import { useTranslation } from '../app/i18n.ts';
import { useLive } from '../app/live.ts';
import { readToken } from '../app/session.ts';

/** The congress programme for everyone: day by day, each session with its time, room, chair, speakers and papers. */
export function ProgrammePage() {
  const { t, language } = useTranslation();
  const [programme, setProgramme] = useState<ProgrammeView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // A delegate who opened their personal link on this browser builds their agenda here.
  const token = readToken('delegate');
  const [agenda, setAgenda] = useState<MyAgenda | null>(null);
  const [onlyMine, setOnlyMine] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setProgramme(await api<ProgrammeView>('/api/programme'));
      if (token) setAgenda(await api<MyAgenda>('/api/me/agenda', { token }));
    } catch (error) {
      setProblem((error as Error).message);
    }
  }, [language, token]);
  useEffect(() => void load(), [load]);
  // A place freed at a full side event, or a session called off or on, reaches the delegate here without a reload.
  useLive(token, agenda ? [agenda.liveTopic] : [], (event) => {
    if (event && event.event.type !== 'agenda.changed') return;
    void load();
    const session = programme?.sessions.find((candidate) => candidate.code === event?.event.session);
    if (session) setNotice(t(`programme:agenda.notices.${event!.event.change as AgendaChange}`, { title: session.title }));
  });
  const change = async (code: string, method: 'PUT' | 'DELETE') => {
    try {
      await api(`/api/me/agenda/${encodeURIComponent(code)}`, { method, token: token! });
      setProblem(null);
      await load();
    } catch (error) {
      setProblem((error as Error).message);
    }
  };
  if (!programme) return problem ? <p class="alert" role="alert">{problem}</p> : null;
  // Days in the event's zone: a session's calendar date is the one printed on the programme.
  const dayOf = (session: SessionView) => new Intl.DateTimeFormat('en-CA', { timeZone: eventTimeZone() }).format(new Date(session.startsAt));
  const shown = onlyMine && agenda ? programme.sessions.filter((session) => agenda.entries.some((entry) => entry.session.code === session.code)) : programme.sessions;
  const days = [...new Set(shown.map(dayOf))];
  return (
    <main class="page page--wide" data-testid="programme">
      <h1>{t('programme:heading')}</h1>
      <p class="muted">{t('programme:theme')}</p>
      {problem && <p class="alert" role="alert">{problem}</p>}
      {notice && (
        <p class="notice" role="status" data-testid="agenda-notice">
          {notice}
        </p>
      )}
      {agenda && (
        <label class="check">
          <input type="checkbox" checked={onlyMine} onChange={(event) => setOnlyMine(event.currentTarget.checked)} data-testid="only-mine" /> {t('programme:agenda.myAgenda')}
          {agenda.entries.length === 0 && <span class="muted"> · {t('programme:agenda.empty')}</span>}
        </label>
      )}
      {days.map((day) => (
        <section key={day} class="card">
          <h2>{formatEventDay(day, language)}</h2>
          <ol class="sessions">
            {shown.filter((session) => dayOf(session) === day).map((session) => (
              <SessionItem key={session.code} session={session} entry={agenda?.entries.find((entry) => entry.session.code === session.code) ?? null} onChange={token ? change : null} />
            ))}
          </ol>
        </section>
      ))}
    </main>
  );
}

type AgendaEntry = MyAgenda['entries'][number];

function SessionItem({ session, entry, onChange }: { session: SessionView; entry: AgendaEntry | null; onChange: ((code: string, method: 'PUT' | 'DELETE') => void) | null }) {
  const { t, language } = useTranslation();
  const clock = new Intl.DateTimeFormat(language, { timeStyle: 'short', timeZone: eventTimeZone() });
  return (
    <li class={`session session--${session.kind}${session.cancelled ? ' session--cancelled' : ''}`} data-session={session.code}>
      <p class="session__time">
        {clock.format(new Date(session.startsAt))}–{clock.format(new Date(session.endsAt))} · {session.room?.name ?? session.place}
      </p>
      <h3>
        <span class="badge">{t(`programme:kinds.${session.kind}`)}</span>
        {session.cancelled && (
          <>
            {' '}
            <span class="badge badge--cancelled">{t('programme:cancelled')}</span>
          </>
        )}{' '}
        <span class="session__title">{session.title}</span>
      </h3>
      {session.description && <p>{session.description}</p>}
      {session.chair && <p class="small">{t('programme:chair', { name: `${session.chair.name} (${session.chair.affiliation})` })}</p>}
      {session.speakers.length > 0 && (
        <p class="small">{t('programme:speakers', { names: session.speakers.map((person) => `${person.name} (${person.affiliation})`).join('; ') })}</p>
      )}
      {session.capacity !== null && (
        <p class="small">
          {session.taken < session.capacity
            ? t('programme:agenda.placesLeft', { left: session.capacity - session.taken, capacity: session.capacity })
            : t('programme:agenda.full')}
        </p>
      )}
      {onChange && (
        <div class="field-row" data-testid={`agenda-${session.code}`}>
          {entry ? (
            <>
              <span class={`badge ${entry.status === 'going' ? 'badge--confirmed' : ''}`}>{t(`programme:agenda.${entry.status}`)}</span>
              <button type="button" class="link" onClick={() => onChange(session.code, 'DELETE')}>
                {t('programme:agenda.remove')}
              </button>
            </>
          ) : session.cancelled ? null : (
            <button type="button" class="secondary" onClick={() => onChange(session.code, 'PUT')}>
              {t(session.capacity === null ? 'programme:agenda.add' : 'programme:agenda.signUp')}
            </button>
          )}
        </div>
      )}
      {entry && entry.clashes.length > 0 && (
        <p class="small alert" data-testid={`clash-${session.code}`}>
          {t('programme:agenda.clashes', { items: entry.clashes.map((clash) => `${t(`programme:agenda.kinds2.${clash.kind}`)} · ${clash.title}`).join('; ') })}
        </p>
      )}
      {session.papers.length > 0 && (
        <details>
          <summary>{t('programme:papers', { count: session.papers.length })}</summary>
          <ul>
            {session.papers.map((paper) => (
              <li key={paper.title}>
                <strong>{paper.title}</strong> — {paper.authors}
                <p class="small muted">{paper.abstract}</p>
              </li>
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}
