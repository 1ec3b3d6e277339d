import { couldMeetIn, type Problem } from './problem.ts';
import type { ScheduleState } from './schedule-state.ts';

const languageNames = new Intl.DisplayNames('en', { type: 'language' });
const languageList = (tags: string[]) => tags.map((tag) => languageNames.of(tag) ?? tag).join('/');
/** `14:00`, as printed in the slot's own offset (the event's time zone). */
const clock = (iso: string) => iso.slice(11, 16);

function slotRanges(problem: Problem, slots: number[]): string {
  if (slots.length === 0) return 'in no slot';
  const ranges: string[] = [];
  let start = slots[0]!;
  for (let k = 1; k <= slots.length; k++) {
    if (k === slots.length || slots[k] !== slots[k - 1]! + 1) {
      ranges.push(`${clock(problem.slotStarts[start]!)}–${clock(problem.slotEnds[slots[k - 1]!]!)}`);
      start = slots[k]!;
    }
  }
  return ranges.join(', ');
}

/** Why meeting m has no place, in words an organiser can act on. */
export function explainUnplaced(state: ScheduleState, m: number): string {
  const { problem } = state;
  const { S } = problem;
  const a = problem.meetingA[m]!;
  const b = problem.meetingB[m]!;
  const name = (p: number) => `${problem.participantRoles[p]} ${problem.participantIds[p]}`;
  const availableSlots = (p: number) => [...Array(S).keys()].filter((s) => problem.available[p * S + s]);
  if (problem.fixedTable[m] === -2) {
    return `${name(a)} and ${name(b)} both keep a home table (${problem.tableIds[problem.homeTable[a]!]}, ${problem.tableIds[problem.homeTable[b]!]}), so they cannot meet at one`;
  }
  const common = [...Array(S).keys()].filter((s) => state.bothAvailable(m, s));
  if (common.length === 0) {
    return `${name(a)} is available ${slotRanges(problem, availableSlots(a))} and ${name(b)} ${slotRanges(problem, availableSlots(b))}: no common slot`;
  }
  const eligible = problem.interpreters[m];
  if (eligible) {
    const pair = `${languageList(problem.participantLanguages[a]!)}–${languageList(problem.participantLanguages[b]!)}`;
    if (eligible.length === 0) return `no interpreter speaks ${pair}`;
    if (!common.some((s) => couldMeetIn(problem, m, s))) return `no ${pair} interpreter is on duty in any slot both can attend (${slotRanges(problem, common)})`;
  }
  const busyA = common.filter((s) => state.participantAt[a * S + s] !== -1);
  const busyB = common.filter((s) => state.participantAt[b * S + s] !== -1);
  const bothFree = common.filter((s) => !busyA.includes(s) && !busyB.includes(s));
  if (bothFree.length === 0) {
    const parts = [];
    if (busyA.length > 0) parts.push(`${name(a)} is booked ${slotRanges(problem, busyA)}`);
    if (busyB.length > 0) parts.push(`${name(b)} is booked ${slotRanges(problem, busyB)}`);
    return `both can attend only ${slotRanges(problem, common)}, and ${parts.join(' and ')}`;
  }
  const noTable = bothFree.filter((s) => state.tableFor(m, s) < 0);
  if (noTable.length === bothFree.length) {
    const fixed = problem.fixedTable[m]!;
    return fixed >= 0
      ? `table ${problem.tableIds[fixed]} is taken whenever both are free (${slotRanges(problem, bothFree)})`
      : `every table is taken whenever both are free (${slotRanges(problem, bothFree)})`;
  }
  return `every interpreter for ${languageList(problem.participantLanguages[a]!)}–${languageList(problem.participantLanguages[b]!)} is busy whenever both are free (${slotRanges(problem, bothFree)})`;
}
