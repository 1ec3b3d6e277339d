import { Fragment } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ConsultationPlan, PlanProgress } from '../../shared/consultation-plan-schema.ts';
import type { ConsultationReport } from '../../shared/consultation-report-schema.ts';
import { countryName } from '../../shared/countries.ts';
import { formatEventDateTime } from '../app/event-zone.ts';
import { api, downloadFile } from '../app/api.ts';
import { useTranslation } from '../app/i18n.ts';
import { useLive } from '../app/live.ts';
import { BarChart } from '../components/BarChart.tsx';
import { MeetingPlacer, type Placement } from './MeetingPlacer.tsx';
import { useLiveAnnouncer } from '../components/LiveAnnouncer.tsx';
import { PlanGrid, type Drop } from './PlanGrid.tsx';

/** How long the engine may search when the organiser plans the day from this screen. */
const runSeconds = 3;

/** The organisers' consultation desk: plan the day with the engine, publish it, and read the outcomes with charts. */
export function ConsultationPage({ token, onSignOut }: { token: string; onSignOut: () => void }) {
  const { t, language } = useTranslation();
  const [plan, setPlan] = useState<ConsultationPlan | null>(null);
  const [report, setReport] = useState<ConsultationReport | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<PlanProgress | null>(null);
  const [editing, setEditing] = useState<string | null>(null);

  const call = useCallback(
    async (path: string, method = 'GET', body?: unknown) => {
      setBusy(true);
      try {
        const [nextPlan, nextReport] = await Promise.all([api<ConsultationPlan>(path, { token, method, body }), api<ConsultationReport>('/api/consultations/report', { token })]);
        setPlan(nextPlan);
        setReport(nextReport);
        setProblem(null);
      } catch (error) {
        if ((error as { status?: number }).status === 401) onSignOut();
        else setProblem((error as Error).message);
      } finally {
        setBusy(false);
      }
    },
    [token, language],
  );
  useEffect(() => void call('/api/consultations/plan'), [call]);
  // The engine's progress while it runs; any other change (a move, a re-booking on the floor) reloads the plan.
  const { announce, region } = useLiveAnnouncer();
  useLive(token, ['consultation-plan', 'consultations'], (message) => {
    if (message?.event.type === 'plan.progress') setProgress(message.event as unknown as PlanProgress);
    else if (!busy) void call('/api/consultations/plan').then(() => announce(t('consultations:plan.updatedLive')));
  });
  const runEngine = async () => {
    setProgress({ phase: 'placing', placed: 0, total: plan?.meetings ?? 0, elapsed: 0, seconds: runSeconds });
    await call('/api/consultations/plan/run', 'POST', { seconds: runSeconds });
    setProgress(null);
  };
  // A refused placement keeps the form open with the reason under it; a placed one hands the focus back to its card.
  const [placerProblem, setPlacerProblem] = useState<string | null>(null);
  const closePlacer = (meeting: string) => {
    setEditing(null);
    setPlacerProblem(null);
    requestAnimationFrame(() => document.querySelector<HTMLButtonElement>(`.meeting-card[data-meeting="${CSS.escape(meeting)}"] button`)?.focus());
  };
  const place = async (meeting: string, placement: Placement) => {
    try {
      await api(`/api/consultations/plan/meetings/${encodeURIComponent(meeting)}`, { token, method: 'PUT', body: { ...placement, revision: plan!.revision } });
    } catch (error) {
      setPlacerProblem((error as Error).message);
      return;
    }
    await call('/api/consultations/plan');
    closePlacer(meeting);
  };

  /** A meeting dropped on the grid: the server checks every rule; its refusal comes back to be said beside the cell. */
  const dropMeeting = async (meeting: string, where: Drop): Promise<string | null> => {
    if (!plan) return null;
    try {
      if (where === 'unplaced') await api(`/api/consultations/plan/meetings/${encodeURIComponent(meeting)}?revision=${plan.revision}`, { token, method: 'DELETE' });
      else await api(`/api/consultations/plan/meetings/${encodeURIComponent(meeting)}`, { token, method: 'PUT', body: { revision: plan.revision, slot: where.slot, table: where.table, pinned: true } });
    } catch (error) {
      return (error as Error).message;
    }
    await call('/api/consultations/plan');
    return null;
  };

  const unplace = async (meeting: string) => {
    await call(`/api/consultations/plan/meetings/${encodeURIComponent(meeting)}?revision=${plan!.revision}`, 'DELETE');
    closePlacer(meeting);
  };

  const download = (path: string, name: string) => downloadFile(path, name, { token });
  const usd = (value: number) => new Intl.NumberFormat(language, { style: 'currency', currency: 'USD', notation: 'compact', maximumFractionDigits: 1 }).format(value);
  const contractValue = (group: { inProgress: { usd: number }; signed: { usd: number } }) => group.inProgress.usd + group.signed.usd;
  if (!plan || !report) return problem ? <p class="alert" role="alert">{problem}</p> : null;
  const changedSincePublished = plan.published && plan.revision !== plan.publishedRevision;
  const company = (code: string) => plan.companies[code]?.company ?? code;
  const interpreterName = (code: string | null) => (code ? (plan.interpreters.find((interpreter) => interpreter.id === code)?.name ?? code) : '');
  const editedAssignment = editing ? plan.assignments.find((assignment) => assignment.meeting === editing) : undefined;
  const editedWaiting = editing ? plan.unscheduled.find((entry) => entry.meeting === editing) : undefined;
  const editButton = (meeting: string, label: string) => (
    <button type="button" class="link" onClick={() => setEditing(editing === meeting ? null : meeting)} data-testid={`edit-${meeting}`}>
      {label}
    </button>
  );

  return (
    <section data-testid="consultation-page">
      {region}
      <div class="toolbar">
        <h2>{t('consultations:plan.heading')}</h2>
        {!plan.published && (
          <button type="button" disabled={busy} onClick={() => void runEngine()} data-testid="run-plan">
            {t('consultations:plan.run')}
          </button>
        )}
        {(!plan.published || changedSincePublished) && (
          <button
            type="button"
            class="secondary"
            disabled={busy}
            onClick={() => confirm(t('consultations:plan.publishConfirm')) && void call('/api/consultations/plan/publish', 'POST', { revision: plan.revision })}
          >
            {t('consultations:plan.publish')}
          </button>
        )}
        <button type="button" class="link" title={t('consultations:plan.instanceHint')} onClick={() => void download('/api/consultations/instance', 'consultation-instance.json')}>
          {t('consultations:plan.instance')}
        </button>
      </div>
      {problem && <p class="alert" role="alert">{problem}</p>}
      {progress && (
        <div class="card" data-testid="plan-progress">
          <progress max={1} value={Math.min(1, progress.elapsed / progress.seconds)} />
          <p class="muted">
            {t(`consultations:plan.phase.${progress.phase}`)} · {t('consultations:plan.placed', { placed: progress.placed, total: progress.total })}
          </p>
        </div>
      )}
      <p class={plan.published ? 'notice' : 'muted'}>
        {plan.published ? t('consultations:plan.published', { when: formatEventDateTime(plan.publishedAt!, language) }) : t('consultations:plan.draft')}
        {changedSincePublished && ` ${t('consultations:plan.changedSincePublished')}`}
      </p>
      <section class="stats" data-testid="plan-figures">
        <div class="stat">{t('consultations:plan.placed', { placed: plan.placed, total: plan.meetings })}</div>
        <div class="stat">{t('consultations:plan.priority', { priority: plan.priority, bound: plan.upperBound })}</div>
        <div class="stat">{t('consultations:plan.idle', { gaps: plan.gaps, breaks: plan.breaks })}</div>
      </section>
      <PlanGrid plan={plan} busy={busy} onDrop={dropMeeting} onEdit={(meeting) => {
          setPlacerProblem(null);
          setEditing(editing === meeting ? null : meeting);
        }} />
      {editing && (editedAssignment || editedWaiting) && (
        <div class="card" data-testid="meeting-placer">
          <h3>
            {company((editedAssignment ?? editedWaiting)!.buyer)} ↔ {company((editedAssignment ?? editedWaiting)!.supplier)}
          </h3>
          <MeetingPlacer
            plan={plan}
            meeting={editing}
            current={editedAssignment ?? null}
            onPlace={(placement) => void place(editing, placement)}
            onUnplace={() => void unplace(editing)}
            onCancel={() => closePlacer(editing)}
          />
          {placerProblem && (
            <p class="field__error" role="alert" data-testid="placer-refusal">
              {placerProblem}
            </p>
          )}
        </div>
      )}
      {plan.assignments.length > 0 && (
        <details class="card">
          <summary>{t('consultations:plan.placed', { placed: plan.placed, total: plan.meetings })}</summary>
          <div class="table-scroll">
            <table class="delegates">
              <thead>
                <tr>
                  <th>{t('consultations:plan.time')}</th>
                  <th>{t('consultations:plan.table')}</th>
                  <th>{t('consultations:plan.buyer')}</th>
                  <th>{t('consultations:plan.supplier')}</th>
                  <th>{t('consultations:plan.interpreter')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {plan.assignments.map((row) => (
                  <Fragment key={row.meeting}>
                    <tr data-testid={`assignment-${row.meeting}`}>
                      <td>
                        {formatEventDateTime(row.startsAt, language)}
                        {row.pinned && <span class="badge" title={t('consultations:plan.pinned')}> 📌</span>}
                      </td>
                      <td>{row.table}</td>
                      <td title={row.buyer} dir="auto">
                        {company(row.buyer)}
                      </td>
                      <td title={row.supplier} dir="auto">
                        {company(row.supplier)}
                      </td>
                      <td>{interpreterName(row.interpreter)}</td>
                      <td>{editButton(row.meeting, t('consultations:plan.move'))}</td>
                    </tr>
                  </Fragment>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}

      <div class="toolbar">
        <h2>{t('consultations:outcomes.heading')}</h2>
        <button type="button" class="secondary" onClick={() => void download(`/api/consultations/report.csv?lang=${language}`, 'consultation-report.csv')}>
          {t('consultations:outcomes.csv')}
        </button>
      </div>
      <section class="stats" data-testid="outcome-figures">
        <div class="stat">{t('consultations:outcomes.held', { count: report.totals.held })}</div>
        <div class="stat">{t('consultations:outcomes.noShows', { count: report.totals.noShows })}</div>
        <div class="stat">{t('consultations:outcomes.inProgress', { count: report.totals.inProgress.count, usd: usd(report.totals.inProgress.usd) })}</div>
        <div class="stat">{t('consultations:outcomes.signed', { count: report.totals.signed.count, usd: usd(report.totals.signed.usd) })}</div>
      </section>
      <div class="columns columns--even">
        <section class="card">
          <h3>{t('consultations:outcomes.byCountry')}</h3>
          <BarChart
            label={t('consultations:outcomes.byCountry')}
            labels={report.byBuyerCountry.map((group) => countryName(group.key, language))}
            values={report.byBuyerCountry.map(contractValue)}
            format={usd}
          />
        </section>
        <section class="card">
          <h3>{t('consultations:outcomes.byCluster')}</h3>
          <BarChart
            label={t('consultations:outcomes.byCluster')}
            labels={report.bySupplierCluster.map((group) => t(`consultations:clusters.${group.key}`, { defaultValue: group.key }))}
            values={report.bySupplierCluster.map(contractValue)}
            format={usd}
          />
        </section>
        <section class="card">
          <h3>{t('consultations:outcomes.bySector')}</h3>
          <BarChart
            label={t('consultations:outcomes.bySector')}
            labels={report.bySector.map((group) => `${group.key} ${t(`consultations:hs.${group.key}`, { defaultValue: '' })}`.trim())}
            values={report.bySector.map(contractValue)}
            format={usd}
          />
        </section>
      </div>
    </section>
  );
}
