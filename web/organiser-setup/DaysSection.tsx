import { useEffect, useState } from 'preact/hooks';
import { dayFocuses, type CongressInfo } from '../../shared/congress-schema.ts';
import { formatEventDay } from '../../shared/event-time.ts';
import { api } from '../app/api.ts';
import { dayName } from '../app/event-zone.ts';
import { useTranslation } from '../app/i18n.ts';
import { useFormErrors } from '../app/use-form-errors.ts';
import { editedLanguages, filledTexts, TextMapInputs, type TextDraft } from '../components/TextMapInputs.tsx';
import { Outcome, Refusal } from './setup-parts.tsx';

type Day = CongressInfo['days'][number];

/** One day: what it is about, and a name of its own per language (left empty, the focus's label is shown). */
function DayRow({ congress, day, token }: { congress: CongressInfo; day: Day; token: string }) {
  const { t, language } = useTranslation();
  const prefix = `day-${day.date}`;
  const [draft, setDraft] = useState({ focus: day.focus, title: { ...(day.title ?? {}) } as TextDraft });
  const [shown, setShown] = useState(day);
  const [saved, setSaved] = useState(false);
  const { errors, general, clear, show } = useFormErrors(['focus', 'title', 'date'], prefix);
  const save = async (event: Event) => {
    event.preventDefault();
    clear();
    setSaved(false);
    const title = filledTexts(draft.title);
    try {
      const info = await api<CongressInfo>(`/api/congress/days/${day.date}`, { method: 'PUT', token, body: { focus: draft.focus, title: Object.keys(title).length > 0 ? title : null } });
      setShown(info.days.find((candidate) => candidate.date === day.date) ?? shown);
      setSaved(true);
    } catch (error) {
      show(error);
    }
  };
  return (
    <li class="card" data-day={day.date}>
      <details>
        <summary>
          <h4 class="summary-heading">
            {formatEventDay(day.date, language)} <span class="muted small">{dayName(shown, t, language)}</span>
          </h4>
        </summary>
        <form onSubmit={save} noValidate>
          <div class={`field${errors.focus ? ' field--invalid' : ''}`}>
            <label for={`${prefix}-focus`}>{t('fields:focus')}</label>
            <select id={`${prefix}-focus`} value={draft.focus} onChange={(event) => setDraft({ ...draft, focus: event.currentTarget.value })}>
              {dayFocuses.map((focus) => (
                <option key={focus} value={focus}>
                  {t(`congress.days.${focus}`)}
                </option>
              ))}
            </select>
          </div>
          <TextMapInputs
            id={`${prefix}-title`}
            languages={editedLanguages(congress.languages, day.title)}
            texts={draft.title}
            onChange={(title) => setDraft({ ...draft, title })}
            label={(name) => t('setup.dayNameIn', { language: name })}
            error={errors.title}
          />
          <button type="submit">{t('setup.save')}</button>
          <Refusal text={general ?? errors.date} />
          <Outcome message={saved ? { ok: true, text: t('setup.saved') } : null} />
        </form>
      </details>
    </li>
  );
}

/** Moves the whole edition to a new first day; every time keeps its hour on the edition's clock. */
function MoveEdition({ congress, token, onMoved }: { congress: CongressInfo; token: string; onMoved: () => void }) {
  const { t, language } = useTranslation();
  const [startsOn, setStartsOn] = useState(congress.startsOn);
  const { errors, general, clear, show } = useFormErrors(['startsOn'], 'move');
  const move = async (event: Event) => {
    event.preventDefault();
    clear();
    if (!confirm(t('setup.moveConfirm', { date: formatEventDay(startsOn, language) }))) return;
    try {
      await api('/api/congress/move', { method: 'POST', token, body: { startsOn } });
      onMoved();
    } catch (error) {
      show(error);
    }
  };
  return (
    <form class="card setup-inline" onSubmit={move} noValidate data-testid="move-edition">
      <div class={`field${errors.startsOn ? ' field--invalid' : ''}`}>
        <label for="move-startsOn">{t('setup.moveTo')}</label>
        <input id="move-startsOn" type="date" value={startsOn} onInput={(event) => setStartsOn(event.currentTarget.value)} />
      </div>
      <button type="submit" class="secondary">
        {t('setup.move')}
      </button>
      <p class="field__hint">{t('setup.moveHint')}</p>
      <Refusal text={general ?? errors.startsOn} />
    </form>
  );
}

/** The edition's days: what each is about and its name per language, and moving the whole edition to other dates. */
export function DaysSection({ token, onDatesChanged }: { token: string; onDatesChanged: () => void }) {
  const { t } = useTranslation();
  const [congress, setCongress] = useState<CongressInfo | null>(null);
  useEffect(() => {
    void api<CongressInfo>('/api/congress').then(setCongress);
  }, [token]);
  if (!congress) return null;
  return (
    <section data-testid="days-setup">
      <h3>{t('setup.daysTitle')}</h3>
      <p class="muted">{t('setup.daysIntro')}</p>
      <ul class="setup-list">
        {congress.days.map((day) => (
          <DayRow key={day.date} congress={congress} day={day} token={token} />
        ))}
      </ul>
      <MoveEdition congress={congress} token={token} onMoved={onDatesChanged} />
    </section>
  );
}
