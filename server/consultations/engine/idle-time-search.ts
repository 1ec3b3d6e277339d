import type { ScheduleState } from './schedule-state.ts';

export interface IdleTimeSearchOptions {
  /** Epoch milliseconds at which the search returns its best plan. */
  until: number;
  random: () => number;
  /** Meetings that must not move (1 = pinned). */
  pinned: Uint8Array;
  shouldStop?: () => boolean;
  onProgress?: (done: number) => void;
}

/**
 * Shortens participants' idle time without unplacing anything: simulated annealing over Kempe-chain swaps.
 * A swap takes one meeting in slot s1 and a second slot s2, and exchanges s1 and s2 for the whole chain of
 * meetings that alternates between the two slots through shared participants, so nobody is double-booked by it;
 * a chain of one meeting is a plain move to a free slot. Tables and interpreters are re-checked for every swap.
 * Worse swaps are accepted with a probability that falls as the search cools, which lets it leave local minima
 * that moves and pairwise swaps alone cannot. Meetings that became placeable on the way are placed: priority
 * comes before idle time. The best plan seen (fewest gaps, then fewest breaks) is the one kept.
 */
export function reduceIdleTime(state: ScheduleState, options: IdleTimeSearchOptions): void {
  const { problem } = state;
  const { S, P, M, meetingA, meetingB, available } = problem;
  const { random, pinned } = options;
  const gapsOf = new Int32Array(P);
  const breaksOf = new Int32Array(P);
  let totalGaps = 0;
  let totalBreaks = 0;
  for (let p = 0; p < P; p++) {
    measure(p);
    totalGaps += gapsOf[p]!;
    totalBreaks += breaksOf[p]!;
  }
  // The best plan is the current one with the swaps since then undone: a journal of where each moved meeting was,
  // one segment per swap, is far cheaper than copying the whole plan at every improvement.
  let bestGaps = totalGaps;
  let bestBreaks = totalBreaks;
  const journal: number[] = [];
  const journalSegments: number[] = [];
  const journalLimit = Math.max(1 << 14, 8 * M);
  const unplaced: number[] = [];
  for (let m = 0; m < M; m++) if (state.slotOf[m] === -1 && problem.fixedTable[m] !== -2) unplaced.push(m);
  placeWhatFits();
  const started = Date.now();
  const span = Math.max(1, options.until - started);
  // The temperature follows the iteration count, not the clock, so a search that ends before its time limit
  // gives the same plan on any machine. Each cycle cools from hot to cold; the search ends after a few
  // cycles that found nothing better.
  const hotTemperature = 1.5;
  const coldTemperature = 0.05;
  const cycleLength = Math.min(Math.max(2048 * P, 1 << 16), 1 << 21) & ~255; // a multiple of 256, the check interval
  const fruitlessCyclesToStop = 5;
  let fruitlessCycles = 0;
  let improvedInCycle = false;
  let temperature = hotTemperature;

  const chain: number[] = [];
  const chainSlot: number[] = [];
  const chainTable: number[] = [];
  const chainInterpreter: number[] = [];
  const people: number[] = [];
  const meetingMark = new Int32Array(M);
  const personMark = new Int32Array(P);
  let mark = 0;
  const chainLimit = Math.max(16, 4 * S);

  for (let iteration = 1; bestGaps > 0 || bestBreaks > 0; iteration++) {
    if ((iteration & 255) === 0) {
      const now = Date.now();
      if (now >= options.until || options.shouldStop?.()) break;
      const cycleDone = (iteration % cycleLength) / cycleLength;
      temperature = hotTemperature * Math.pow(coldTemperature / hotTemperature, cycleDone);
      if (iteration % cycleLength === 0) {
        fruitlessCycles = improvedInCycle ? 0 : fruitlessCycles + 1;
        improvedInCycle = false;
        if (fruitlessCycles >= fruitlessCyclesToStop) break;
      }
      if ((iteration & 65535) === 0) {
        options.onProgress?.((now - started) / span);
        if (unplaced.length > 0) placeWhatFits();
      }
    }
    const p = pickIdleParticipant();
    if (p < 0) break;
    const m = pickMeetingOf(p);
    if (m < 0 || pinned[m]) continue;
    const s1 = state.slotOf[m]!;
    const s2 = pickTargetSlot(p, s1);
    if (s2 < 0) continue;
    if (!collectChain(m, s1, s2)) continue;

    let before = 0;
    for (const q of people) before += cost(q);
    if (!swapChain(s1, s2)) continue;
    let after = 0;
    let gapsDelta = 0;
    let breaksDelta = 0;
    for (const q of people) {
      const oldGaps = gapsOf[q]!;
      const oldBreaks = breaksOf[q]!;
      measure(q);
      gapsDelta += gapsOf[q]! - oldGaps;
      breaksDelta += breaksOf[q]! - oldBreaks;
      after += cost(q);
    }
    const delta = after - before;
    if (delta <= 0 || random() < Math.exp(-delta / temperature)) {
      totalGaps += gapsDelta;
      totalBreaks += breaksDelta;
      if (totalGaps < bestGaps || (totalGaps === bestGaps && totalBreaks < bestBreaks)) {
        markBest();
        improvedInCycle = true;
      } else {
        recordSwap();
        // A long walk away from the best plan starts again from it.
        if (journal.length > journalLimit) returnToBest();
      }
    } else {
      undoSwap();
      for (const q of people) measure(q);
    }
  }
  returnToBest();

  function markBest() {
    bestGaps = totalGaps;
    bestBreaks = totalBreaks;
    journal.length = 0;
    journalSegments.length = 0;
  }

  /** Journals the chain just swapped: each meeting with the slot, table and interpreter it had before. */
  function recordSwap() {
    for (let k = 0; k < chain.length; k++) journal.push(chain[k]!, chainSlot[k]!, chainTable[k]!, chainInterpreter[k]!);
    journalSegments.push(journal.length);
  }

  /** Undoes the journalled swaps, latest first, which brings back the best plan. */
  function returnToBest() {
    if (journalSegments.length === 0) return;
    for (let segment = journalSegments.length - 1; segment >= 0; segment--) {
      const from = segment === 0 ? 0 : journalSegments[segment - 1]!;
      const to = journalSegments[segment]!;
      for (let k = from; k < to; k += 4) state.unplace(journal[k]!);
      for (let k = from; k < to; k += 4) state.place(journal[k]!, journal[k + 1]!, journal[k + 2]!, journal[k + 3]!);
    }
    for (let p = 0; p < P; p++) measure(p);
    totalGaps = bestGaps;
    totalBreaks = bestBreaks;
    journal.length = 0;
    journalSegments.length = 0;
  }

  /** Gaps weigh twice a break: fewer gaps first, and among equal gaps, idle slots run together. */
  function cost(q: number): number {
    return 2 * gapsOf[q]! + breaksOf[q]!;
  }

  function measure(q: number) {
    let first = -1;
    let last = -1;
    for (let s = 0; s < S; s++) {
      if (state.participantAt[q * S + s] !== -1) {
        if (first < 0) first = s;
        last = s;
      }
    }
    let gaps = 0;
    let breaks = 0;
    let idle = false;
    for (let s = first + 1; first >= 0 && s < last; s++) {
      if (state.participantAt[q * S + s] !== -1) idle = false;
      else if (available[q * S + s]) {
        gaps++;
        if (!idle) breaks++;
        idle = true;
      }
    }
    gapsOf[q] = gaps;
    breaksOf[q] = breaks;
  }

  /** Mostly a participant with idle time; now and then anyone, so chains through tidy days also get moved. */
  function pickIdleParticipant(): number {
    for (let attempt = 0; attempt < 32; attempt++) {
      const p = Math.floor(random() * P);
      if (gapsOf[p]! > 0 || random() < 0.05) return p;
    }
    return Math.floor(random() * P);
  }

  function pickMeetingOf(p: number): number {
    const start = Math.floor(random() * S);
    for (let k = 0; k < S; k++) {
      const m = state.participantAt[p * S + ((start + k) % S)]!;
      if (m >= 0) return m;
    }
    return -1;
  }

  /** Half the time one of p's idle slots (filling it directly), otherwise any other slot p can attend. */
  function pickTargetSlot(p: number, s1: number): number {
    const start = Math.floor(random() * S);
    const wantIdle = gapsOf[p]! > 0 && random() < 0.5;
    let fallback = -1;
    for (let k = 0; k < S; k++) {
      const s = (start + k) % S;
      if (s === s1 || !available[p * S + s]) continue;
      if (!wantIdle) return s;
      if (state.participantAt[p * S + s] === -1 && isBetweenMeetings(p, s)) return s;
      if (fallback < 0) fallback = s;
    }
    return fallback;
  }

  function isBetweenMeetings(p: number, s: number): boolean {
    let before = false;
    let after = false;
    for (let k = 0; k < s && !before; k++) before = state.participantAt[p * S + k] !== -1;
    for (let k = s + 1; k < S && !after; k++) after = state.participantAt[p * S + k] !== -1;
    return before && after;
  }

  /** The Kempe chain of m between slots s1 and s2, into `chain` and `people`; false when it cannot be swapped. */
  function collectChain(m: number, s1: number, s2: number): boolean {
    mark++;
    chain.length = 0;
    people.length = 0;
    chain.push(m);
    meetingMark[m] = mark;
    for (let k = 0; k < chain.length; k++) {
      const edge = chain[k]!;
      if (pinned[edge] || chain.length > chainLimit) return false;
      const target = state.slotOf[edge] === s1 ? s2 : s1;
      for (let side = 0; side < 2; side++) {
        const q = side === 0 ? meetingA[edge]! : meetingB[edge]!;
        if (!available[q * S + target]) return false;
        if (personMark[q] !== mark) {
          personMark[q] = mark;
          people.push(q);
        }
        const next = state.participantAt[q * S + target]!;
        if (next >= 0 && meetingMark[next] !== mark) {
          meetingMark[next] = mark;
          chain.push(next);
        }
      }
    }
    return true;
  }

  /** Exchanges s1 and s2 for every meeting of the chain; on a table or interpreter clash restores it and says false. */
  function swapChain(s1: number, s2: number): boolean {
    chainSlot.length = 0;
    chainTable.length = 0;
    chainInterpreter.length = 0;
    for (const edge of chain) {
      chainSlot.push(state.slotOf[edge]!);
      chainTable.push(state.tableOf[edge]!);
      chainInterpreter.push(state.interpreterOf[edge]!);
      state.unplace(edge);
    }
    for (let k = 0; k < chain.length; k++) {
      const edge = chain[k]!;
      const target = chainSlot[k] === s1 ? s2 : s1;
      if (!state.canPlace(edge, target)) {
        for (let j = 0; j < k; j++) state.unplace(chain[j]!);
        restoreChain();
        return false;
      }
      state.place(edge, target);
    }
    return true;
  }

  function undoSwap() {
    for (const edge of chain) state.unplace(edge);
    restoreChain();
  }

  function restoreChain() {
    for (let k = 0; k < chain.length; k++) state.place(chain[k]!, chainSlot[k]!, chainTable[k]!, chainInterpreter[k]!);
  }

  /** Places every unplaced meeting that now fits somewhere, in the slot that adds the least idle time. */
  function placeWhatFits() {
    for (let k = unplaced.length - 1; k >= 0; k--) {
      const m = unplaced[k]!;
      if (state.slotOf[m]! >= 0) {
        unplaced.splice(k, 1);
        continue;
      }
      let chosen = -1;
      let chosenCost = Infinity;
      for (let s = 0; s < S; s++) {
        if (!state.canPlace(m, s)) continue;
        state.place(m, s);
        const a = meetingA[m]!;
        const b = meetingB[m]!;
        const oldCost = cost(a) + cost(b);
        measure(a);
        measure(b);
        const added = cost(a) + cost(b) - oldCost;
        state.unplace(m);
        measure(a);
        measure(b);
        if (added < chosenCost) {
          chosenCost = added;
          chosen = s;
        }
      }
      if (chosen < 0) continue;
      for (const q of [meetingA[m]!, meetingB[m]!]) {
        totalGaps -= gapsOf[q]!;
        totalBreaks -= breaksOf[q]!;
      }
      state.place(m, chosen);
      for (const q of [meetingA[m]!, meetingB[m]!]) {
        measure(q);
        totalGaps += gapsOf[q]!;
        totalBreaks += breaksOf[q]!;
      }
      unplaced.splice(k, 1);
      // More priority beats any idle time: this plan becomes the best one so far.
      markBest();
    }
  }
}
