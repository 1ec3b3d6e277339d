import { columnValue, loadHighs } from '../../scheduling/highs.ts';
import { consultationMip, placementColumnCount } from './mip-model.ts';
import type { Problem } from './problem.ts';
import type { ScheduleState } from './schedule-state.ts';

/** Instances up to this many placement columns are small enough to hand to the MIP solver. */
export const mipColumnLimit = 5_000;
const smallEnough = (problem: Problem) => {
  const columns = placementColumnCount(problem);
  return columns > 0 && columns <= mipColumnLimit;
};

export interface PriorityProof {
  /** The best total priority HiGHS found and, when `proven`, proved optimal. */
  priority: number;
  proven: boolean;
  /** The LP relaxation's optimum: no schedule places more. */
  lpBound: number;
  /** The MIP's placements, slot and interpreter per meeting (-1 for none). */
  slotOf: Int32Array;
  interpreterOf: Int32Array;
  seconds: number;
}

/** Solves the priority objective exactly with HiGHS (within `timeLimitSeconds`), and its LP relaxation for a bound. */
export async function provePriority(problem: Problem, timeLimitSeconds: number): Promise<PriorityProof | null> {
  const started = performance.now();
  if (!smallEnough(problem)) return null;
  const highs = await loadHighs();
  const model = consultationMip(problem, 'priority');
  const solution = highs.solve(model.text, { time_limit: timeLimitSeconds, mip_rel_gap: 0 });
  if (solution.Status !== 'Optimal' && solution.Status !== 'Time limit reached') return null;
  const proven = solution.Status === 'Optimal';
  // An unproven run still leaves the LP relaxation's optimum as a bound.
  const relaxation = proven ? null : highs.solve(consultationMip(problem, 'priority', { relaxed: true }).text, { time_limit: timeLimitSeconds });
  const slotOf = new Int32Array(problem.M).fill(-1);
  const interpreterOf = new Int32Array(problem.M).fill(-1);
  for (const { meeting, slot, column } of model.placement) if (columnValue(solution, column) > 0.5) slotOf[meeting] = slot;
  for (const { meeting, slot, interpreter, column } of model.interpreterColumns) if (slotOf[meeting] === slot && columnValue(solution, column) > 0.5) interpreterOf[meeting] = interpreter;
  let priority = 0;
  for (let m = 0; m < problem.M; m++) if (slotOf[m]! >= 0) priority += problem.priority[m]!;
  return {
    priority,
    proven,
    lpBound: proven ? priority : relaxation?.Status === 'Optimal' ? Math.floor(relaxation.ObjectiveValue + 1e-6) : Infinity,
    slotOf,
    interpreterOf,
    seconds: (performance.now() - started) / 1000,
  };
}

/** Puts the MIP's placements into the state (pins first, then the rest), choosing free tables. */
export function adoptPlacements(state: ScheduleState, proof: PriorityProof): void {
  const { problem } = state;
  for (let m = 0; m < problem.M; m++) if (state.slotOf[m]! >= 0) state.unplace(m);
  for (const pin of problem.pinned) state.place(pin.meeting, pin.slot, pin.table, pin.interpreter);
  for (let m = 0; m < problem.M; m++) {
    const s = proof.slotOf[m]!;
    if (s < 0 || state.slotOf[m]! >= 0) continue;
    state.place(m, s, state.tableFor(m, s), proof.interpreterOf[m]!);
  }
}

/** The fewest idle gaps HiGHS reaches within the time limit while placing at least `minimumPriority`: the yardstick for the engine. */
export async function mipGaps(problem: Problem, minimumPriority: number, timeLimitSeconds: number) {
  const started = performance.now();
  if (!smallEnough(problem)) return null;
  const highs = await loadHighs();
  const model = consultationMip(problem, 'gaps', { minimumPriority });
  const solution = highs.solve(model.text, { time_limit: timeLimitSeconds });
  if (solution.Status !== 'Optimal' && solution.Status !== 'Time limit reached') return null;
  // Within the time limit HiGHS may find no schedule at all (its objective is then infinite).
  const gaps = Number.isFinite(solution.ObjectiveValue) ? Math.round(solution.ObjectiveValue) : null;
  return { gaps, proven: solution.Status === 'Optimal', seconds: (performance.now() - started) / 1000 };
}
