import type { ConsultationSchedule } from './contract.ts';
import { compileInstance } from './compile-instance.ts';
import { explainUnplaced, type UnplacedReason } from './explain-unplaced.ts';
import { adoptPlacements, provePriority } from './mip-solver.ts';
import type { Problem } from './problem.ts';
import { measureState, type ScheduleQuality } from './schedule-quality.ts';
import type { ScheduleState } from './schedule-state.ts';
import { polishGaps, solve, type SolveOptions } from './solve.ts';
import { priorityUpperBound } from './upper-bound.ts';

export interface ConsultationPlan {
  schedule: ConsultationSchedule;
  quality: ScheduleQuality;
  /** No schedule of this instance places more total priority than this. */
  upperBound: number;
  /** True when the placed priority is proven to be the most any schedule can place. */
  optimal: boolean;
  seconds: number;
}

export interface PlanOptions extends SolveOptions {
  /** Puts an unplaced meeting's reason in words for the schedule file. */
  describe: (reason: UnplacedReason) => string;
}

function describePlan(problem: Problem, state: ScheduleState, upperBound: number, started: number, describe: PlanOptions['describe']): ConsultationPlan {
  const assignments: ConsultationSchedule['assignments'] = [];
  const unscheduled: ConsultationSchedule['unscheduled'] = [];
  for (let m = 0; m < problem.M; m++) {
    const s = state.slotOf[m]!;
    if (s < 0) {
      unscheduled.push({ meeting: problem.meetingIds[m]!, reason: describe(explainUnplaced(state, m)) });
      continue;
    }
    const assignment: ConsultationSchedule['assignments'][number] = { meeting: problem.meetingIds[m]!, slot: problem.slotIds[s]!, table: problem.tableIds[state.tableOf[m]!]! };
    if (state.interpreterOf[m]! >= 0) assignment.interpreter = problem.interpreterIds[state.interpreterOf[m]!]!;
    assignments.push(assignment);
  }
  const quality = measureState(state);
  return {
    schedule: { format: 'consultation-schedule/1', assignments, unscheduled },
    quality,
    upperBound,
    optimal: quality.priority >= upperBound,
    seconds: (performance.now() - started) / 1000,
  };
}

/** The engine's entry point: a `consultation-instance/1` in, a valid `consultation-schedule/1` out. Throws InstanceError on a bad instance. */
export function scheduleConsultations(instance: unknown, options: PlanOptions): ConsultationPlan {
  const started = performance.now();
  const problem = compileInstance(instance);
  return describePlan(problem, solve(problem, options), priorityUpperBound(problem), started, options.describe);
}

/**
 * As scheduleConsultations, and on small instances (the 2015 day) HiGHS then solves the priority objective exactly:
 * the plan says when its priority is proven optimal, and takes the solver's placements when they place more.
 */
export async function scheduleConsultationsWithProof(instance: unknown, options: PlanOptions & { proofSeconds?: number }): Promise<ConsultationPlan> {
  const started = performance.now();
  const problem = compileInstance(instance);
  const state = solve(problem, options);
  let upperBound = priorityUpperBound(problem);
  // Reaching the counting bound is already a proof of optimality.
  const proof = state.placedPriority >= upperBound ? null : await provePriority(problem, options.proofSeconds ?? 5);
  if (proof) {
    upperBound = Math.min(upperBound, proof.proven ? proof.priority : proof.lpBound);
    if (proof.priority > state.placedPriority) {
      // The solver optimised priority only: its placements get the same gap compaction as the engine's own.
      adoptPlacements(state, proof);
      polishGaps(state, options);
    }
  }
  return describePlan(problem, state, upperBound, started, options.describe);
}
