import { useState } from 'preact/hooks';
import { api } from '../app/api.ts';
import { useTranslation } from '../app/i18n.ts';
import { useFormErrors } from '../app/use-form-errors.ts';
import type { LocalizedText } from '../../shared/localized-text.ts';
import { eventLanguages } from '../app/event-zone.ts';
import { Field } from '../components/Field.tsx';
import { editedLanguages, filledTexts, TextMapInputs, type TextDraft } from '../components/TextMapInputs.tsx';

/** One editable field of a record: text, a text per language, or a count where empty means "not counted". */
export interface RecordField {
  name: string;
  type: 'text' | 'texts' | 'count';
  optional?: boolean;
}

type RecordValues = Record<string, string | number | null | LocalizedText>;

interface Props {
  /** `rooms` or `people`: the part of the programme, its address and its test id. */
  kind: 'rooms' | 'people';
  heading: string;
  newLabel: string;
  saveLabel: string;
  savedLabel: string;
  fields: RecordField[];
  records: (RecordValues & { code: string })[];
  /** What the list shows of a record. */
  describe: (record: RecordValues & { code: string }) => string;
  token: string;
  onSaved: () => Promise<void>;
}

/** A list of the programme's rooms or people with a form to add one or change one; refusals show beside the field. */
export function RecordEditor({ kind, heading, newLabel, saveLabel, savedLabel, fields, records, describe, token, onSaved }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState<Record<string, string | TextDraft>>({});
  const [saved, setSaved] = useState(false);
  const { errors, general, clear, show } = useFormErrors(['code', ...fields.map((field) => field.name)]);

  const open = (record: (typeof records)[number] | null) => {
    clear();
    setSaved(false);
    setEditing(record?.code ?? '');
    const initial = (field: RecordField) => {
      const value = record?.[field.name];
      if (field.type === 'texts') return { ...((value as LocalizedText | undefined) ?? {}) } as TextDraft;
      return value == null ? '' : String(value);
    };
    setDraft(Object.fromEntries([['code', record?.code ?? ''], ...fields.map((field) => [field.name, initial(field)])]));
  };
  const save = async (event: Event) => {
    event.preventDefault();
    clear();
    setSaved(false);
    const valueOf = ({ name, type }: RecordField) => {
      const value = draft[name]!;
      if (type === 'texts') return filledTexts(value as TextDraft);
      return type === 'count' ? ((value as string).trim() ? Number(value) : null) : (value as string);
    };
    const body: RecordValues = Object.fromEntries(fields.map((field) => [field.name, valueOf(field)]));
    try {
      if (editing) await api(`/api/programme/${kind}/${encodeURIComponent(editing)}`, { method: 'PATCH', token, body });
      else await api(`/api/programme/${kind}`, { method: 'POST', token, body: { code: draft.code, ...body } });
      setSaved(true);
      setEditing(null);
      await onSaved();
    } catch (error) {
      show(error);
    }
  };
  const input = (name: string, type: RecordField['type']) => (
    <input
      id={`field-${name}`}
      name={name}
      type={type === 'count' ? 'number' : 'text'}
      min={type === 'count' ? 1 : undefined}
      value={draft[name] as string}
      aria-invalid={errors[name] ? 'true' : undefined}
      onInput={(event) => setDraft({ ...draft, [name]: event.currentTarget.value })}
    />
  );

  return (
    <section data-testid={`${kind}-editor`}>
      <div class="toolbar">
        <h3>{heading}</h3>
        <button type="button" onClick={() => open(null)}>
          {newLabel}
        </button>
        {saved && <span role="status">{savedLabel}</span>}
      </div>
      {editing !== null && (
        <form class="card profile-form" onSubmit={(event) => void save(event)} noValidate>
          {general && <p class="alert" role="alert">{general}</p>}
          {!editing && (
            <Field name="code" error={errors.code}>
              {input('code', 'text')}
            </Field>
          )}
          {fields.map(({ name, type, optional }) =>
            type === 'texts' ? (
              <TextMapInputs
                key={name}
                id={`field-${name}`}
                languages={editedLanguages(eventLanguages(), draft[name] as TextDraft)}
                texts={draft[name] as TextDraft}
                onChange={(texts) => setDraft({ ...draft, [name]: texts })}
                label={(language) => t('programme:editor.textIn', { field: t(`fields:${name}`), language })}
                error={errors[name]}
              />
            ) : (
              <Field key={name} name={name} error={errors[name]} optional={optional}>
                {input(name, type)}
              </Field>
            ),
          )}
          <button type="submit">{saveLabel}</button>
        </form>
      )}
      <ul class="record-list">
        {records.map((record) => (
          <li key={record.code} data-code={record.code}>
            <span dir="auto">{describe(record)}</span>{' '}
            <button type="button" class="link" onClick={() => open(record)}>
              {t('programme:editor.edit')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
