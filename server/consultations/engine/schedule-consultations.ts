import type { ConsultationSchedule } from './contract.ts';
import { compileInstance } from './compile-instance.ts';
import { explainUnplaced } from './explain-unplaced.ts';
import { measureState, type ScheduleQuality } from './schedule-quality.ts';
import { solve, type SolveOptions } from './solve.ts';
import { priorityUpperBound } from './upper-bound.ts';

export interface ConsultationPlan {
  schedule: ConsultationSchedule;
  quality: ScheduleQuality;
  /** No schedule of this instance places more total priority than this. */
  upperBound: number;
  seconds: number;
}

/** The engine's entry point: a `consultation-instance/1` in, a valid `consultation-schedule/1` out. Throws InstanceError on a bad instance. */
export function scheduleConsultations(instance: unknown, options: SolveOptions = {}): ConsultationPlan {
  const started = performance.now();
  const problem = compileInstance(instance);
  const state = solve(problem, options);
  const assignments: ConsultationSchedule['assignments'] = [];
  const unscheduled: ConsultationSchedule['unscheduled'] = [];
  for (let m = 0; m < problem.M; m++) {
    const s = state.slotOf[m]!;
    if (s < 0) {
      unscheduled.push({ meeting: problem.meetingIds[m]!, reason: explainUnplaced(state, m) });
      continue;
    }
    const assignment: ConsultationSchedule['assignments'][number] = { meeting: problem.meetingIds[m]!, slot: problem.slotIds[s]!, table: problem.tableIds[state.tableOf[m]!]! };
    if (state.interpreterOf[m]! >= 0) assignment.interpreter = problem.interpreterIds[state.interpreterOf[m]!]!;
    assignments.push(assignment);
  }
  return {
    schedule: { format: 'consultation-schedule/1', assignments, unscheduled },
    quality: measureState(state),
    upperBound: priorityUpperBound(problem),
    seconds: (performance.now() - started) / 1000,
  };
}
