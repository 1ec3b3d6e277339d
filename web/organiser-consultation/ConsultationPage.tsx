import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ConsultationPlan } from '../../shared/consultation-plan-schema.ts';
import type { ConsultationReport } from '../../shared/consultation-report-schema.ts';
import { countryName } from '../../shared/countries.ts';
import { formatEventDateTime } from '../../shared/event-time.ts';
import { api, downloadFile } from '../app/api.ts';
import { useTranslation } from '../app/i18n.ts';
import { BarChart } from '../components/BarChart.tsx';

/** The organisers' consultation desk: plan the day with the engine, publish it, and read the outcomes with charts. */
export function ConsultationPage({ token, onSignOut }: { token: string; onSignOut: () => void }) {
  const { t, language } = useTranslation();
  const [plan, setPlan] = useState<ConsultationPlan | null>(null);
  const [report, setReport] = useState<ConsultationReport | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

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

  const download = (path: string, name: string) => downloadFile(path, name, { token });
  const usd = (value: number) => new Intl.NumberFormat(language, { style: 'currency', currency: 'USD', notation: 'compact', maximumFractionDigits: 1 }).format(value);
  const contractValue = (group: { inProgress: { usd: number }; signed: { usd: number } }) => group.inProgress.usd + group.signed.usd;
  if (!plan || !report) return problem ? <p class="alert" role="alert">{problem}</p> : null;

  return (
    <section data-testid="consultation-page">
      <div class="toolbar">
        <h2>{t('consultations:plan.heading')}</h2>
        {!plan.published && (
          <>
            <button type="button" disabled={busy} onClick={() => void call('/api/consultations/plan/run', 'POST', { seconds: 2 })} data-testid="run-plan">
              {t('consultations:plan.run')}
            </button>
            <button type="button" class="secondary" disabled={busy} onClick={() => confirm(t('consultations:plan.publishConfirm')) && void call('/api/consultations/plan/publish', 'POST')}>
              {t('consultations:plan.publish')}
            </button>
          </>
        )}
        <button type="button" class="link" onClick={() => void download('/api/consultations/instance', 'consultation-instance.json')}>
          {t('consultations:plan.instance')}
        </button>
      </div>
      {problem && <p class="alert" role="alert">{problem}</p>}
      <p class={plan.published ? 'notice' : 'muted'}>
        {plan.published ? t('consultations:plan.published', { when: formatEventDateTime(plan.publishedAt!, language) }) : t('consultations:plan.draft')}
      </p>
      <section class="stats" data-testid="plan-figures">
        <div class="stat">{t('consultations:plan.placed', { placed: plan.placed, total: plan.meetings })}</div>
        <div class="stat">{t('consultations:plan.priority', { priority: plan.priority, bound: plan.upperBound })}</div>
        <div class="stat">{t('consultations:plan.idle', { gaps: plan.gaps, breaks: plan.breaks })}</div>
      </section>
      {plan.unscheduled.length > 0 && (
        <section class="card">
          <h3>{t('consultations:plan.unplaced')}</h3>
          <ul>
            {plan.unscheduled.map((entry) => (
              <li key={entry.meeting}>
                <strong>
                  {entry.meeting} · {entry.buyer}–{entry.supplier}
                </strong>
                : {entry.reason}
              </li>
            ))}
          </ul>
        </section>
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
                </tr>
              </thead>
              <tbody>
                {plan.assignments.map((row) => (
                  <tr key={row.meeting}>
                    <td>{formatEventDateTime(row.startsAt, language)}</td>
                    <td>{row.table}</td>
                    <td>{row.buyer}</td>
                    <td>{row.supplier}</td>
                    <td>{row.interpreter ?? ''}</td>
                  </tr>
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
            labels={report.bySupplierCluster.map((group) => group.key)}
            values={report.bySupplierCluster.map(contractValue)}
            format={usd}
          />
        </section>
      </div>
    </section>
  );
}
