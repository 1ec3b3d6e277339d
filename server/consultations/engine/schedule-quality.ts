import type { ScheduleState } from './schedule-state.ts';

export interface ScheduleQuality {
  placed: number;
  total: number;
  priority: number;
  /** Idle slots between a participant's first and last meeting in which they are available, summed. */
  gaps: number;
  /** Runs of such idle slots, the measure of the B2B-scheduling literature. */
  breaks: number;
  /** Participants with requested meetings who got none. */
  withoutMeetings: number;
}

/** Gaps and breaks of one participant from the slots they meet in (time order) and their availability row. */
export function idleTime(meetingSlots: boolean[], available: ArrayLike<number>): { gaps: number; breaks: number } {
  const first = meetingSlots.indexOf(true);
  const last = meetingSlots.lastIndexOf(true);
  let gaps = 0;
  let breaks = 0;
  let idle = false;
  for (let s = first + 1; first >= 0 && s < last; s++) {
    const isIdle = !meetingSlots[s] && available[s] === 1;
    if (isIdle) gaps++;
    if (isIdle && !idle) breaks++;
    if (meetingSlots[s]) idle = false;
    else if (isIdle) idle = true;
  }
  return { gaps, breaks };
}

export function measureState(state: ScheduleState): ScheduleQuality {
  const { problem } = state;
  const { S, P } = problem;
  let gaps = 0;
  let breaks = 0;
  let withoutMeetings = 0;
  const requested = new Uint8Array(P);
  for (let m = 0; m < problem.M; m++) {
    requested[problem.meetingA[m]!] = 1;
    requested[problem.meetingB[m]!] = 1;
  }
  for (let p = 0; p < P; p++) {
    const row = [...Array(S).keys()].map((s) => state.participantAt[p * S + s] !== -1);
    const idle = idleTime(row, problem.available.subarray(p * S, (p + 1) * S));
    gaps += idle.gaps;
    breaks += idle.breaks;
    if (requested[p] && !row.includes(true)) withoutMeetings++;
  }
  return { placed: state.placedCount, total: problem.M, priority: state.placedPriority, gaps, breaks, withoutMeetings };
}

