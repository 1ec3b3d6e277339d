import type { Problem } from './problem.ts';
import { seededRandom, shuffle } from '../../scheduling/random.ts';
import { ScheduleState } from './schedule-state.ts';
import { reduceIdleTime, type IdleTimeSearchOptions } from './idle-time-search.ts';

export interface SolveOptions {
  /** Stop searching after this long and return the best plan so far. */
  timeLimitMs?: number;
  seed?: number;
  /** Called now and then with the share of the work done (0–1) and the meetings placed so far. */
  onProgress?: (progress: { phase: 'placing' | 'repairing' | 'compacting'; done: number; placed: number }) => void;
  /** Polled during the search; returning true stops it early with the best plan so far. */
  shouldStop?: () => boolean;
  /** Only the first, greedy pass: the baseline the benchmark compares the full engine with. */
  greedyOnly?: boolean;
}

/**
 * Places meetings in three passes, all on one ScheduleState:
 * 1. greedy, hardest meetings first (fewest slots both sides can attend, then highest priority), each in the
 *    free slot that adds the fewest idle gaps;
 * 2. repair: an unplaced meeting takes the slot whose occupants cost least to move, and the meetings it displaces
 *    go back in the queue (an ejection chain with a tabu rule; the best plan seen is kept);
 * 3. idle time: simulated annealing over Kempe-chain swaps (reduceIdleTime), which never unplaces anything.
 * Pinned meetings are placed first and never touched.
 */
export function solve(problem: Problem, options: SolveOptions = {}): ScheduleState {
  const started = Date.now();
  const budget = options.timeLimitMs ?? 2000;
  const deadline = started + budget;
  // Placing meetings comes first (objective 1): repair may use most of the time, compaction what is left.
  const repairDeadline = started + budget * 0.7;
  const random = seededRandom(options.seed ?? 1);
  const stopAt = (limit: number) => () => Date.now() > limit || (options.shouldStop?.() ?? false);
  const state = new ScheduleState(problem);
  const { S, M, meetingA, meetingB, priority } = problem;
  const pinned = new Uint8Array(M);
  for (const pin of problem.pinned) {
    state.place(pin.meeting, pin.slot, pin.table, pin.interpreter);
    pinned[pin.meeting] = 1;
  }

  const commonSlots = new Int32Array(M);
  for (let m = 0; m < M; m++) for (let s = 0; s < S; s++) if (state.bothAvailable(m, s)) commonSlots[m]!++;

  // 1. Greedy.
  const order = shuffle([...Array(M).keys()].filter((m) => !pinned[m]), random).sort(
    (x, y) => commonSlots[x]! - commonSlots[y]! || priority[y]! - priority[x]!,
  );
  order.forEach((m, k) => {
    const s = bestFreeSlot(state, m, -1);
    if (s >= 0) state.place(m, s);
    if (k % 5000 === 4999 || k === order.length - 1) options.onProgress?.({ phase: 'placing', done: (k + 1) / order.length, placed: state.placedCount });
  });

  if (options.greedyOnly) return state;

  // 2. Repair by Kempe chains and ejection chains.
  repair(state, pinned, commonSlots, random, stopAt(repairDeadline), options);

  // 3. Idle time.
  options.onProgress?.({ phase: 'compacting', done: 0, placed: state.placedCount });
  reduceIdleTime(state, searchOptions(state, deadline, pinned, random, options));
  return state;

  /** The free slot for m that adds the fewest gaps to its two participants (ties broken by slot order). */
  function bestFreeSlot(current: ScheduleState, m: number, except: number): number {
    let best = -1;
    let bestCost = Infinity;
    for (let s = 0; s < S; s++) {
      if (s === except || !current.canPlace(m, s)) continue;
      const cost = gapCostOfAdding(current, meetingA[m]!, s) + gapCostOfAdding(current, meetingB[m]!, s);
      if (cost < bestCost) {
        bestCost = cost;
        best = s;
      }
    }
    return best;
  }
}

/** How many idle slots participant p gains (negative: loses) if a meeting is added in slot s. */
function gapCostOfAdding(state: ScheduleState, p: number, s: number): number {
  const { S, available } = state.problem;
  let first = -1;
  let last = -1;
  for (let k = 0; k < S; k++) {
    if (state.participantAt[p * S + k] !== -1) {
      if (first < 0) first = k;
      last = k;
    }
  }
  if (first < 0) return 0;
  if (s > first && s < last) return -1;
  let added = 0;
  if (s < first) for (let k = s + 1; k < first; k++) added += available[p * S + k]!;
  else for (let k = last + 1; k < s; k++) added += available[p * S + k]!;
  return added;
}

function repair(state: ScheduleState, pinned: Uint8Array, commonSlots: Int32Array, random: () => number, stop: () => boolean, options: SolveOptions) {
  const { problem } = state;
  const { S, M, meetingA, meetingB, priority } = problem;
  const queue: number[] = [];
  for (let m = 0; m < M; m++) if (state.slotOf[m] === -1 && commonSlots[m]! > 0 && problem.fixedTable[m] !== -2) queue.push(m);
  if (queue.length === 0) return;
  let best = state.snapshot();
  let bestPriority = state.placedPriority;
  const tabuUntil = new Int32Array(M);
  const conflicts: number[] = [];
  const maxIterations = 200 * M + 10_000;
  for (let iteration = 1; queue.length > 0 && iteration < maxIterations; iteration++) {
    if ((iteration & 255) === 0) {
      if (stop()) break;
      if ((iteration & 8191) === 0) options.onProgress?.({ phase: 'repairing', done: iteration / maxIterations, placed: state.placedCount });
    }
    const m = queue.splice(Math.floor(random() * queue.length), 1)[0]!;
    if (state.slotOf[m]! >= 0) continue;
    if (placeBySwappingChain(state, m, pinned, random)) {
      if (state.placedPriority > bestPriority) {
        bestPriority = state.placedPriority;
        best = state.snapshot();
      }
      continue;
    }
    let chosen = -1;
    let chosenCost = Infinity;
    let chosenConflicts: number[] = [];
    for (let s = 0; s < S; s++) {
      if (!state.bothAvailable(m, s)) continue;
      conflicts.length = 0;
      if (!collectConflicts(state, m, s, conflicts)) continue;
      let cost = 0;
      for (const c of conflicts) {
        if (pinned[c]) {
          cost = Infinity;
          break;
        }
        cost += priority[c]! + (tabuUntil[c]! > iteration ? 1000 : 0);
      }
      cost += random() * 0.5;
      if (cost < chosenCost) {
        chosenCost = cost;
        chosen = s;
        chosenConflicts = [...conflicts];
      }
    }
    if (chosen < 0) continue;
    for (const c of chosenConflicts) state.unplace(c);
    state.place(m, chosen);
    tabuUntil[m] = iteration + 10 + Math.floor(random() * 10);
    for (const c of chosenConflicts) {
      // A displaced meeting first tries any free slot; only then does it wait its turn to displace others.
      const direct = firstFreeSlot(state, c);
      if (direct >= 0) state.place(c, direct);
      else queue.push(c);
    }
    if (state.placedPriority > bestPriority) {
      bestPriority = state.placedPriority;
      best = state.snapshot();
    }
  }
  if (state.placedPriority < bestPriority) state.restore(best);

  function firstFreeSlot(current: ScheduleState, m: number): number {
    const start = Math.floor(random() * S);
    for (let k = 0; k < S; k++) {
      const s = (start + k) % S;
      if (current.canPlace(m, s)) return s;
    }
    return -1;
  }

  /** The meetings m would displace in slot s; false when a table or interpreter could never be found there. */
  function collectConflicts(current: ScheduleState, m: number, s: number, into: number[]): boolean {
    const add = (c: number) => {
      if (c >= 0 && !into.includes(c)) into.push(c);
    };
    add(current.participantAt[meetingA[m]! * S + s]!);
    add(current.participantAt[meetingB[m]! * S + s]!);
    const fixed = problem.fixedTable[m]!;
    if (fixed >= 0) add(current.tableAt[fixed * S + s]!);
    else if (into.length === 0 && current.tableFor(m, s) < 0) {
      // Every table is taken and no displaced meeting frees one: displace a meeting that is not tied to its table.
      const victim = current.movableTableOccupant(s, random);
      if (victim < 0) return false;
      add(victim);
    }
    const eligible = problem.interpreters[m];
    if (eligible && current.interpreterFor(m, s) === -2) {
      for (const c of into) if (current.interpreterOf[c]! >= 0 && eligible.includes(current.interpreterOf[c]!)) return true;
      // A random interpreter on duty who could serve m: their meeting makes way (reservoir sampling, no allocation).
      let chosen = -1;
      let seen = 0;
      for (const i of eligible) if (problem.interpreterAvailable[i * S + s] && random() * ++seen < 1) chosen = i;
      if (chosen < 0) return false;
      add(current.interpreterAt[chosen * S + s]!);
    }
    return true;
  }
}

/**
 * Kempe-chain move, the classic step of bipartite edge colouring: when one side of m is free only in slot s1 and
 * the other only in s2, the meetings along the path that alternates s1 and s2 from the second side swap slots,
 * which frees that side in s1 without unplacing anyone. A swap that breaks availability, a table, an interpreter or
 * a pin is undone.
 */
function placeBySwappingChain(state: ScheduleState, m: number, pinned: Uint8Array, random: () => number): boolean {
  const { problem } = state;
  const { S, meetingA, meetingB } = problem;
  const a = meetingA[m]!;
  const b = meetingB[m]!;
  const freeSlots = (p: number) => [...Array(S).keys()].filter((s) => problem.available[p * S + s] && state.participantAt[p * S + s] === -1);
  const freeA = freeSlots(a);
  const freeB = freeSlots(b);
  for (let attempt = 0; attempt < 8; attempt++) {
    // Start from either side: free in s1 on one side, free in s2 on the other.
    const [from, s1Choices, s2Choices] = random() < 0.5 ? [b, freeA, freeB] : [a, freeB, freeA];
    if (s1Choices.length === 0 || s2Choices.length === 0) return false;
    const s1 = s1Choices[Math.floor(random() * s1Choices.length)]!;
    const s2 = s2Choices[Math.floor(random() * s2Choices.length)]!;
    if (s1 === s2 || !state.bothAvailable(m, s1)) continue;
    const path: number[] = [];
    let person = from;
    let colour = s1;
    let valid = true;
    for (let step = 0; step < 64; step++) {
      const edge = state.participantAt[person * S + colour]!;
      if (edge < 0) break;
      if (pinned[edge] || path.includes(edge)) {
        valid = false;
        break;
      }
      path.push(edge);
      person = meetingA[edge] === person ? meetingB[edge]! : meetingA[edge]!;
      if (person === a || person === b) {
        valid = false;
        break;
      }
      colour = colour === s1 ? s2 : s1;
    }
    if (!valid || path.length === 0 || state.participantAt[person * S + colour]! >= 0) continue;
    const saved = path.map((edge) => ({ edge, s: state.slotOf[edge]!, t: state.tableOf[edge]!, i: state.interpreterOf[edge]! }));
    for (const edge of path) state.unplace(edge);
    const moved: number[] = [];
    let fits = true;
    for (const { edge, s } of saved) {
      const target = s === s1 ? s2 : s1;
      if (!state.canPlace(edge, target)) {
        fits = false;
        break;
      }
      state.place(edge, target);
      moved.push(edge);
    }
    if (fits && state.canPlace(m, s1)) {
      state.place(m, s1);
      return true;
    }
    for (const edge of moved) state.unplace(edge);
    for (const { edge, s, t, i } of saved) state.place(edge, s, t, i);
  }
  return false;
}

/** Idle-time search alone, on a state placed elsewhere (the MIP's placements): it keeps every meeting placed. */
export function polishGaps(state: ScheduleState, options: SolveOptions = {}): void {
  const pinned = new Uint8Array(state.problem.M);
  for (const pin of state.problem.pinned) pinned[pin.meeting] = 1;
  reduceIdleTime(state, searchOptions(state, Date.now() + (options.timeLimitMs ?? 2000), pinned, seededRandom(options.seed ?? 1), options));
}

function searchOptions(state: ScheduleState, until: number, pinned: Uint8Array, random: () => number, options: SolveOptions): IdleTimeSearchOptions {
  return {
    until,
    pinned,
    random,
    shouldStop: options.shouldStop,
    onProgress: (done) => options.onProgress?.({ phase: 'compacting', done, placed: state.placedCount }),
  };
}
