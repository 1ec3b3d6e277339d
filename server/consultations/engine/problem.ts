/**
 * An instance compiled to dense indices: participants, slots (in time order), tables, interpreters and
 * meetings are numbers, and every "may this happen in slot s" is an array look-up.
 */
export interface Problem {
  slotIds: string[];
  slotStarts: string[];
  slotEnds: string[];
  tableIds: string[];
  participantIds: string[];
  participantRoles: string[];
  participantLanguages: string[][];
  interpreterIds: string[];
  interpreterLanguages: string[][];
  meetingIds: string[];
  /** Counts: slots, tables, participants, interpreters, meetings. */
  S: number;
  T: number;
  P: number;
  I: number;
  M: number;
  /** `available[p * S + s]` is 1 when participant p can attend slot s. */
  available: Uint8Array;
  /** Home table of each participant, or -1. */
  homeTable: Int32Array;
  /** 1 for tables that are somebody's home table. */
  isHomeTable: Uint8Array;
  interpreterAvailable: Uint8Array;
  meetingA: Int32Array;
  meetingB: Int32Array;
  priority: Float64Array;
  /** The table a meeting must use (a participant's home table), -1 for any free table, -2 when its two participants keep different home tables. */
  fixedTable: Int32Array;
  /** Interpreters who can serve each meeting: null when none is needed. */
  interpreters: (Int32Array | null)[];
  pinned: { meeting: number; slot: number; table: number; interpreter: number }[];
}

/**
 * Whether meeting m could ever take place in slot s, whatever else is booked: both sides can attend, they do not
 * keep two different home tables, and when they need an interpreter one who bridges them is on duty.
 */
export function couldMeetIn(problem: Problem, m: number, s: number): boolean {
  const { S, available, interpreterAvailable } = problem;
  if (problem.fixedTable[m] === -2) return false;
  if (!available[problem.meetingA[m]! * S + s] || !available[problem.meetingB[m]! * S + s]) return false;
  const eligible = problem.interpreters[m];
  return !eligible || eligible.some((i) => interpreterAvailable[i * S + s] === 1);
}
