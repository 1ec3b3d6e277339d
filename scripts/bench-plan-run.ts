/**
 * `npm run bench:plan-run`: the server's way of running the consultation engine (a worker thread, progress every
 * quarter second) on days from the 2015 consultation to a 56,000-meeting fair. While the engine works, the main
 * thread keeps a timer going, as the server keeps answering requests; the table gives how late that timer ever
 * fired (the longest the server would have kept a request waiting), the progress reports, and the run's time.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { generateInstance, type GeneratorOptions } from '../server/consultations/engine/generate-instance.ts';
import { scheduleInWorker } from '../server/consultations/engine-run.ts';
import type { PlanProgress } from '../shared/consultation-plan-schema.ts';
import { printTable } from './print-table.ts';

const cases: { name: string; seconds: number; options: GeneratorOptions }[] = [
  { name: '2015 day: 18×36, 10 slots', seconds: 2, options: { buyers: 18, suppliers: 36, slots: 10, fill: 0.62, seed: 2015, homeTables: true, interpreters: true, partialAvailability: true } },
  { name: 'tight 200×400, 24 slots', seconds: 3, options: { buyers: 200, suppliers: 400, slots: 24, fill: 0.9, seed: 4, homeTables: true } },
  { name: 'fair 2000×5000, 32 slots', seconds: 9, options: { buyers: 2000, suppliers: 5000, slots: 32, fill: 0.875, seed: 5, homeTables: true, interpreters: true } },
];

const rows: string[][] = [['instance', 'meetings', 'placed', 'run s', 'progress reports', 'first report s', 'phases seen', 'main thread: worst delay ms', 'p99 ms']];
for (const { name, seconds, options } of cases) {
  const { instance } = generateInstance(options);
  const reports: (PlanProgress & { at: number })[] = [];
  const delay = monitorEventLoopDelay({ resolution: 10 });
  const started = performance.now();
  delay.enable();
  const schedule = await scheduleInWorker(instance, seconds, (progress) => reports.push({ ...progress, at: performance.now() }));
  delay.disable();
  const runSeconds = (performance.now() - started) / 1000;
  rows.push([
    name,
    instance.meetings.length.toLocaleString('en'),
    schedule.assignments.length.toLocaleString('en'),
    runSeconds.toFixed(1),
    String(reports.length),
    reports.length ? ((reports[0]!.at - started) / 1000).toFixed(2) : '–',
    [...new Set(reports.map((report) => report.phase))].join(', '),
    (delay.max / 1e6).toFixed(0),
    (delay.percentile(99) / 1e6).toFixed(0),
  ]);
}
printTable(rows);
