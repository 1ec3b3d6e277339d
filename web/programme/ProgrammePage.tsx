import { useEffect, useState } from 'preact/hooks';
import type { ProgrammeView, SessionView } from '../../shared/programme-schema.ts';
import { eventTimeZone, formatEventDay } from '../../shared/event-time.ts';
import { api } from '../app/api.ts';
import { useTranslation } from '../app/i18n.ts';

/** The congress programme for everyone: day by day, each session with its time, room, chair, speakers and papers. */
export function ProgrammePage() {
  const { t, language } = useTranslation();
  const [programme, setProgramme] = useState<ProgrammeView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    api<ProgrammeView>('/api/programme')
      .then(setProgramme)
      .catch((error: Error) => setProblem(error.message));
  }, [language]);
  if (!programme) return problem ? <p class="alert" role="alert">{problem}</p> : null;
  // Days in the event's zone: a session's calendar date is the one printed on the programme.
  const dayOf = (session: SessionView) => new Intl.DateTimeFormat('en-CA', { timeZone: eventTimeZone }).format(new Date(session.startsAt));
  const days = [...new Set(programme.sessions.map(dayOf))];
  return (
    <main class="page page--wide" data-testid="programme">
      <h1>{t('programme:heading')}</h1>
      <p class="muted">{t('programme:theme')}</p>
      {days.map((day) => (
        <section key={day} class="card">
          <h2>{formatEventDay(day, language)}</h2>
          <ol class="sessions">
            {programme.sessions.filter((session) => dayOf(session) === day).map((session) => (
              <SessionItem key={session.code} session={session} />
            ))}
          </ol>
        </section>
      ))}
    </main>
  );
}

function SessionItem({ session }: { session: SessionView }) {
  const { t, language } = useTranslation();
  const clock = new Intl.DateTimeFormat(language, { timeStyle: 'short', timeZone: eventTimeZone });
  return (
    <li class={`session session--${session.kind}`} data-session={session.code}>
      <p class="session__time">
        {clock.format(new Date(session.startsAt))}–{clock.format(new Date(session.endsAt))} · {session.room?.name ?? session.place}
      </p>
      <h3>
        <span class="badge">{t(`programme:kinds.${session.kind}`)}</span> {session.title}
      </h3>
      {session.description && <p>{session.description}</p>}
      {session.chair && <p class="small">{t('programme:chair', { name: `${session.chair.name} (${session.chair.affiliation})` })}</p>}
      {session.speakers.length > 0 && (
        <p class="small">{t('programme:speakers', { names: session.speakers.map((person) => `${person.name} (${person.affiliation})`).join('; ') })}</p>
      )}
      {session.capacity !== null && <p class="small">{t('programme:capacity', { capacity: session.capacity })}</p>}
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
