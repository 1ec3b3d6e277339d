/**
 * `npm run bench:consultations`: generated days from the 2015 export consultation to a 56,000-meeting fair, each
 * built around a planted full schedule (except the oversubscribed one). For each it runs the engine through the CLI
 * (its own process, so peak memory is its own), a greedy baseline and, on the small days, HiGHS as a MIP for the
 * gaps objective, and prints one table.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkSchedule } from '../server/consultations/engine/check-schedule.ts';
import { generateInstance, type GeneratorOptions } from '../server/consultations/engine/generate-instance.ts';
import { scheduleConsultations } from '../server/consultations/engine/schedule-consultations.ts';
import { compileInstance } from '../server/consultations/engine/compile-instance.ts';
import { mipGaps } from '../server/consultations/engine/mip-solver.ts';
import { printTable } from './print-table.ts';
import { describeUnplacedInEnglish } from '../server/consultations/unplaced-reason.ts';

const cases: { name: string; seconds: number; options: GeneratorOptions }[] = [
  { name: '2015 day: 18×36, 10 slots', seconds: 2, options: { buyers: 18, suppliers: 36, slots: 10, fill: 0.62, seed: 2015, homeTables: true, interpreters: true, partialAvailability: true } },
  { name: 'brokerage 30×50, 16 slots', seconds: 2, options: { buyers: 30, suppliers: 50, slots: 16, fill: 0.6, seed: 2, interpreters: true, partialAvailability: true } },
  { name: 'oversubscribed 40×80 +50%', seconds: 2, options: { buyers: 40, suppliers: 80, slots: 12, fill: 0.8, seed: 3, homeTables: true, interpreters: true, oversubscription: 0.5 } },
  { name: 'tight 200×400, 24 slots, 90%', seconds: 2, options: { buyers: 200, suppliers: 400, slots: 24, fill: 0.9, seed: 4, homeTables: true } },
  { name: 'fair 2000×5000, 32 slots', seconds: 9, options: { buyers: 2000, suppliers: 5000, slots: 32, fill: 0.875, seed: 5, homeTables: true, interpreters: true } },
];

const folder = mkdtempSync(join(tmpdir(), 'bench-consultations-'));
const rows: string[][] = [['instance', 'meetings', 'engine placed', 'priority / bound', 'gaps (breaks)', 'planted gaps', 's', 'MiB', 'greedy placed', 'greedy gaps', 'greedy s', 'HiGHS gaps (10 s)']];
for (const { name, seconds, options } of cases) {
  const { instance, planted } = generateInstance(options);
  const path = join(folder, 'instance.json');
  writeFileSync(path, JSON.stringify(instance));
  // The schedule goes to /dev/null; the summary line on stderr carries the figures.
  const engineRun = execFileSync('bash', ['-c', `node --import tsx scripts/schedule-consultations.ts "$0" --seconds ${seconds} 2>&1 >/dev/null`, path], { encoding: 'utf8' });
  const figures = engineRun.match(/placed (\d+)\/(\d+) · priority ([\d.]+) \((?:optimal, )?upper bound ([\d.]+)\) · gaps (\d+) · breaks (\d+) · without meetings \d+ · ([\d.]+) s · peak memory (\d+) MiB/);
  if (!figures) throw new Error(`unexpected summary: ${engineRun}`);
  const [, placed, total, priority, bound, gaps, breaks, secondsTaken, mib] = figures;
  const greedy = scheduleConsultations(instance, { describe: describeUnplacedInEnglish, greedyOnly: true });
  const plantedGaps = planted.unscheduled.length === 0 ? String(checkSchedule(instance, planted).gaps) : '–';
  // HiGHS as a general MIP on the small days: the fewest gaps it reaches in 10 s at the engine's priority.
  const mip = await mipGaps(compileInstance(instance), Number(priority), 10);
  const share = (n: number) => `${((100 * n) / Number(total)).toFixed(1)}%`;
  rows.push([
    name,
    total!,
    `${placed} (${share(Number(placed))})`,
    `${priority} / ${bound}`,
    `${gaps} (${breaks})`,
    plantedGaps,
    secondsTaken!,
    mib!,
    `${greedy.quality.placed} (${share(greedy.quality.placed)})`,
    `${greedy.quality.gaps}`,
    greedy.seconds.toFixed(2),
    !mip ? 'too large' : mip.gaps === null ? 'none found' : `${mip.gaps}${mip.proven ? ' (optimal)' : ''} in ${mip.seconds.toFixed(1)} s`,
  ]);
}
rmSync(folder, { recursive: true, force: true });
printTable(rows);
