import { loadHighs } from '../../scheduling/highs.ts';
import { busesByTour, speaksWith, type TourProblem } from './tour-problem.ts';

/**
 * The tour assignment as a linear program for a general solver, to check the engine against: x(d,b) = delegate d
 * rides bus b. Each delegate at most once, each bus within its seats; maximise W·placed − Σ rank with W above any
 * rank sum, so more seated delegates always win. The constraint matrix is that of a bipartite b-matching, totally
 * unimodular, so the LP optimum is whole and is the true optimum.
 */
export async function solveTourLp(problem: TourProblem): Promise<{ placed: number; rankSum: number; seconds: number }> {
  const started = performance.now();
  const D = problem.delegateIds.length;
  const longest = problem.preferences.reduce((most, list) => Math.max(most, list.length), 0);
  const weight = longest * D + 1;
  const terms: string[] = [];
  const delegateRows: string[] = [];
  const busTerms: string[][] = problem.busIds.map(() => []);
  const busesOfTour = busesByTour(problem);
  for (let d = 0; d < D; d++) {
    const row: string[] = [];
    problem.preferences[d]!.forEach((tour, k) => {
      for (const b of busesOfTour[tour]!) {
        if (!speaksWith(problem, d, b)) continue;
        const column = `x${d}_${b}`;
        terms.push(`${weight - (k + 1)} ${column}`);
        row.push(column);
        busTerms[b]!.push(column);
      }
    });
    if (row.length > 0) delegateRows.push(` d${d}: ${row.join(' + ')} <= 1`);
  }
  if (terms.length === 0) return { placed: 0, rankSum: 0, seconds: (performance.now() - started) / 1000 };
  const busRows = busTerms.flatMap((columns, b) => (columns.length > 0 ? [` b${b}: ${columns.join(' + ')} <= ${problem.busCapacity[b]}`] : []));
  const text = ['Maximize', ` obj: ${terms.join(' + ')}`, 'Subject To', ...delegateRows, ...busRows, 'End'].join('\n');
  const highs = await loadHighs();
  const solution = highs.solve(text, {});
  if (solution.Status !== 'Optimal') throw new Error(`HiGHS: ${solution.Status}`);
  const objective = Math.round(solution.ObjectiveValue);
  const placed = Math.ceil(objective / weight);
  return { placed, rankSum: placed * weight - objective, seconds: (performance.now() - started) / 1000 };
}
