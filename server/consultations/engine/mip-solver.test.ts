import { describe, expect, it } from 'vitest';
import { checkSchedule } from './check-schedule.ts';
import { compileInstance } from './compile-instance.ts';
import { generateInstance } from './generate-instance.ts';
import { adoptPlacements, provePriority } from './mip-solver.ts';
import { measureState } from './schedule-quality.ts';
import { ScheduleState } from './schedule-state.ts';
import { scheduleConsultations, scheduleConsultationsWithProof } from './schedule-consultations.ts';
import { describeUnplacedInEnglish } from '../unplaced-reason.ts';

describe('the MIP cross-check with HiGHS', () => {
  it('proves the 2015-sized day optimal in priority, and the engine reaches that optimum', async () => {
    const { instance } = generateInstance({ buyers: 18, suppliers: 36, slots: 10, fill: 0.62, seed: 2015, homeTables: true, interpreters: true, partialAvailability: true });
    const plan = await scheduleConsultationsWithProof(instance, { describe: describeUnplacedInEnglish, timeLimitMs: 1000, proofSeconds: 20 });
    expect(plan.optimal).toBe(true);
    expect(checkSchedule(instance, plan.schedule).violations).toEqual([]);
    const proof = await provePriority(compileInstance(instance), 20);
    expect(proof?.proven).toBe(true);
    expect(plan.quality.priority).toBe(proof!.priority);
  }, 60_000);

  it('never claims more than the MIP optimum on small oversubscribed days, and its bound holds', async () => {
    for (const seed of [1, 2, 3]) {
      const { instance } = generateInstance({ buyers: 6, suppliers: 10, slots: 5, fill: 0.7, seed, interpreters: true, partialAvailability: true, oversubscription: 0.8 });
      const proof = await provePriority(compileInstance(instance), 20);
      expect(proof?.proven).toBe(true);
      const heuristic = scheduleConsultations(instance, { describe: describeUnplacedInEnglish, timeLimitMs: 300, seed });
      expect(heuristic.quality.priority).toBeLessThanOrEqual(proof!.priority);
      expect(heuristic.upperBound).toBeGreaterThanOrEqual(proof!.priority);
      expect(proof!.lpBound).toBeGreaterThanOrEqual(proof!.priority);
      const proven = await scheduleConsultationsWithProof(instance, { describe: describeUnplacedInEnglish, timeLimitMs: 300, seed, proofSeconds: 20 });
      expect(proven.quality.priority).toBe(proof!.priority);
      expect(proven.optimal).toBe(true);
      expect(checkSchedule(instance, proven.schedule).violations).toEqual([]);
    }
  }, 60_000);

  it("takes the solver's placements when they place more, and still compacts their gaps", async () => {
    const { instance } = generateInstance({ buyers: 8, suppliers: 12, slots: 6, fill: 0.8, seed: 5, interpreters: true, partialAvailability: true, oversubscription: 0.8 });
    const problem = compileInstance(instance);
    const proof = (await provePriority(problem, 20))!;
    const raw = new ScheduleState(problem);
    adoptPlacements(raw, proof);
    // The greedy pass alone places less than the optimum, so the solver's placements are taken.
    expect(scheduleConsultations(instance, { describe: describeUnplacedInEnglish, greedyOnly: true }).quality.priority).toBeLessThan(proof.priority);
    const plan = await scheduleConsultationsWithProof(instance, { describe: describeUnplacedInEnglish, greedyOnly: true, proofSeconds: 20 });
    expect(plan.quality.priority).toBe(proof.priority);
    expect(checkSchedule(instance, plan.schedule).violations).toEqual([]);
    expect(plan.quality.gaps).toBeLessThan(measureState(raw).gaps);
  }, 60_000);
});
