/**
 * `npm run bench:tours`: the tour assignment on generated days, from the 2015 tour day (300 experts, 7 clusters) to
 * 20,000 delegates on 480 buses. For each: the engine's time on its first (cold) run and the best of five, the
 * seats and ranks it gives, and HiGHS solving the same instance as a linear program, whose optimum it must equal.
 */
import { assignTours } from '../server/tours/engine/assign-tours.ts';
import { checkTourPlan } from '../server/tours/engine/check-tour-plan.ts';
import { generateTourProblem, type TourGeneratorOptions } from '../server/tours/engine/generate-tour-problem.ts';
import { solveTourLp } from '../server/tours/engine/tour-lp.ts';
import { printTable } from './print-table.ts';

const cases: { name: string; options: TourGeneratorOptions }[] = [
  { name: '2015 tour day: 300 experts, 7 clusters × 2 buses', options: { delegates: 300, tours: 7, busesPerTour: 2, seatsPerBus: 30, choices: 5, seed: 2015 } },
  { name: '2,000 delegates, 20 tours × 4 buses', options: { delegates: 2000, tours: 20, busesPerTour: 4, seatsPerBus: 30, choices: 5, seed: 2 } },
  { name: '20,000 delegates, 60 tours × 8 buses', options: { delegates: 20000, tours: 60, busesPerTour: 8, seatsPerBus: 42, choices: 5, seed: 3 } },
  { name: '20,000 delegates, 480 one-bus tours', options: { delegates: 20000, tours: 480, busesPerTour: 1, seatsPerBus: 42, choices: 5, seed: 4 } },
];

const seconds = (since: number) => (performance.now() - since) / 1000;
const rows: string[][] = [['instance', 'buses', 'placed', 'ranks 1–5', 'rank sum', 'valid', 'engine s (cold)', 'engine s (best of 5)', 'HiGHS LP placed / rank sum', 'HiGHS s']];
const runs = cases.map(({ name, options }) => {
  const problem = generateTourProblem(options);
  let started = performance.now();
  const plan = assignTours(problem);
  const cold = seconds(started);
  let best = cold;
  for (let run = 1; run < 5; run++) {
    started = performance.now();
    assignTours(problem);
    best = Math.min(best, seconds(started));
  }
  return { name, problem, plan, cold, best };
});
// Measured before HiGHS is loaded: the engine's runs alone.
const enginePeak = process.resourceUsage().maxRSS / 1024;
for (const { name, problem, plan, cold, best } of runs) {
  const check = checkTourPlan(problem, plan.busOf, plan.rankOf);
  const lp = await solveTourLp(problem);
  const same = lp.placed === plan.placed && lp.rankSum === plan.rankSum;
  rows.push([
    name,
    String(problem.busIds.length),
    `${plan.placed}/${problem.delegateIds.length} (${((100 * plan.placed) / problem.delegateIds.length).toFixed(1)}%)`,
    plan.rankHistogram.join(' '),
    String(plan.rankSum),
    check.violations.length === 0 ? 'yes' : `${check.violations.length} violations`,
    cold.toFixed(3),
    best.toFixed(3),
    `${lp.placed} / ${lp.rankSum} ${same ? '(same)' : '(DIFFERENT)'}`,
    lp.seconds.toFixed(1),
  ]);
}
printTable(rows);
console.log(`peak memory of the engine runs (whole process, before HiGHS): ${enginePeak.toFixed(0)} MiB`);
