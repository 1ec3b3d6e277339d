import { describe, expect, it } from 'vitest';
import { checkSchedule } from './check-schedule.ts';
import { compileInstance } from './compile-instance.ts';
import type { ConsultationSchedule } from './contract.ts';
import { generateInstance } from './generate-instance.ts';
import { reduceIdleTime } from './idle-time-search.ts';
import { seededRandom } from '../../scheduling/random.ts';
import { measureState } from './schedule-quality.ts';
import { ScheduleState } from './schedule-state.ts';

/** The 2015-sized day with its planted full schedule loaded into a working state. */
function plantedDay(seed: number) {
  const { instance, planted } = generateInstance({ buyers: 18, suppliers: 36, slots: 10, fill: 0.62, seed, homeTables: true, interpreters: true, partialAvailability: true });
  const problem = compileInstance(instance);
  const state = new ScheduleState(problem);
  for (const a of planted.assignments) {
    const interpreter = a.interpreter === undefined ? -1 : problem.interpreterIds.indexOf(a.interpreter);
    state.place(problem.meetingIds.indexOf(a.meeting), problem.slotIds.indexOf(a.slot), problem.tableIds.indexOf(a.table), interpreter);
  }
  return { instance, problem, state };
}

function scheduleOf(state: ScheduleState): ConsultationSchedule {
  const { problem } = state;
  const assignments: ConsultationSchedule['assignments'] = [];
  for (let m = 0; m < problem.M; m++) {
    if (state.slotOf[m]! < 0) continue;
    const interpreter = state.interpreterOf[m]!;
    assignments.push({
      meeting: problem.meetingIds[m]!,
      slot: problem.slotIds[state.slotOf[m]!]!,
      table: problem.tableIds[state.tableOf[m]!]!,
      ...(interpreter >= 0 ? { interpreter: problem.interpreterIds[interpreter]! } : {}),
    });
  }
  return { format: 'consultation-schedule/1', assignments, unscheduled: [] };
}

describe('reduceIdleTime', () => {
  it('cuts the idle time of a planted day to a fraction, keeping every meeting placed, every pin in place and every rule', () => {
    for (const seed of [1, 2, 3]) {
      const { instance, problem, state } = plantedDay(seed);
      const before = measureState(state);
      const pinned = new Uint8Array(problem.M);
      for (let m = 0; m < problem.M; m += 9) pinned[m] = 1;
      const held = [...pinned.keys()].filter((m) => pinned[m]).map((m) => [state.slotOf[m], state.tableOf[m], state.interpreterOf[m]]);

      reduceIdleTime(state, { until: Date.now() + 400, random: seededRandom(seed), pinned });

      const after = measureState(state);
      expect(after.placed).toBe(problem.M);
      expect(after.gaps).toBeLessThan(before.gaps / 3);
      expect([...pinned.keys()].filter((m) => pinned[m]).map((m) => [state.slotOf[m], state.tableOf[m], state.interpreterOf[m]])).toEqual(held);
      const check = checkSchedule(instance, scheduleOf(state));
      expect(check.violations).toEqual([]);
      expect(check.gaps).toBe(after.gaps);
      expect(check.breaks).toBe(after.breaks);
    }
  });

  it('places a meeting that fits before it looks at idle time', () => {
    const { problem, state } = plantedDay(4);
    const freed = problem.meetingIds.length - 1;
    state.unplace(freed);
    reduceIdleTime(state, { until: Date.now() + 100, random: seededRandom(4), pinned: new Uint8Array(problem.M) });
    expect(state.slotOf[freed]).toBeGreaterThanOrEqual(0);
    expect(state.placedCount).toBe(problem.M);
  });

  it('returns the best plan it saw when stopped at once', () => {
    const { problem, state } = plantedDay(5);
    const before = measureState(state);
    reduceIdleTime(state, { until: Date.now() + 10_000, random: seededRandom(5), pinned: new Uint8Array(problem.M), shouldStop: () => true });
    const after = measureState(state);
    expect(after.placed).toBe(problem.M);
    expect(after.gaps).toBeLessThanOrEqual(before.gaps);
  });
});
