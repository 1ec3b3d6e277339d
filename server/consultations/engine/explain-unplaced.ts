import { couldMeetIn, type Problem } from './problem.ts';
import type { ScheduleState } from './schedule-state.ts';

/** A stretch of consecutive slots, from the first one's start to the last one's end. */
export interface SlotRange {
  start: string;
  end: string;
}
/** A participant as the instance names them; the role is the instance's word (`buyer`, `supplier`, or another). */
export interface ReasonParticipant {
  role: string;
  id: string;
}

/** Why a meeting has no place, as facts an organiser can act on; put in words by the caller, in the reader's language. */
export type UnplacedReason =
  | { code: 'two-home-tables'; buyer: ReasonParticipant; supplier: ReasonParticipant; tables: [string, string] }
  | { code: 'no-common-slot'; buyer: ReasonParticipant; supplier: ReasonParticipant; buyerAvailable: SlotRange[]; supplierAvailable: SlotRange[] }
  | { code: 'no-interpreter'; languages: [string[], string[]] }
  | { code: 'no-interpreter-on-duty'; languages: [string[], string[]]; common: SlotRange[] }
  | { code: 'both-booked'; common: SlotRange[]; booked: { participant: ReasonParticipant; slots: SlotRange[] }[] }
  | { code: 'tables-taken'; table: string | null; bothFree: SlotRange[] }
  | { code: 'interpreters-busy'; languages: [string[], string[]]; bothFree: SlotRange[] }
  | { code: 'place-free'; slots: SlotRange[] };

function slotRanges(problem: Problem, slots: number[]): SlotRange[] {
  const ranges: SlotRange[] = [];
  let start = slots[0]!;
  for (let k = 1; k <= slots.length; k++) {
    // A range ends at the last slot, at a slot not chosen, or at a pause in the day (lunch).
    const joined = k < slots.length && slots[k] === slots[k - 1]! + 1 && Date.parse(problem.slotEnds[slots[k - 1]!]!) === Date.parse(problem.slotStarts[slots[k]!]!);
    if (!joined) {
      ranges.push({ start: problem.slotStarts[start]!, end: problem.slotEnds[slots[k - 1]!]! });
      start = slots[k]!;
    }
  }
  return slots.length === 0 ? [] : ranges;
}

/** Why meeting m has no place in `state`. */
export function explainUnplaced(state: ScheduleState, m: number): UnplacedReason {
  const { problem } = state;
  const { S } = problem;
  const who = (p: number): ReasonParticipant => ({ role: problem.participantRoles[p]!, id: problem.participantIds[p]! });
  // The meeting's two sides, as its `buyer` and `supplier` fields give them.
  const [buyerIndex, supplierIndex] = [problem.meetingA[m]!, problem.meetingB[m]!];
  const [buyer, supplier] = [who(buyerIndex), who(supplierIndex)];
  const availableSlots = (p: number) => [...Array(S).keys()].filter((s) => problem.available[p * S + s]);
  const languages: [string[], string[]] = [problem.participantLanguages[buyerIndex]!, problem.participantLanguages[supplierIndex]!];
  if (problem.fixedTable[m] === -2) {
    return { code: 'two-home-tables', buyer, supplier, tables: [problem.tableIds[problem.homeTable[buyerIndex]!]!, problem.tableIds[problem.homeTable[supplierIndex]!]!] };
  }
  const common = [...Array(S).keys()].filter((s) => state.bothAvailable(m, s));
  if (common.length === 0) {
    return { code: 'no-common-slot', buyer, supplier, buyerAvailable: slotRanges(problem, availableSlots(buyerIndex)), supplierAvailable: slotRanges(problem, availableSlots(supplierIndex)) };
  }
  const eligible = problem.interpreters[m];
  if (eligible) {
    if (eligible.length === 0) return { code: 'no-interpreter', languages };
    if (!common.some((s) => couldMeetIn(problem, m, s))) return { code: 'no-interpreter-on-duty', languages, common: slotRanges(problem, common) };
  }
  const busy = (p: number) => common.filter((s) => state.participantAt[p * S + s] !== -1);
  const busyBuyer = busy(buyerIndex);
  const busySupplier = busy(supplierIndex);
  const bothFree = common.filter((s) => !busyBuyer.includes(s) && !busySupplier.includes(s));
  if (bothFree.length === 0) {
    const booked = [
      { participant: buyer, slots: slotRanges(problem, busyBuyer) },
      { participant: supplier, slots: slotRanges(problem, busySupplier) },
    ].filter((entry) => entry.slots.length > 0);
    return { code: 'both-booked', common: slotRanges(problem, common), booked };
  }
  // Not planned yet, or left when the search ran out of time: it fits as things stand.
  const fits = bothFree.filter((s) => state.canPlace(m, s));
  if (fits.length > 0) return { code: 'place-free', slots: slotRanges(problem, fits) };
  const noTable = bothFree.filter((s) => state.tableFor(m, s) < 0);
  if (noTable.length === bothFree.length) {
    const fixed = problem.fixedTable[m]!;
    return { code: 'tables-taken', table: fixed >= 0 ? problem.tableIds[fixed]! : null, bothFree: slotRanges(problem, bothFree) };
  }
  return { code: 'interpreters-busy', languages, bothFree: slotRanges(problem, bothFree) };
}
