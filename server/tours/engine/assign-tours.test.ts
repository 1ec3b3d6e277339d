import { describe, expect, it } from 'vitest';
import { assignTours } from './assign-tours.ts';
import { checkTourPlan } from './check-tour-plan.ts';
import { compileTourInstance } from './compile-tour-instance.ts';
import type { TourInstance } from './contract.ts';
import { generateTourProblem } from './generate-tour-problem.ts';
import { solveTourLp } from './tour-lp.ts';
import type { TourProblem } from './tour-problem.ts';

const instance = (tours: TourInstance['tours'], delegates: [string, string[], string[]][]): TourInstance => ({
  format: 'tour-instance/1',
  tours,
  delegates: delegates.map(([id, languages, preferences]) => ({ id, languages, preferences })),
});
const seatOf = (problem: TourProblem, plan: ReturnType<typeof assignTours>, id: string) => {
  const bus = plan.busOf[problem.delegateIds.indexOf(id)]!;
  return bus < 0 ? null : problem.busIds[bus];
};

describe('assignTours', () => {
  it('seats as many delegates as possible with the smallest rank sum: the optimum of an LP solver, on random days', async () => {
    for (let seed = 1; seed <= 25; seed++) {
      const problem = generateTourProblem({
        delegates: 20 + ((seed * 37) % 180),
        tours: 2 + (seed % 9),
        busesPerTour: 1 + (seed % 3),
        seatsPerBus: 3 + (seed % 11),
        choices: 1 + (seed % 5),
        seed,
      });
      const plan = assignTours(problem);
      const check = checkTourPlan(problem, plan.busOf, plan.rankOf);
      expect(check.violations, `seed ${seed}`).toEqual([]);
      expect([check.placed, check.rankSum]).toEqual([plan.placed, plan.rankSum]);
      const lp = await solveTourLp(problem);
      expect({ placed: plan.placed, rankSum: plan.rankSum }, `seed ${seed}`).toEqual({ placed: lp.placed, rankSum: lp.rankSum });
      expect(plan.rankHistogram.reduce((sum, count) => sum + count, 0)).toBe(plan.placed);
      expect(plan.unassigned).toHaveLength(problem.delegateIds.length - plan.placed);
    }
  });

  it('gives the same seats for the same input', () => {
    const problem = generateTourProblem({ delegates: 500, tours: 7, busesPerTour: 2, seatsPerBus: 30, choices: 5, seed: 11 });
    expect(assignTours(problem).busOf).toEqual(assignTours(problem).busOf);
  });

  it('gives a contested seat, and a contested first choice, to the delegate listed first', () => {
    const problem = compileTourInstance(
      instance(
        [
          { id: 'changwon', capacity: 1, languages: ['en'] },
          { id: 'gumi', capacity: 1, languages: ['en'] },
        ],
        [
          ['D1', ['en'], ['changwon', 'gumi']],
          ['D2', ['en'], ['changwon', 'gumi']],
          ['D3', ['en'], ['changwon', 'gumi']],
        ],
      ),
    );
    const plan = assignTours(problem);
    expect(['D1', 'D2', 'D3'].map((id) => seatOf(problem, plan, id))).toEqual(['changwon', 'gumi', null]);
  });

  it('serves delegates in a seeded lottery order when asked, the same for the same seed', () => {
    const day = instance(
      [{ id: 'ulsan', capacity: 3, languages: ['en'] }],
      [...Array(10).keys()].map((k) => [`D${k}`, ['en'], ['ulsan']] as [string, string[], string[]]),
    );
    const seated = (lottery: number) => {
      const problem = compileTourInstance(day, { lottery });
      const plan = assignTours(problem);
      return problem.delegateIds.filter((id) => seatOf(problem, plan, id) !== null);
    };
    expect(seated(7)).toEqual(seated(7));
    expect(seated(7)).toHaveLength(3);
    expect([1, 2, 3, 4, 5].some((seed) => seated(seed).join() !== 'D0,D1,D2')).toBe(true);
  });

  it('takes a worse rank for one delegate when that seats one more', () => {
    // D1 prefers Changwon but can also ride to Gumi; D2 can only go to Changwon.
    const problem = compileTourInstance(
      instance(
        [
          { id: 'changwon', capacity: 1, languages: ['en'] },
          { id: 'gumi', capacity: 1, languages: ['en'] },
        ],
        [
          ['D1', ['en'], ['changwon', 'gumi']],
          ['D2', ['en'], ['changwon']],
        ],
      ),
    );
    const plan = assignTours(problem);
    expect([seatOf(problem, plan, 'D1'), seatOf(problem, plan, 'D2')]).toEqual(['gumi', 'changwon']);
    expect(plan.rankHistogram).toEqual([1, 1]);
  });

  it('says why each delegate has no seat', () => {
    const problem = compileTourInstance(
      instance(
        [
          { id: 'gunsan', capacity: 1, languages: ['en', 'ko'] },
          { id: 'wonju', capacity: 5, languages: ['zh'] },
        ],
        [
          ['D1', ['en'], ['gunsan']],
          ['D2', ['en', 'fr'], ['wonju', 'gunsan']],
          ['D3', ['es'], ['wonju', 'gunsan']],
          ['D4', ['en'], []],
        ],
      ),
    );
    const plan = assignTours(problem);
    expect(plan.unassigned).toEqual([
      { delegate: 1, reason: { code: 'full', tours: [0], languages: ['en', 'fr'] } },
      { delegate: 2, reason: { code: 'no-language', tours: [1, 0], languages: ['es'] } },
      { delegate: 3, reason: { code: 'no-choices' } },
    ]);
  });

  it('fills the buses of a tour in the order they are listed, so an empty one can be cancelled', () => {
    const problem: TourProblem = {
      tourIds: ['gwangju'],
      busIds: ['gwangju-1', 'gwangju-2', 'gwangju-3'],
      busTour: Int32Array.from([0, 0, 0]),
      busCapacity: Int32Array.from([2, 2, 2]),
      busLanguages: [['en'], ['en'], ['en']],
      delegateIds: ['D1', 'D2', 'D3'],
      delegateLanguages: [['en'], ['en'], ['en']],
      preferences: [Int32Array.of(0), Int32Array.of(0), Int32Array.of(0)],
      order: Int32Array.from([0, 1, 2]),
    };
    const plan = assignTours(problem);
    expect(['D1', 'D2', 'D3'].map((id) => seatOf(problem, plan, id))).toEqual(['gwangju-1', 'gwangju-1', 'gwangju-2']);
  });
});

describe('compileTourInstance', () => {
  const good = () => instance([{ id: 'changwon', capacity: 40, languages: ['en'] }], [['D1', ['en'], ['changwon']]]);
  it.each([
    ['an unknown tour', (i: TourInstance) => (i.delegates[0]!.preferences = ['ulsan']), 'delegates[0].preferences[0]: unknown tour "ulsan"'],
    ['a tour listed twice', (i: TourInstance) => (i.delegates[0]!.preferences = ['changwon', 'changwon']), 'delegates[0].preferences[1]: "changwon" is already listed (preferences[0])'],
    ['a duplicate delegate', (i: TourInstance) => i.delegates.push({ ...i.delegates[0]! }), 'delegates[1].id: duplicate id "D1" (also delegates[0])'],
    ['a duplicate tour', (i: TourInstance) => i.tours.push({ ...i.tours[0]! }), 'tours[1].id: duplicate id "changwon" (also tours[0])'],
    ['no tours', (i: TourInstance) => (i.tours = []), 'tours: needs at least one tour'],
    ['a bus with no seats', (i: TourInstance) => (i.tours[0]!.capacity = 0), 'tours[0].capacity: must be >= 1'],
    ['a guide with no language', (i: TourInstance) => (i.tours[0]!.languages = []), 'tours[0].languages: must NOT have fewer than 1 items'],
    ['a missing format', (i: TourInstance) => delete (i as Partial<TourInstance>).format, 'format: is missing'],
  ])('refuses %s, naming the place', (_name, change, message) => {
    const bad = good();
    change(bad);
    expect(() => compileTourInstance(bad)).toThrow(message);
  });
});
