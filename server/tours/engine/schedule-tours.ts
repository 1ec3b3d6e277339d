import { assignTours, type TourPlan, type UnassignedReason } from './assign-tours.ts';
import { compileTourInstance, type CompileOptions } from './compile-tour-instance.ts';
import type { TourAssignment } from './contract.ts';

export interface TourResult {
  assignment: TourAssignment;
  plan: TourPlan;
  seconds: number;
}

export interface ScheduleToursOptions extends CompileOptions {
  /** Puts a reason in words, naming tours with `tourName`. */
  describe: (reason: UnassignedReason, tourName: (tour: number) => string) => string;
}

/** A `tour-instance/1` in, its optimal `tour-assignment/1` out. Throws InstanceError on a bad instance. */
export function scheduleTours(instance: unknown, options: ScheduleToursOptions): TourResult {
  const started = performance.now();
  const problem = compileTourInstance(instance, options);
  const plan = assignTours(problem);
  const assignments: TourAssignment['assignments'] = [];
  for (let d = 0; d < problem.delegateIds.length; d++) {
    const bus = plan.busOf[d]!;
    if (bus >= 0) assignments.push({ delegate: problem.delegateIds[d]!, tour: problem.tourIds[problem.busTour[bus]!]!, rank: plan.rankOf[d]! });
  }
  const unassigned = plan.unassigned.map(({ delegate, reason }) => ({
    delegate: problem.delegateIds[delegate]!,
    reason: options.describe(reason, (tour) => problem.tourIds[tour]!),
  }));
  return { assignment: { format: 'tour-assignment/1', assignments, unassigned }, plan, seconds: (performance.now() - started) / 1000 };
}
