import { useEffect, useState } from 'preact/hooks';
import type { CongressInfo } from '../../shared/congress-schema.ts';
import { inReaderLanguage } from '../../shared/localized-text.ts';
import type { BusAsStored, BusChanged, TourAsStored, ToursAsStored } from '../../shared/tour-setup-schema.ts';
import { api } from '../app/api.ts';
import { formatEventDateTime, fromEventWallClock, toEventWallClock } from '../app/event-zone.ts';
import { useTranslation } from '../app/i18n.ts';
import { useFormErrors } from '../app/use-form-errors.ts';
import { LanguageChips } from '../components/LanguageChips.tsx';
import { editedLanguages, filledTexts, TextMapInputs, type TextDraft } from '../components/TextMapInputs.tsx';
import { Outcome, Refusal, SetupTable } from './setup-parts.tsx';

interface TourDraft {
  code: string;
  title: TextDraft;
  meetingPoint: TextDraft;
  description: TextDraft;
  departsAt: string;
  returnsAt: string;
}

const tourFields = ['code', 'title', 'meetingPoint', 'description', 'departsAt', 'returnsAt'];

const draftOf = (tour: TourAsStored): TourDraft => ({
  code: tour.code,
  title: { ...tour.title } as TextDraft,
  meetingPoint: { ...tour.meetingPoint } as TextDraft,
  description: { ...tour.description } as TextDraft,
  departsAt: toEventWallClock(tour.departsAt),
  returnsAt: toEventWallClock(tour.returnsAt),
});

const bodyOf = (draft: TourDraft) => ({
  title: filledTexts(draft.title),
  meetingPoint: filledTexts(draft.meetingPoint),
  description: filledTexts(draft.description),
  departsAt: draft.departsAt ? fromEventWallClock(draft.departsAt) : '',
  returnsAt: draft.returnsAt ? fromEventWallClock(draft.returnsAt) : '',
});

/** The fields of a tour: its texts in the edition's languages, departure and return on the edition's clock. */
function TourFields({ prefix, draft, languages, errors, onChange }: { prefix: string; draft: TourDraft; languages: string[]; errors: Record<string, string>; onChange: (draft: TourDraft) => void }) {
  const { t } = useTranslation();
  const time = (key: 'departsAt' | 'returnsAt') => (
    <div class={`field${errors[key] ? ' field--invalid' : ''}`}>
      <label for={`${prefix}-${key}`}>{t(`fields:${key}`)}</label>
      <input id={`${prefix}-${key}`} type="datetime-local" value={draft[key]} aria-invalid={errors[key] ? 'true' : undefined} onInput={(event) => onChange({ ...draft, [key]: event.currentTarget.value })} />
      <Refusal text={errors[key]} />
    </div>
  );
  return (
    <>
      <TextMapInputs id={`${prefix}-title`} languages={languages} texts={draft.title} onChange={(title) => onChange({ ...draft, title })} label={(name) => t('setup.titleIn', { language: name })} error={errors.title} />
      <TextMapInputs
        id={`${prefix}-meetingPoint`}
        languages={languages}
        texts={draft.meetingPoint}
        onChange={(meetingPoint) => onChange({ ...draft, meetingPoint })}
        label={(name) => t('setup.meetingPointIn', { language: name })}
        error={errors.meetingPoint}
      />
      <TextMapInputs
        id={`${prefix}-description`}
        languages={languages}
        texts={draft.description}
        onChange={(description) => onChange({ ...draft, description })}
        label={(name) => t('setup.descriptionIn', { language: name })}
        error={errors.description}
        multiline
        maxLength={500}
      />
      <div class="field-row">
        {time('departsAt')}
        {time('returnsAt')}
      </div>
    </>
  );
}

/** One bus as a row (label, seats, guide languages), saved or removed on its own; without `bus`, the row that adds one to `tour`. */
function BusRow({ congress, tour, bus, token, onChanged }: { congress: CongressInfo; tour: TourAsStored; bus: BusAsStored | null; token: string; onChanged: (tour: TourAsStored) => void }) {
  const { t, language } = useTranslation();
  const prefix = bus ? `bus-${bus.id}` : `new-bus-${tour.code}`;
  const languages = editedLanguages(congress.languages, bus?.label);
  // A new bus is numbered after the others, in each of the edition's languages as that language says it.
  const label: TextDraft = bus ? { ...bus.label } : Object.fromEntries(languages.map((code) => [code, t('setup.busLabel', { number: tour.buses.length + 1, lng: code })]));
  const start = bus ?? { capacity: 45, guideLanguages: [] as string[] };
  const [draft, setDraft] = useState({ label, capacity: String(start.capacity), guideLanguages: start.guideLanguages });
  const [saved, setSaved] = useState<string | null>(null);
  const { errors, general, clear, show } = useFormErrors(['label', 'capacity', 'guideLanguages', 'bus'], prefix);
  const save = async () => {
    clear();
    setSaved(null);
    const body = { label: filledTexts(draft.label), capacity: Number(draft.capacity), guideLanguages: draft.guideLanguages };
    try {
      const answer = bus
        ? await api<BusChanged>(`/api/tours/buses/${bus.id}`, { method: 'PATCH', token, body })
        : await api<BusChanged>(`/api/tours/${encodeURIComponent(tour.code)}/buses`, { method: 'POST', token, body });
      if (bus) setSaved(answer.promoted.length > 0 ? t('setup.busPromoted', { count: answer.promoted.length }) : t('setup.saved'));
      onChanged(answer.tour);
    } catch (error) {
      show(error);
    }
  };
  const remove = async (existing: BusAsStored) => {
    if (!confirm(t('setup.removeBusConfirm', { bus: inReaderLanguage(existing.label, language, congress.languages) }))) return;
    clear();
    try {
      onChanged(await api<TourAsStored>(`/api/tours/buses/${existing.id}`, { method: 'DELETE', token }));
    } catch (error) {
      show(error);
    }
  };
  const problem = errors.label ?? errors.capacity ?? errors.guideLanguages ?? errors.bus ?? general;
  return (
    <tr {...(bus ? { 'data-bus': bus.id } : { class: 'new-row', 'data-testid': `new-bus-${tour.code}` })}>
      <td data-label={t('fields:label')}>
        <TextMapInputs id={`${prefix}-label`} languages={languages} texts={draft.label} onChange={(texts) => setDraft({ ...draft, label: texts })} label={(name) => t('setup.nameIn', { language: name })} maxLength={60} />
      </td>
      <td data-label={t('setup.seats')}>
        <input
          id={`${prefix}-capacity`}
          class="input--number"
          aria-label={t('setup.seats')}
          type="number"
          min={1}
          max={500}
          inputMode="numeric"
          value={draft.capacity}
          aria-invalid={errors.capacity ? 'true' : undefined}
          onInput={(event) => setDraft({ ...draft, capacity: event.currentTarget.value })}
        />
        {bus && <span class="muted small"> {t('setup.seatsTaken', { count: bus.seatsTaken })}</span>}
      </td>
      <td data-label={t('fields:guideLanguages')}>
        <LanguageChips id={`${prefix}-guideLanguages`} value={draft.guideLanguages} invalid={Boolean(errors.guideLanguages)} onChange={(guideLanguages) => setDraft({ ...draft, guideLanguages })} />
      </td>
      <td class="actions">
        <button type="button" onClick={() => void save()}>
          {bus ? t('setup.save') : t('setup.addBus')}
        </button>
        {bus && (
          <button type="button" class="secondary" onClick={() => void remove(bus)}>
            {t('setup.remove')}
          </button>
        )}
        <Refusal text={problem} />
        <Outcome message={saved ? { ok: true, text: saved } : null} />
      </td>
    </tr>
  );
}

function TourCard({ congress, tour, token, onChanged, onRemoved }: { congress: CongressInfo; tour: TourAsStored; token: string; onChanged: (tour: TourAsStored) => void; onRemoved: () => void }) {
  const { t, language } = useTranslation();
  const prefix = `tour-${tour.code}`;
  const [draft, setDraft] = useState(draftOf(tour));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const { errors, general, clear, show } = useFormErrors([...tourFields, 'tour'], prefix);
  const title = inReaderLanguage(tour.title, language, congress.languages);
  const save = async (event: Event) => {
    event.preventDefault();
    clear();
    setMessage(null);
    try {
      onChanged(await api<TourAsStored>(`/api/tours/${encodeURIComponent(tour.code)}`, { method: 'PATCH', token, body: bodyOf(draft) }));
      setMessage({ ok: true, text: t('setup.saved') });
    } catch (error) {
      show(error);
    }
  };
  const remove = async () => {
    if (!confirm(t('setup.removeTourConfirm', { tour: title }))) return;
    clear();
    try {
      await api(`/api/tours/${encodeURIComponent(tour.code)}`, { method: 'DELETE', token });
      onRemoved();
    } catch (error) {
      show(error);
    }
  };
  const seats = tour.buses.reduce((sum, bus) => sum + bus.capacity, 0);
  return (
    <li class="card" data-tour={tour.code}>
      <details>
        <summary>
          <strong>{title}</strong>{' '}
          <span class="muted small">
            {tour.code} · {formatEventDateTime(tour.departsAt, language)} · {t('setup.tourSummary', { buses: tour.buses.length, seats, chosen: tour.chosenBy })}
          </span>
        </summary>
        <form onSubmit={save} noValidate>
          <TourFields prefix={prefix} draft={draft} languages={editedLanguages(congress.languages, tour.title, tour.meetingPoint, tour.description)} errors={errors} onChange={setDraft} />
          <p class="toolbar">
            <button type="submit">{t('setup.save')}</button>
            <button type="button" class="secondary" onClick={() => void remove()}>
              {t('setup.removeTour')}
            </button>
          </p>
          <Outcome message={general || errors.tour ? { ok: false, text: (general ?? errors.tour)! } : message} />
        </form>
        <h4>{t('setup.busesTitle')}</h4>
        <SetupTable headings={[t('fields:label'), t('setup.seats'), t('fields:guideLanguages')]}>
          {tour.buses.map((bus) => (
            <BusRow key={`${bus.id}:${bus.seatsTaken}`} congress={congress} tour={tour} bus={bus} token={token} onChanged={onChanged} />
          ))}
          <BusRow key={`new:${tour.buses.length}`} congress={congress} tour={tour} bus={null} token={token} onChanged={onChanged} />
        </SetupTable>
      </details>
    </li>
  );
}

function NewTour({ congress, token, onAdded }: { congress: CongressInfo; token: string; onAdded: (tour: TourAsStored) => void }) {
  const { t } = useTranslation();
  const firstDay = congress.days.find((day) => day.focus === 'tours')?.date ?? congress.startsOn;
  const empty: TourDraft = { code: '', title: {}, meetingPoint: {}, description: {}, departsAt: `${firstDay}T08:00`, returnsAt: `${firstDay}T18:00` };
  const [draft, setDraft] = useState(empty);
  const { errors, general, clear, show } = useFormErrors(tourFields, 'new-tour');
  const add = async (event: Event) => {
    event.preventDefault();
    clear();
    try {
      const tour = await api<TourAsStored>('/api/tours', { method: 'POST', token, body: { code: draft.code, ...bodyOf(draft) } });
      setDraft(empty);
      onAdded(tour);
    } catch (error) {
      show(error);
    }
  };
  return (
    <form class="card" onSubmit={add} noValidate data-testid="new-tour">
      <h4>{t('setup.newTour')}</h4>
      <div class={`field${errors.code ? ' field--invalid' : ''}`}>
        <label for="new-tour-code">{t('setup.code')}</label>
        <input id="new-tour-code" value={draft.code} maxLength={60} aria-invalid={errors.code ? 'true' : undefined} onInput={(event) => setDraft({ ...draft, code: event.currentTarget.value })} />
        <Refusal text={errors.code} />
      </div>
      <TourFields prefix="new-tour" draft={draft} languages={congress.languages} errors={errors} onChange={setDraft} />
      <Outcome message={general ? { ok: false, text: general } : null} />
      <button type="submit">{t('setup.addTour')}</button>
    </form>
  );
}

/** The edition's cluster tours and their buses, as delegates will choose them. */
export function ToursSection({ token }: { token: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<{ congress: CongressInfo; tours: TourAsStored[] } | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    void Promise.all([api<CongressInfo>('/api/congress'), api<ToursAsStored>('/api/tours/setup', { token })]).then(([congress, { tours }]) => setState({ congress, tours }));
  }, [token, version]);
  if (!state) return null;
  const replace = (changed: TourAsStored) => setState({ ...state, tours: state.tours.map((tour) => (tour.code === changed.code ? changed : tour)) });
  return (
    <section data-testid="tours-setup">
      <h3>{t('setup.toursTitle')}</h3>
      <p class="muted">{t('setup.toursIntro')}</p>
      <ul class="setup-list">
        {state.tours.map((tour) => (
          <TourCard key={tour.code} congress={state.congress} tour={tour} token={token} onChanged={replace} onRemoved={() => setVersion(version + 1)} />
        ))}
      </ul>
      <NewTour congress={state.congress} token={token} onAdded={(tour) => setState({ ...state, tours: [...state.tours, tour] })} />
    </section>
  );
}
