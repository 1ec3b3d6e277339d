import { useCallback, useEffect, useState } from 'preact/hooks';
import type { PaperBody, ProgrammeView, SessionEditable, SessionView } from '../../shared/programme-schema.ts';
import { sessionKinds } from '../../shared/session-kinds.ts';
import { eventLanguages, eventTimeZone, fromEventWallClock, toEventWallClock } from '../app/event-zone.ts';
import { api } from '../app/api.ts';
import { useTranslation } from '../app/i18n.ts';
import { useFormErrors } from '../app/use-form-errors.ts';
import { ChipPicker } from '../components/ChipPicker.tsx';
import { Field } from '../components/Field.tsx';
import { editedLanguages, filledTexts, TextMapInputs, type TextDraft } from '../components/TextMapInputs.tsx';
import { RecordEditor } from './RecordEditor.tsx';

/** The texts a session has per language; a language left empty is not stored, and its readers get the edition's fallback. */
const sessionTexts = ['title', 'description', 'place'] as const;
const editorFields = ['code', 'kind', ...sessionTexts, 'startsAt', 'endsAt', 'room', 'chair', 'speakers', 'capacity', 'papers', 'cancelled'] as const;

interface Draft extends Record<(typeof sessionTexts)[number], TextDraft> {
  code: string;
  kind: SessionView['kind'];
  startsAt: string;
  endsAt: string;
  room: string;
  chair: string;
  speakers: string[];
  capacity: string;
  papers: PaperBody[];
  cancelled: boolean;
}

const emptyDraft: Draft = { code: '', kind: 'parallel', title: {}, description: {}, place: {}, startsAt: '2015-11-06T14:00', endsAt: '2015-11-06T15:30', room: '', chair: '', speakers: [], capacity: '', papers: [], cancelled: false };

/**
 * The organisers' programme desk: every session to change (time, room, titles and descriptions in the edition's languages,
 * chair, speakers, places, papers, called off) and new ones to add, with the venue's rooms and the speakers; the
 * server refuses a double-booked room or person and the refusal shows beside the field.
 */
export function ProgrammeEditorPage({ token, onSignOut }: { token: string; onSignOut: () => void }) {
  const { t, language } = useTranslation();
  const [programme, setProgramme] = useState<ProgrammeView | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [saved, setSaved] = useState(false);
  // Whether the session being edited was cancelled when opened: cancelling it now is asked first.
  const [wasCancelled, setWasCancelled] = useState(false);
  const { errors, general, clear, show } = useFormErrors(editorFields);

  const load = useCallback(async () => {
    try {
      setProgramme(await api<ProgrammeView>('/api/programme'));
    } catch (error) {
      if ((error as { status?: number }).status === 401) onSignOut();
      else show(error);
    }
  }, [language]);
  useEffect(() => void load(), [load]);

  const open = async (code: string | null) => {
    clear();
    setSaved(false);
    if (code === null) {
      setEditing('');
      setDraft(emptyDraft);
      return;
    }
    try {
      const session = await api<SessionEditable>(`/api/programme/sessions/${encodeURIComponent(code)}`, { token });
      setEditing(code);
      setWasCancelled(session.cancelled);
      setDraft({
        ...session,
        title: { ...session.title },
        description: { ...session.description },
        place: { ...session.place },
        startsAt: toEventWallClock(session.startsAt),
        endsAt: toEventWallClock(session.endsAt),
        room: session.room ?? '',
        chair: session.chair ?? '',
        capacity: session.capacity === null ? '' : String(session.capacity),
      } as Draft);
    } catch (error) {
      show(error);
    }
  };

  const save = async (event: Event) => {
    event.preventDefault();
    clear();
    setSaved(false);
    const body = {
      kind: draft.kind,
      ...Object.fromEntries(sessionTexts.map((key) => [key, filledTexts(draft[key])])),
      startsAt: fromEventWallClock(draft.startsAt),
      endsAt: fromEventWallClock(draft.endsAt),
      room: draft.room || null,
      chair: draft.chair || null,
      speakers: draft.speakers,
      capacity: draft.capacity.trim() ? Number(draft.capacity) : null,
      papers: draft.papers,
    };
    // Cancelling a session tells everyone who added it to their agenda: asked first.
    if (editing && draft.cancelled && !wasCancelled && !confirm(t('programme:editor.cancelConfirm'))) return;
    try {
      if (editing) await api(`/api/programme/sessions/${encodeURIComponent(editing)}`, { method: 'PATCH', token, body: { ...body, cancelled: draft.cancelled } });
      else await api('/api/programme/sessions', { method: 'POST', token, body: { ...body, code: draft.code } });
      setSaved(true);
      await load();
    } catch (error) {
      show(error);
    }
  };
  if (!programme) return general ? <p class="alert" role="alert">{general}</p> : null;
  const set = (key: keyof Draft) => (event: { currentTarget: { value: string } }) => setDraft({ ...draft, [key]: event.currentTarget.value });
  const setPaper = (index: number, key: keyof PaperBody, value: string) =>
    setDraft({ ...draft, papers: draft.papers.map((paper, at) => (at === index ? { ...paper, [key]: value } : paper)) });
  const texts = (key: (typeof sessionTexts)[number], label: string, multiline = false) => (
    <TextMapInputs
      id={`field-${key}`}
      languages={editedLanguages(eventLanguages(), draft[key])}
      texts={draft[key]}
      onChange={(value) => setDraft({ ...draft, [key]: value })}
      label={(language) => t(label, { language })}
      error={errors[key]}
      multiline={multiline}
      maxLength={multiline ? 4000 : 300}
    />
  );
  const clock = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short', timeZone: eventTimeZone() });

  return (
    <section data-testid="programme-editor">
      <div class="toolbar">
        <h2>{t('programme:editor.heading')}</h2>
        <button type="button" onClick={() => void open(null)}>
          {t('programme:editor.new')}
        </button>
      </div>
      {editing !== null && (
        <form class="card profile-form" onSubmit={(event) => void save(event)} data-testid="session-form" noValidate>
          {general && <p class="alert" role="alert">{general}</p>}
          {!editing && (
            <Field name="code" error={errors.code}>
              <input id="field-code" value={draft.code} onInput={set('code')} />
            </Field>
          )}
          <Field name="kind" error={errors.kind}>
            <select id="field-kind" value={draft.kind} onChange={set('kind')}>
              {sessionKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`programme:kinds.${kind}`)}
                </option>
              ))}
            </select>
          </Field>
          {texts('title', 'setup.titleIn')}
          {texts('description', 'setup.descriptionIn', true)}
          <Field name="startsAt" error={errors.startsAt}>
            <input id="field-startsAt" type="datetime-local" value={draft.startsAt} onInput={set('startsAt')} />
          </Field>
          <Field name="endsAt" error={errors.endsAt}>
            <input id="field-endsAt" type="datetime-local" value={draft.endsAt} onInput={set('endsAt')} />
          </Field>
          <Field name="room" error={errors.room}>
            <select id="field-room" value={draft.room} onChange={set('room')}>
              <option value="">–</option>
              {programme.rooms.map((room) => (
                <option key={room.code} value={room.code}>
                  {room.name}
                </option>
              ))}
            </select>
          </Field>
          {texts('place', 'programme:editor.placeIn')}
          <Field name="chair" error={errors.chair}>
            <select id="field-chair" value={draft.chair} onChange={set('chair')}>
              <option value="">–</option>
              {programme.people.map((person) => (
                <option key={person.code} value={person.code}>
                  {person.name}
                </option>
              ))}
            </select>
          </Field>
          <Field name="speakers" error={errors.speakers}>
            <ChipPicker
              id="field-speakers"
              value={draft.speakers}
              options={programme.people.map((person) => ({ value: person.code, label: person.affiliation ? `${person.name} · ${person.affiliation}` : person.name }))}
              onChange={(speakers) => setDraft({ ...draft, speakers })}
              addLabel={t('programme:editor.addSpeaker')}
              invalid={Boolean(errors.speakers)}
            />
          </Field>
          <Field name="capacity" error={errors.capacity} optional>
            <input id="field-capacity" type="number" min={1} value={draft.capacity} onInput={set('capacity')} />
          </Field>
          {editing && (
            <Field name="cancelled" error={errors.cancelled} hint={t('programme:editor.cancelledHint')}>
              <input id="field-cancelled" type="checkbox" checked={draft.cancelled} onChange={(event) => setDraft({ ...draft, cancelled: event.currentTarget.checked })} />
            </Field>
          )}
          <fieldset class="papers" id="field-papers" tabIndex={-1} data-field="papers">
            <legend>{t('fields:papers')}</legend>
            {errors.papers && (
              <p class="field__error" role="alert">
                {errors.papers}
              </p>
            )}
            {draft.papers.map((paper, index) => (
              <div class="paper" key={index} data-paper={index}>
                <strong>{t('fields:entries.papers', { number: index + 1 })}</strong>
                {(['title', 'authors'] as const).map((key) => (
                  <label key={key}>
                    {t(`fields:${key}`)}
                    <input name={`papers[${index}].${key}`} value={paper[key]} maxLength={500} onInput={(event) => setPaper(index, key, event.currentTarget.value)} />
                  </label>
                ))}
                <label>
                  {t('fields:abstract')}
                  <textarea name={`papers[${index}].abstract`} value={paper.abstract} maxLength={6000} rows={3} onInput={(event) => setPaper(index, 'abstract', event.currentTarget.value)} />
                </label>
                <button type="button" class="link" onClick={() => setDraft({ ...draft, papers: draft.papers.filter((_, at) => at !== index) })}>
                  {t('programme:editor.removePaper')}
                </button>
              </div>
            ))}
            <button type="button" onClick={() => setDraft({ ...draft, papers: [...draft.papers, { title: '', authors: '', abstract: '' }] })}>
              {t('programme:editor.addPaper')}
            </button>
          </fieldset>
          <button type="submit">{t('programme:editor.save')}</button>
          {saved && <span role="status"> {t('programme:editor.saved')}</span>}
        </form>
      )}
      <h3>{t('programme:editor.sessions')}</h3>
      <div class="table-scroll">
        <table class="delegates">
          <tbody>
            {programme.sessions.map((session) => (
              <tr key={session.code} data-session={session.code}>
                <td>
                  {clock.format(new Date(session.startsAt))}–{clock.format(new Date(session.endsAt))}
                </td>
                <td>{session.room?.name ?? session.place}</td>
                <td class={session.cancelled ? 'session--cancelled' : undefined}>
                  {session.cancelled && <span class="badge badge--cancelled">{t('programme:cancelled')}</span>} <span class="session__title">{session.title}</span>
                </td>
                <td>
                  <button type="button" class="link" onClick={() => void open(session.code)}>
                    {t('programme:editor.edit')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <RecordEditor
        kind="rooms"
        heading={t('programme:editor.rooms')}
        newLabel={t('programme:editor.newRoom')}
        saveLabel={t('programme:editor.saveRoom')}
        savedLabel={t('programme:editor.roomSaved')}
        fields={[{ name: 'name', type: 'texts' }, { name: 'capacity', type: 'count', optional: true }]}
        records={programme.rooms.map((room) => ({ code: room.code, name: room.names, capacity: room.capacity, shown: room.name }))}
        describe={(room) => (room.capacity === null ? String(room.shown) : `${room.shown} · ${t('programme:editor.seats', { count: Number(room.capacity) })}`)}
        token={token}
        onSaved={load}
      />
      <RecordEditor
        kind="people"
        heading={t('programme:editor.people')}
        newLabel={t('programme:editor.newPerson')}
        saveLabel={t('programme:editor.savePerson')}
        savedLabel={t('programme:editor.personSaved')}
        fields={[{ name: 'name', type: 'texts' }, { name: 'affiliation', type: 'texts', optional: true }]}
        records={programme.people.map((person) => ({ code: person.code, name: person.names, affiliation: person.affiliations, shown: person.affiliation ? `${person.name} · ${person.affiliation}` : person.name }))}
        describe={(person) => String(person.shown)}
        token={token}
        onSaved={load}
      />
    </section>
  );
}
