import { useState } from 'preact/hooks';
import type { ConsultationPlan } from '../../shared/consultation-plan-schema.ts';
import { formatEventTime } from '../app/event-zone.ts';
import { useTranslation } from '../app/i18n.ts';

type Assignment = ConsultationPlan['assignments'][number];

/** Where a meeting is dropped: a cell of the grid, or the list of meetings without a place. */
export type Drop = { slot: string; table: string } | 'unplaced';

/** Tables shown at once: a hall of 2,000 tables is browsed a page at a time, so the grid stays quick. */
const tablesPerPage = 12;

/**
 * The consultation day as b2match and Brella show it: slots down, tables across, each meeting by its companies' names
 * (codes on hover) with its interpreter, pinned, held and no-show meetings marked by a sign as well as a colour. A
 * meeting is dragged to another cell or onto the list of those without a place; the server checks every rule before it
 * lands, and a refusal is said beside the cell while the meeting stays where it was. By keyboard, each meeting's
 * "Move" button opens the placing form instead.
 */
export function PlanGrid({
  plan,
  onDrop,
  onEdit,
  busy,
}: {
  plan: ConsultationPlan;
  /** Answers the server's refusal in the reader's language, or null when the move landed. */
  onDrop: (meeting: string, where: Drop) => Promise<string | null>;
  onEdit: (meeting: string) => void;
  busy: boolean;
}) {
  const { t, language } = useTranslation();
  const [page, setPage] = useState(0);
  const [refusal, setRefusal] = useState<{ where: string; meeting: string; message: string } | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const pages = Math.max(1, Math.ceil(plan.tables.length / tablesPerPage));
  const tables = plan.tables.slice(page * tablesPerPage, (page + 1) * tablesPerPage);
  const at = new Map(plan.assignments.map((assignment) => [`${assignment.slot}|${assignment.table}`, assignment]));
  const company = (code: string) => plan.companies[code]?.company ?? code;
  const interpreterName = (code: string | null) => (code ? (plan.interpreters.find((interpreter) => interpreter.id === code)?.name ?? code) : null);

  const drop = async (event: DragEvent, where: Drop, key: string) => {
    event.preventDefault();
    setOver(null);
    const meeting = event.dataTransfer?.getData('text/plain');
    if (!meeting) return;
    setRefusal(null);
    const message = await onDrop(meeting, where);
    if (message) setRefusal({ where: key, meeting, message });
  };
  const target = (key: string, where: Drop) => ({
    onDragOver: (event: DragEvent) => {
      event.preventDefault();
      setOver(key);
    },
    onDragLeave: () => setOver((current) => (current === key ? null : current)),
    onDrop: (event: DragEvent) => void drop(event, where, key),
  });
  const card = (assignment: Pick<Assignment, 'meeting' | 'buyer' | 'supplier'> & Partial<Assignment>) => {
    // Said in words as well as colour: pinned, held, no-show.
    const signs = [assignment.pinned ? t('consultations:grid.pinned') : '', assignment.attendance ? t(`consultations:grid.${assignment.attendance}`) : ''].filter(Boolean).join(' · ');
    return (
      <div
        class={`meeting-card${assignment.pinned ? ' meeting-card--pinned' : ''}${assignment.attendance ? ` meeting-card--${assignment.attendance}` : ''}`}
        draggable={!busy}
        data-meeting={assignment.meeting}
        title={`${assignment.meeting} · ${assignment.buyer} – ${assignment.supplier}${assignment.interpreter ? ` · ${assignment.interpreter}` : ''}`}
        onDragStart={(event) => {
          event.dataTransfer?.setData('text/plain', assignment.meeting);
          if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
        }}
      >
        <span class="meeting-card__buyer" dir="auto">
          {company(assignment.buyer)}
        </span>
        <span class="meeting-card__supplier" dir="auto">
          {company(assignment.supplier)}
        </span>
        {assignment.interpreter !== undefined && assignment.interpreter !== null && <span class="meeting-card__interpreter">{t('consultations:grid.interpreter', { name: interpreterName(assignment.interpreter) })}</span>}
        {signs && <span class="meeting-card__signs">{signs}</span>}
        <button type="button" class="link meeting-card__move" onClick={() => onEdit(assignment.meeting)} aria-label={`${t('consultations:plan.move')}: ${company(assignment.buyer)} ↔ ${company(assignment.supplier)}`}>
          {t('consultations:plan.move')}
        </button>
      </div>
    );
  };

  return (
    <div class="plan-cockpit" data-testid="plan-grid">
      <div class="plan-cockpit__grid">
        {pages > 1 && (
          <p class="toolbar" role="group" aria-label={t('consultations:grid.tablePages')}>
            {Array.from({ length: pages }, (_, k) => (
              <button key={k} type="button" class={k === page ? undefined : 'secondary'} aria-pressed={k === page} onClick={() => setPage(k)}>
                {plan.tables[k * tablesPerPage]}–{plan.tables[Math.min(plan.tables.length, (k + 1) * tablesPerPage) - 1]}
              </button>
            ))}
          </p>
        )}
        <div class="table-scroll">
          <table class="plan-grid">
            <caption class="visually-hidden">{t('consultations:grid.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('consultations:plan.time')}</th>
                {tables.map((table) => (
                  <th key={table} scope="col">
                    {table}
                    {plan.homeTables[table] && (
                      <span class="plan-grid__home" dir="auto">
                        {company(plan.homeTables[table]!)}
                      </span>
                    )}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {plan.slots.map((slot) => (
                <tr key={slot.id}>
                  <th scope="row">{formatEventTime(slot.start, language)}</th>
                  {tables.map((table) => {
                    const key = `${slot.id}|${table}`;
                    const assignment = at.get(key);
                    return (
                      <td key={table} class={`plan-grid__cell${over === key ? ' plan-grid__cell--over' : ''}`} data-slot={slot.id} data-table={table} {...target(key, { slot: slot.id, table })}>
                        {assignment ? card(assignment) : <span class="plan-grid__free">{t('consultations:grid.free')}</span>}
                        {refusal?.where === key && (
                          <p class="field__error plan-grid__refusal" role="alert" data-testid="grid-refusal">
                            {refusal.message}
                          </p>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <aside class={`card plan-cockpit__waiting${over === 'unplaced' ? ' plan-grid__cell--over' : ''}`} data-testid="grid-unplaced" {...target('unplaced', 'unplaced')}>
        <h3>{t('consultations:plan.unplaced')}</h3>
        <p class="small muted">{t('consultations:grid.waitingHint')}</p>
        {refusal?.where === 'unplaced' && (
          <p class="field__error" role="alert" data-testid="grid-refusal">
            {refusal.message}
          </p>
        )}
        {plan.unscheduled.length === 0 && <p class="muted">{t('consultations:grid.noneWaiting')}</p>}
        <ul class="plain-list">
          {plan.unscheduled.map((entry) => (
            <li key={entry.meeting}>
              {card(entry)}
              <p class="small muted">{entry.reason}</p>
            </li>
          ))}
        </ul>
      </aside>
    </div>
  );
}
