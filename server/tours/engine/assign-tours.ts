import { FlowNetwork } from '../../scheduling/min-cost-flow.ts';
import { busesByTour, speaksWith, type TourProblem } from './tour-problem.ts';

/** Why a delegate has no seat, for a person to act on. */
export type UnassignedReason =
  | { code: 'no-choices' }
  /** None of the listed tours has a guide who speaks one of the delegate's languages. */
  | { code: 'no-language'; tours: number[]; languages: string[] }
  /** Every listed tour with a guide in the delegate's languages is full. */
  | { code: 'full'; tours: number[]; languages: string[] }
  /** A listed tour still has a seat the delegate could take: never so in an optimal plan, but after changes by hand. */
  | { code: 'seat-free'; tours: number[]; languages: string[] };

export interface TourPlan {
  /** Bus of each delegate, or -1. */
  busOf: Int32Array;
  /** Rank (1 = first choice) of each delegate's tour, or 0 when unassigned. */
  rankOf: Int32Array;
  placed: number;
  rankSum: number;
  /** `rankHistogram[r - 1]`: delegates on their r-th choice. */
  rankHistogram: number[];
  unassigned: { delegate: number; reason: UnassignedReason }[];
}

/**
 * The exact optimum: as many delegates seated as possible, then the smallest sum of ranks; capacities and guide
 * languages are hard limits. A minimum-cost maximum flow from the delegates (one seat each) through the tours they
 * list (cost = rank) to the buses (capacity) gives both at once.
 *
 * Buses of one tour whose guides speak the same languages are interchangeable, so they are one node; the delegates
 * seated on such a group fill its buses in the order the buses are listed, so a bus left empty can be cancelled.
 * Ties between equally good assignments go to delegates earlier in `problem.order`: they are offered seats first.
 */
export function assignTours(problem: TourProblem): TourPlan {
  const D = problem.delegateIds.length;
  const B = problem.busIds.length;
  // Groups of interchangeable buses: same tour, same guide languages.
  const groupOfBus = new Int32Array(B);
  const groupBuses: number[][] = [];
  const groupKey = new Map<string, number>();
  for (let b = 0; b < B; b++) {
    const key = `${problem.busTour[b]}|${[...new Set(problem.busLanguages[b])].sort().join(',')}`;
    let group = groupKey.get(key);
    if (group === undefined) {
      group = groupBuses.length;
      groupKey.set(key, group);
      groupBuses.push([]);
    }
    groupOfBus[b] = group;
    groupBuses[group]!.push(b);
  }
  const G = groupBuses.length;
  const groupsOfTour: number[][] = problem.tourIds.map(() => []);
  groupBuses.forEach((buses, g) => groupsOfTour[problem.busTour[buses[0]!]!]!.push(g));

  // Nodes: source, sink, delegates, bus groups.
  const source = 0;
  const sink = 1;
  const delegateNode = (d: number) => 2 + d;
  const groupNode = (g: number) => 2 + D + g;
  const network = new FlowNetwork(2 + D + G);
  const choiceArcs: { delegate: number; group: number; rank: number; arc: number }[] = [];
  for (const d of problem.order) network.addArc(source, delegateNode(d), 1, 0);
  for (const d of problem.order) {
    problem.preferences[d]!.forEach((tour, k) => {
      for (const g of groupsOfTour[tour]!) {
        if (speaksWith(problem, d, groupBuses[g]![0]!)) choiceArcs.push({ delegate: d, group: g, rank: k + 1, arc: network.addArc(delegateNode(d), groupNode(g), 1, k + 1) });
      }
    });
  }
  for (let g = 0; g < G; g++) {
    const seats = groupBuses[g]!.reduce((sum, b) => sum + problem.busCapacity[b]!, 0);
    network.addArc(groupNode(g), sink, seats, 0);
  }
  network.minCostMaxFlow(source, sink);

  const groupOf = new Int32Array(D).fill(-1);
  const rankOf = new Int32Array(D);
  for (const choice of choiceArcs) {
    if (network.flowOn(choice.arc) > 0) {
      groupOf[choice.delegate] = choice.group;
      rankOf[choice.delegate] = choice.rank;
    }
  }
  const busOf = new Int32Array(D).fill(-1);
  const seatsTaken = new Int32Array(B);
  for (const d of problem.order) {
    const group = groupOf[d]!;
    if (group < 0) continue;
    const bus = groupBuses[group]!.find((b) => seatsTaken[b]! < problem.busCapacity[b]!)!;
    busOf[d] = bus;
    seatsTaken[bus]!++;
  }

  const longest = problem.preferences.reduce((most, list) => Math.max(most, list.length), 0);
  const rankHistogram = new Array<number>(longest).fill(0);
  let placed = 0;
  let rankSum = 0;
  const unassigned: TourPlan['unassigned'] = [];
  const busesOfTour = busesByTour(problem);
  for (let d = 0; d < D; d++) {
    if (busOf[d]! >= 0) {
      placed++;
      rankSum += rankOf[d]!;
      rankHistogram[rankOf[d]! - 1]!++;
    } else {
      unassigned.push({ delegate: d, reason: explainUnassigned(problem, d, undefined, busesOfTour) });
    }
  }
  return { busOf, rankOf, placed, rankSum, rankHistogram, unassigned };
}

/**
 * Why delegate d has no seat. `freeSeats` says how many seats a bus has left; without it every bus the delegate could
 * ride counts as full, which holds for the engine's own optimal plan (a free seat there would be an augmenting path).
 */
export function explainUnassigned(
  problem: TourProblem,
  d: number,
  freeSeats: (bus: number) => number = () => 0,
  busesOfTour: number[][] = busesByTour(problem),
): UnassignedReason {
  const listed = [...problem.preferences[d]!];
  if (listed.length === 0) return { code: 'no-choices' };
  const languages = problem.delegateLanguages[d]!;
  const usable = (tour: number) => busesOfTour[tour]!.filter((b) => speaksWith(problem, d, b));
  const reachable = listed.filter((tour) => usable(tour).length > 0);
  if (reachable.length === 0) return { code: 'no-language', tours: listed, languages };
  const withRoom = reachable.filter((tour) => usable(tour).some((b) => freeSeats(b) > 0));
  return withRoom.length > 0 ? { code: 'seat-free', tours: withRoom, languages } : { code: 'full', tours: reachable, languages };
}
