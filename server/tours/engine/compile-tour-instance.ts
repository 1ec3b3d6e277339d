import { ajv, indexIds, InstanceError, shapeError } from '../../scheduling/instance-checks.ts';
import { seededRandom, shuffle } from '../../scheduling/random.ts';
import { TourInstance } from './contract.ts';
import type { TourProblem } from './tour-problem.ts';

const checkShape = ajv.compile(TourInstance);

export interface CompileOptions {
  /** Serve delegates in the order of a seeded lottery instead of the order they are listed in. */
  lottery?: number;
}

/** Checks a `tour-instance/1` against the contract and the rules between its parts, and compiles it. Throws InstanceError. */
export function compileTourInstance(input: unknown, options: CompileOptions = {}): TourProblem {
  if (!checkShape(input)) throw shapeError(checkShape.errors![0]!);
  const instance = input as TourInstance;
  if (instance.tours.length === 0) throw new InstanceError('tours', 'needs at least one tour');
  const tourIndex = indexIds(instance.tours, 'tours');
  indexIds(instance.delegates, 'delegates');
  const preferences = instance.delegates.map((delegate, d) => {
    const listed = new Map<number, number>();
    delegate.preferences.forEach((id, k) => {
      const tour = tourIndex.get(id);
      if (tour === undefined) throw new InstanceError(`delegates[${d}].preferences[${k}]`, `unknown tour "${id}"`);
      if (listed.has(tour)) throw new InstanceError(`delegates[${d}].preferences[${k}]`, `"${id}" is already listed (preferences[${listed.get(tour)}])`);
      listed.set(tour, k);
    });
    return Int32Array.from(listed.keys());
  });
  const order = Int32Array.from(instance.delegates.keys());
  if (options.lottery !== undefined) order.set(shuffle([...order], seededRandom(options.lottery)));
  return {
    tourIds: instance.tours.map((tour) => tour.id),
    busIds: instance.tours.map((tour) => tour.id),
    busTour: Int32Array.from(instance.tours.keys()),
    busCapacity: Int32Array.from(instance.tours, (tour) => tour.capacity),
    busLanguages: instance.tours.map((tour) => tour.languages),
    delegateIds: instance.delegates.map((delegate) => delegate.id),
    delegateLanguages: instance.delegates.map((delegate) => delegate.languages),
    preferences,
    order,
  };
}
