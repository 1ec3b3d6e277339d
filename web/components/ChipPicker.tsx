import { useTranslation } from '../app/i18n.ts';

export interface ChipOption {
  value: string;
  label: string;
}

interface Props {
  id: string;
  /** Chosen values, in order. */
  value: string[];
  options: ChipOption[];
  onChange: (values: string[]) => void;
  /** The picker's first line and accessible name, e.g. "Add a language…". */
  addLabel: string;
  invalid?: boolean;
}

/** Chosen entries shown by name, each removable, and a picker to add another: compact enough for a row of a table. */
export function ChipPicker({ id, value, options, onChange, addLabel, invalid = false }: Props) {
  const { t } = useTranslation();
  const labelOf = (chosen: string) => options.find((option) => option.value === chosen)?.label ?? chosen;
  return (
    <div class="chips" id={id} role="group" aria-invalid={invalid ? 'true' : undefined}>
      {value.map((chosen) => (
        <span class="chip" key={chosen}>
          {labelOf(chosen)}
          <button type="button" class="chip__remove" aria-label={t('setup.removeChip', { name: labelOf(chosen) })} onClick={() => onChange(value.filter((kept) => kept !== chosen))}>
            ×
          </button>
        </span>
      ))}
      <select
        aria-label={addLabel}
        value=""
        onChange={(event) => {
          const picked = event.currentTarget.value;
          if (picked) onChange([...value, picked]);
        }}
      >
        <option value="">{addLabel}</option>
        {options
          .filter((option) => !value.includes(option.value))
          .map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
      </select>
    </div>
  );
}
