import { speaksWith, type TourProblem } from './tour-problem.ts';

/**
 * An independent check of seats against the rules, for tests and the benchmark: every seated delegate listed the
 * bus's tour, shares a language with its guides and has the rank of that listing; no bus holds more than its seats.
 */
export function checkTourPlan(problem: TourProblem, busOf: ArrayLike<number>, rankOf: ArrayLike<number>) {
  const violations: string[] = [];
  const seated = new Int32Array(problem.busIds.length);
  let placed = 0;
  let rankSum = 0;
  for (let d = 0; d < problem.delegateIds.length; d++) {
    const bus = busOf[d]!;
    if (bus < 0) continue;
    const id = problem.delegateIds[d];
    const position = problem.preferences[d]!.indexOf(problem.busTour[bus]!);
    if (position < 0) violations.push(`${id} rides ${problem.busIds[bus]}, a tour they did not list`);
    else if (rankOf[d] !== position + 1) violations.push(`${id} has rank ${rankOf[d]} but listed the tour ${position + 1}.`);
    if (!speaksWith(problem, d, bus)) violations.push(`${id} shares no language with the guides of ${problem.busIds[bus]}`);
    seated[bus]!++;
    placed++;
    rankSum += position + 1;
  }
  seated.forEach((count, bus) => {
    if (count > problem.busCapacity[bus]!) violations.push(`${problem.busIds[bus]} holds ${count} for ${problem.busCapacity[bus]} seats`);
  });
  return { violations, placed, rankSum };
}
