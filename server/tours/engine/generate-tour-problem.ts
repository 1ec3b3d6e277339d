import { seededRandom, shuffle } from '../../scheduling/random.ts';
import type { TourProblem } from './tour-problem.ts';

export interface TourGeneratorOptions {
  delegates: number;
  tours: number;
  busesPerTour: number;
  seatsPerBus: number;
  /** How many tours each delegate ranks (at most). */
  choices: number;
  seed: number;
}

/** Guide languages a bus may have, and how often; every bus also has Korean-speaking staff, which few visitors use. */
const guideLanguages: [string[], number][] = [
  [['en', 'ko'], 5],
  [['en'], 3],
  [['zh', 'ko'], 2],
  [['ja'], 1],
  [['en', 'es'], 1],
  [['ru', 'en'], 1],
  [['vi', 'ko'], 1],
];
const spokenLanguages: [string, number][] = [
  ['en', 60],
  ['zh', 14],
  ['ja', 7],
  ['es', 5],
  ['ru', 4],
  ['vi', 4],
  ['fr', 4],
  ['ko', 2],
];

function pick<T>(weighted: [T, number][], random: () => number): T {
  const total = weighted.reduce((sum, [, weight]) => sum + weight, 0);
  let x = random() * total;
  for (const [value, weight] of weighted) if ((x -= weight) < 0) return value;
  return weighted[weighted.length - 1]![0];
}

/**
 * A tour day to test and measure the assignment on: tours of uneven popularity (a few clusters everybody wants),
 * buses with guides in a mix of languages, delegates who speak one or two languages and rank a few tours.
 */
export function generateTourProblem(options: TourGeneratorOptions): TourProblem {
  const random = seededRandom(options.seed);
  const { tours, busesPerTour, delegates } = options;
  const busTour: number[] = [];
  const busLanguages: string[][] = [];
  for (let t = 0; t < tours; t++) {
    for (let k = 0; k < busesPerTour; k++) {
      busTour.push(t);
      busLanguages.push(pick(guideLanguages, random));
    }
  }
  // Popularity falls with the tour's number (Zipf-like), so the first tours are oversubscribed.
  const popularity: [number, number][] = [...Array(tours).keys()].map((t) => [t, 1 / (t + 1) ** 0.8]);
  const delegateLanguages: string[][] = [];
  const preferences: Int32Array[] = [];
  for (let d = 0; d < delegates; d++) {
    const first = pick(spokenLanguages, random);
    const second = random() < 0.4 ? pick(spokenLanguages, random) : first;
    delegateLanguages.push([...new Set([first, second])]);
    const count = 1 + Math.floor(random() * Math.min(options.choices, tours));
    const listed = new Set<number>();
    while (listed.size < count) listed.add(pick(popularity, random));
    preferences.push(Int32Array.from(listed));
  }
  return {
    tourIds: [...Array(tours).keys()].map((t) => `T${String(t + 1).padStart(3, '0')}`),
    busIds: busTour.map((t, b) => `T${String(t + 1).padStart(3, '0')}-bus${b - t * busesPerTour + 1}`),
    busTour: Int32Array.from(busTour),
    busCapacity: new Int32Array(busTour.length).fill(options.seatsPerBus),
    busLanguages,
    delegateIds: [...Array(delegates).keys()].map((d) => `D${String(d + 1).padStart(5, '0')}`),
    delegateLanguages,
    preferences,
    order: Int32Array.from(shuffle([...Array(delegates).keys()], random)),
  };
}
