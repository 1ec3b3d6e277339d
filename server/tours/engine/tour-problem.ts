/**
 * Tours compiled to dense indices. A tour runs one or more buses, each with a capacity and the languages its guides
 * speak; a delegate ranks tours (first is best) and may ride a bus of a listed tour whose guides speak one of the
 * delegate's languages. The file format's tour is a tour with one bus.
 */
export interface TourProblem {
  tourIds: string[];
  busIds: string[];
  /** The tour each bus belongs to. */
  busTour: Int32Array;
  busCapacity: Int32Array;
  busLanguages: string[][];
  delegateIds: string[];
  delegateLanguages: string[][];
  /** Each delegate's listed tours, best first. */
  preferences: Int32Array[];
  /**
   * The order in which delegates are served when several assignments are equally good (index 0 first):
   * the order they are listed in unless a lottery reorders them.
   */
  order: Int32Array;
}

/** Whether a bus's guides speak one of the delegate's languages. */
export function speaksWith(problem: TourProblem, delegate: number, bus: number): boolean {
  const spoken = problem.delegateLanguages[delegate]!;
  return problem.busLanguages[bus]!.some((language) => spoken.includes(language));
}

/** The buses of each tour, in the order they are listed. */
export function busesByTour(problem: TourProblem): number[][] {
  const buses: number[][] = problem.tourIds.map(() => []);
  problem.busTour.forEach((tour, bus) => buses[tour]!.push(bus));
  return buses;
}
