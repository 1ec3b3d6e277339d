import { useEffect, useState } from 'preact/hooks';
import type { ConsultationHall } from '../../shared/consultation-hall-schema.ts';
import { api } from '../app/api.ts';
import { formatEventDateTime } from '../app/event-zone.ts';
import { useTranslation } from '../app/i18n.ts';
import { useFormErrors } from '../app/use-form-errors.ts';
import { LanguageChips } from '../components/LanguageChips.tsx';
import { Outcome, Refusal, SetupTable } from './setup-parts.tsx';

type Interpreter = ConsultationHall['interpreters'][number];
type Slot = ConsultationHall['slots'][number];

/** Which buyer keeps a table all day, chosen by company name; the table's planned meetings; remove while unused. */
function TableRow({ table, hall, token, onChanged }: { table: ConsultationHall['tables'][number]; hall: ConsultationHall; token: string; onChanged: (hall: ConsultationHall) => void }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);
  const keep = async (buyer: string) => {
    setProblem(null);
    try {
      // One change per choice: a kept table is first let go ("nobody"), then given to another buyer.
      const [who, home] = buyer ? [buyer, table.code] : [table.homeOf!.code, null];
      onChanged(await api<ConsultationHall>(`/api/consultations/participants/${encodeURIComponent(who)}/home-table`, { method: 'PUT', token, body: { table: home } }));
    } catch (error) {
      setProblem((error as Error).message);
      onChanged(await api<ConsultationHall>('/api/consultations/hall', { token }));
    }
  };
  const remove = async () => {
    setProblem(null);
    try {
      await api(`/api/consultations/tables/${encodeURIComponent(table.code)}`, { method: 'DELETE', token });
      onChanged(await api<ConsultationHall>('/api/consultations/hall', { token }));
    } catch (error) {
      setProblem((error as Error).message);
    }
  };
  return (
    <tr data-table={table.code}>
      <th scope="row">{table.code}</th>
      <td data-label={t('setup.keptBy')}>
        <select aria-label={t('setup.keptByTable', { table: table.code })} value={table.homeOf?.code ?? ''} onChange={(event) => void keep(event.currentTarget.value)}>
          <option value="">{t('setup.nobodyKeeps')}</option>
          {hall.buyers.map((buyer) => (
            <option key={buyer.code} value={buyer.code} disabled={buyer.code !== table.homeOf?.code && (buyer.homeTable !== null || table.homeOf !== null)}>
              {buyer.company} ({buyer.code}){buyer.homeTable && buyer.homeTable !== table.code ? ` · ${buyer.homeTable}` : ''}
            </option>
          ))}
        </select>
        <Refusal text={problem} />
      </td>
      <td data-label={t('setup.plannedMeetings')}>{table.plannedMeetings}</td>
      <td class="actions">
        <button type="button" class="secondary" onClick={() => void remove()}>
          {t('setup.remove')}
        </button>
      </td>
    </tr>
  );
}

function NewTable({ token, onChanged }: { token: string; onChanged: (hall: ConsultationHall) => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const { errors, general, clear, show } = useFormErrors(['code'], 'new-table');
  const add = async (event: Event) => {
    event.preventDefault();
    clear();
    try {
      await api('/api/consultations/tables', { method: 'POST', token, body: { code: code.trim() } });
      setCode('');
      onChanged(await api<ConsultationHall>('/api/consultations/hall', { token }));
    } catch (error) {
      show(error);
    }
  };
  return (
    <form class="setup-inline" onSubmit={add} noValidate data-testid="new-table">
      <div class={`field${errors.code ? ' field--invalid' : ''}`}>
        <label for="new-table-code">{t('setup.tableCode')}</label>
        <input id="new-table-code" value={code} maxLength={40} placeholder="T21" onInput={(event) => setCode(event.currentTarget.value)} aria-invalid={errors.code ? 'true' : undefined} />
        <Refusal text={errors.code ?? general} />
      </div>
      <button type="submit">{t('setup.addTable')}</button>
    </form>
  );
}

/** Many tables at once, numbered from a first number with a prefix: "T", 21, 20 adds T21 to T40. */
function NumberedTables({ hall, token, onChanged }: { hall: ConsultationHall; token: string; onChanged: (hall: ConsultationHall) => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ prefix: 'T', first: String(hall.tables.length + 1), count: '10' });
  const { errors, general, clear, show } = useFormErrors(['prefix', 'first', 'count', 'code'], 'numbered-tables');
  const add = async (event: Event) => {
    event.preventDefault();
    clear();
    try {
      onChanged(await api<ConsultationHall>('/api/consultations/tables/numbered', { method: 'POST', token, body: { prefix: form.prefix.trim(), first: Number(form.first), count: Number(form.count) } }));
    } catch (error) {
      show(error);
    }
  };
  const input = (key: keyof typeof form, label: string, numeric: boolean) => (
    <div class={`field${errors[key] ? ' field--invalid' : ''}`}>
      <label for={`numbered-tables-${key}`}>{label}</label>
      <input
        id={`numbered-tables-${key}`}
        {...(numeric ? { type: 'number', min: key === 'count' ? 1 : 0, inputMode: 'numeric' as const, class: 'input--number' } : { maxLength: 20 })}
        value={form[key]}
        aria-invalid={errors[key] ? 'true' : undefined}
        onInput={(event) => setForm({ ...form, [key]: event.currentTarget.value })}
      />
    </div>
  );
  return (
    <form class="setup-inline" onSubmit={add} noValidate data-testid="numbered-tables">
      {input('prefix', t('setup.tablePrefix'), false)}
      {input('first', t('setup.tableFrom'), true)}
      {input('count', t('setup.tableCount'), true)}
      <button type="submit" class="secondary">
        {t('setup.addNumberedTables')}
      </button>
      <Refusal text={errors.prefix ?? errors.first ?? errors.count ?? errors.code ?? general} />
    </form>
  );
}

/** The slots someone works: the whole day, or the ones ticked. */
function HoursPicker({ id, slots, value, onChange }: { id: string; slots: Slot[]; value: string[] | null; onChange: (value: string[] | null) => void }) {
  const { t, language } = useTranslation();
  const summary = value === null ? t('setup.allDay') : t('setup.slotsChosen', { count: value.length, total: slots.length });
  return (
    <details class="hours" id={id}>
      <summary>{summary}</summary>
      <label class="check">
        <input type="checkbox" checked={value === null} onChange={(event) => onChange(event.currentTarget.checked ? null : slots.map((slot) => slot.code))} /> {t('setup.allDay')}
      </label>
      {value !== null && (
        <div class="hours__slots" role="group" aria-label={t('setup.hours')}>
          {slots.map((slot) => (
            <label class="check" key={slot.code}>
              <input type="checkbox" checked={value.includes(slot.code)} onChange={(event) => onChange(event.currentTarget.checked ? [...value, slot.code] : value.filter((code) => code !== slot.code))} />{' '}
              {formatEventDateTime(slot.startsAt, language)}
            </label>
          ))}
        </div>
      )}
    </details>
  );
}

interface InterpreterDraft {
  code: string;
  name: string;
  languages: string[];
  available: string[] | null;
}

const interpreterFields = ['code', 'name', 'languages', 'available', 'interpreter'];

function InterpreterRow({ interpreter, slots, token, onChanged }: { interpreter: Interpreter | null; slots: Slot[]; token: string; onChanged: (hall: ConsultationHall) => void }) {
  const { t } = useTranslation();
  const prefix = interpreter ? `interpreter-${interpreter.code}` : 'new-interpreter';
  const empty: InterpreterDraft = { code: '', name: '', languages: [], available: null };
  const [draft, setDraft] = useState<InterpreterDraft>(interpreter ?? empty);
  const [saved, setSaved] = useState(false);
  const { errors, general, clear, show } = useFormErrors(interpreterFields, prefix);
  const save = async () => {
    clear();
    setSaved(false);
    try {
      if (interpreter) {
        onChanged(await api<ConsultationHall>(`/api/consultations/interpreters/${encodeURIComponent(interpreter.code)}`, { method: 'PATCH', token, body: { name: draft.name, languages: draft.languages, available: draft.available } }));
        setSaved(true);
      } else {
        onChanged(await api<ConsultationHall>('/api/consultations/interpreters', { method: 'POST', token, body: { ...draft, code: draft.code.trim() } }));
        setDraft(empty);
      }
    } catch (error) {
      show(error);
    }
  };
  const remove = async () => {
    if (!interpreter || !confirm(t('setup.removeInterpreterConfirm', { name: interpreter.name }))) return;
    clear();
    try {
      await api(`/api/consultations/interpreters/${encodeURIComponent(interpreter.code)}`, { method: 'DELETE', token });
      onChanged(await api<ConsultationHall>('/api/consultations/hall', { token }));
    } catch (error) {
      show(error);
    }
  };
  const problem = interpreterFields.map((field) => errors[field]).find(Boolean) ?? general;
  return (
    <tr data-interpreter={interpreter?.code ?? 'new'} class={interpreter ? undefined : 'new-row'}>
      <td data-label={t('fields:name')}>
        <input id={`${prefix}-name`} aria-label={t('fields:name')} placeholder={t('fields:name')} value={draft.name} maxLength={120} aria-invalid={errors.name ? 'true' : undefined} onInput={(event) => setDraft({ ...draft, name: event.currentTarget.value })} />
        {interpreter ? (
          <span class="muted small">{interpreter.code}</span>
        ) : (
          <input
            id={`${prefix}-code`}
            aria-label={t('setup.code')}
            placeholder={t('setup.code')}
            value={draft.code}
            maxLength={40}
            aria-invalid={errors.code ? 'true' : undefined}
            onInput={(event) => setDraft({ ...draft, code: event.currentTarget.value })}
          />
        )}
      </td>
      <td data-label={t('setup.interpreterLanguages')}>
        <LanguageChips id={`${prefix}-languages`} value={draft.languages} invalid={Boolean(errors.languages)} onChange={(languages) => setDraft({ ...draft, languages })} />
      </td>
      <td data-label={t('setup.hours')}>
        <HoursPicker id={`${prefix}-available`} slots={slots} value={draft.available} onChange={(available) => setDraft({ ...draft, available })} />
      </td>
      <td data-label={t('setup.plannedMeetings')}>{interpreter?.plannedMeetings ?? ''}</td>
      <td class="actions">
        <button type="button" onClick={() => void save()}>
          {interpreter ? t('setup.save') : t('setup.addInterpreter')}
        </button>
        {interpreter && (
          <button type="button" class="secondary" onClick={() => void remove()}>
            {t('setup.remove')}
          </button>
        )}
        <Refusal text={problem} />
        <Outcome message={saved ? { ok: true, text: t('setup.saved') } : null} />
      </td>
    </tr>
  );
}

/** The consultation hall: its tables and the buyers who keep them, its interpreters with their languages and hours. */
export function HallSection({ token }: { token: string }) {
  const { t } = useTranslation();
  const [hall, setHall] = useState<ConsultationHall | null>(null);
  useEffect(() => {
    void api<ConsultationHall>('/api/consultations/hall', { token }).then(setHall);
  }, [token]);
  if (!hall) return null;
  return (
    <section data-testid="hall-setup">
      <h3>{t('setup.hallTitle')}</h3>
      <p class="muted">{t('setup.hallIntro')}</p>
      <details class="card" open={hall.tables.length <= 40}>
        <summary>
          <h4 class="summary-heading">{t('setup.tablesTitle', { count: hall.tables.length })}</h4>
        </summary>
        <SetupTable testId="hall-tables" headings={[t('setup.table'), t('setup.keptBy'), t('setup.plannedMeetings')]}>
          {hall.tables.map((table) => (
            <TableRow key={table.code} table={table} hall={hall} token={token} onChanged={setHall} />
          ))}
        </SetupTable>
        <NewTable token={token} onChanged={setHall} />
        <NumberedTables key={hall.tables.length} hall={hall} token={token} onChanged={setHall} />
      </details>
      <details class="card" open>
        <summary>
          <h4 class="summary-heading">{t('setup.interpretersTitle', { count: hall.interpreters.length })}</h4>
        </summary>
        <SetupTable testId="hall-interpreters" headings={[t('fields:name'), t('setup.interpreterLanguages'), t('setup.hours'), t('setup.plannedMeetings')]}>
          {hall.interpreters.map((interpreter) => (
            <InterpreterRow key={`${interpreter.code}:${interpreter.plannedMeetings}`} interpreter={interpreter} slots={hall.slots} token={token} onChanged={setHall} />
          ))}
          <InterpreterRow key={`new:${hall.interpreters.length}`} interpreter={null} slots={hall.slots} token={token} onChanged={setHall} />
        </SetupTable>
      </details>
    </section>
  );
}
