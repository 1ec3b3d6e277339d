import { useEffect, useRef, useState } from 'preact/hooks';
import type { ConsultationPlan } from '../../shared/consultation-plan-schema.ts';
import { formatEventDateTime } from '../app/event-zone.ts';
import { useTranslation } from '../app/i18n.ts';
import { languageNames } from '../../shared/languages.ts';

export interface Placement {
  slot: string;
  table: string;
  /** Left out: any free interpreter who bridges the two sides, when they need one. */
  interpreter?: string | null;
  pinned: boolean;
}

/**
 * Puts one meeting in a slot and at a table by hand, or takes it out of the plan. "Any free interpreter" leaves the choice to the server,
 * which takes one who bridges the two sides; the server checks every rule and names the field it refuses.
 */
export function MeetingPlacer({
  plan,
  meeting,
  current,
  onPlace,
  onUnplace,
  onCancel,
}: {
  plan: ConsultationPlan;
  meeting: string;
  current: Omit<Placement, 'pinned'> | null;
  onPlace: (placement: Placement) => void;
  /** Takes a placed meeting out of the plan, back to those waiting for a place. */
  onUnplace: () => void;
  /** Closes the form without a change (Escape). */
  onCancel: () => void;
}) {
  const { t, language } = useTranslation();
  const [slot, setSlot] = useState(current?.slot ?? plan.slots[0]?.id ?? '');
  const [table, setTable] = useState(current?.table ?? plan.tables[0] ?? '');
  const [interpreter, setInterpreter] = useState(current?.interpreter ?? '');
  // A meeting placed by hand stays where it is put unless the organiser says otherwise.
  const [pinned, setPinned] = useState(true);
  // Opened from a card's Move button, the form takes the focus so a keyboard user goes on from where they are.
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    first.current?.focus();
    first.current?.scrollIntoView({ block: 'nearest' });
  }, [meeting]);
  return (
    <form
      class="inline-form"
      data-testid={`place-${meeting}`}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
      onSubmit={(event) => {
        event.preventDefault();
        onPlace({ slot, table, ...(interpreter ? { interpreter } : {}), pinned });
      }}
    >
      <label>
        {t('consultations:plan.time')}
        <select ref={first} value={slot} onChange={(event) => setSlot(event.currentTarget.value)} name="slot">
          {plan.slots.map((option) => (
            <option key={option.id} value={option.id}>
              {formatEventDateTime(option.start, language)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('consultations:plan.table')}
        <select value={table} onChange={(event) => setTable(event.currentTarget.value)} name="table">
          {plan.tables.map((option) => (
            <option key={option} value={option}>
              {option}
              {plan.homeTables[option] ? ` · ${plan.companies[plan.homeTables[option]!]?.company ?? plan.homeTables[option]}` : ''}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('consultations:plan.interpreter')}
        <select value={interpreter} onChange={(event) => setInterpreter(event.currentTarget.value)} name="interpreter">
          <option value="">{t('consultations:plan.anyInterpreter')}</option>
          {plan.interpreters.map((option) => (
            <option key={option.id} value={option.id}>
              {option.name} · {languageNames(option.languages, language)}
            </option>
          ))}
        </select>
      </label>
      <label class="check">
        <input type="checkbox" checked={pinned} onChange={(event) => setPinned(event.currentTarget.checked)} name="pinned" />
        {t('consultations:plan.pinned')}
      </label>
      <button type="submit">{t('consultations:plan.place')}</button>
      {current && (
        <button type="button" class="secondary" onClick={onUnplace}>
          {t('consultations:plan.unplace')}
        </button>
      )}
    </form>
  );
}
