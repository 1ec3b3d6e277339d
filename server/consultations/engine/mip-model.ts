import { couldMeetIn, type Problem } from './problem.ts';

export interface MipModel {
  /** The model in CPLEX LP format, as HiGHS reads it. */
  text: string;
  /** Column name of "meeting m in slot s", for reading a solution back. */
  placement: { meeting: number; slot: number; column: string }[];
  interpreterColumns: { meeting: number; slot: number; interpreter: number; column: string }[];
}

/** How many x(m,s) columns the model would have: checked before building one, which is only sensible when small. */
export function placementColumnCount(problem: Problem): number {
  let count = 0;
  for (let m = 0; m < problem.M; m++) for (let s = 0; s < problem.S; s++) if (couldMeetIn(problem, m, s)) count++;
  return count;
}

/**
 * The consultation day as a mixed-integer program, for a general solver on small instances:
 * x(m,s) = meeting m in slot s; y(m,i,s) = interpreter i serves it. Each meeting at most once; each participant,
 * table and interpreter at most once per slot; no slot holds more meetings than tables; pins fixed.
 * `objective: 'priority'` maximises placed priority (its LP relaxation is an upper bound);
 * `'gaps'` keeps at least `minimumPriority` and minimises idle slots between participants' first and last meetings.
 */
export function consultationMip(problem: Problem, objective: 'priority' | 'gaps', options: { minimumPriority?: number; relaxed?: boolean } = {}): MipModel {
  const { S, M, P, available, meetingA, meetingB, priority, interpreterAvailable } = problem;
  const placement: MipModel['placement'] = [];
  const interpreterColumns: MipModel['interpreterColumns'] = [];
  const rows: string[] = [];
  const binaries: string[] = [];
  const bounds: string[] = [];
  const x = new Map<string, string>();
  const bySlotParticipant = new Map<string, string[]>();
  const bySlotTable = new Map<string, string[]>();
  const bySlot = new Map<number, string[]>();
  const bySlotInterpreter = new Map<string, string[]>();
  const push = (map: Map<string, string[]> | Map<number, string[]>, key: never, column: string) => {
    const list = (map as Map<unknown, string[]>).get(key) ?? [];
    list.push(column);
    (map as Map<unknown, string[]>).set(key, list);
  };
  const pinnedSlot = new Map(problem.pinned.map((pin) => [pin.meeting, pin]));

  for (let m = 0; m < M; m++) {
    const eligible = problem.interpreters[m];
    const own: string[] = [];
    for (let s = 0; s < S; s++) {
      if (!couldMeetIn(problem, m, s)) continue;
      const usable = eligible ? [...eligible].filter((i) => interpreterAvailable[i * S + s]) : [];
      const column = `x_${m}_${s}`;
      x.set(`${m}:${s}`, column);
      own.push(column);
      placement.push({ meeting: m, slot: s, column });
      binaries.push(column);
      for (const p of [meetingA[m]!, meetingB[m]!]) push(bySlotParticipant, `${p}:${s}` as never, column);
      if (problem.fixedTable[m]! >= 0) push(bySlotTable, `${problem.fixedTable[m]}:${s}` as never, column);
      push(bySlot, s as never, column);
      if (eligible) {
        const served: string[] = [];
        for (const i of usable) {
          const y = `y_${m}_${i}_${s}`;
          served.push(y);
          binaries.push(y);
          interpreterColumns.push({ meeting: m, slot: s, interpreter: i, column: y });
          push(bySlotInterpreter, `${i}:${s}` as never, y);
        }
        rows.push(`${column} - ${served.join(' - ')} = 0`);
      }
      const pin = pinnedSlot.get(m);
      if (pin) bounds.push(pin.slot === s ? `${column} = 1` : `${column} = 0`);
    }
    if (own.length > 0) rows.push(`${own.join(' + ')} <= 1`);
  }
  for (const columns of bySlotParticipant.values()) if (columns.length > 1) rows.push(`${columns.join(' + ')} <= 1`);
  for (const columns of bySlotTable.values()) if (columns.length > 1) rows.push(`${columns.join(' + ')} <= 1`);
  for (const columns of bySlot.values()) if (columns.length > problem.T) rows.push(`${columns.join(' + ')} <= ${problem.T}`);
  for (const columns of bySlotInterpreter.values()) if (columns.length > 1) rows.push(`${columns.join(' + ')} <= 1`);
  for (const pin of problem.pinned) if (pin.interpreter >= 0) bounds.push(`y_${pin.meeting}_${pin.interpreter}_${pin.slot} = 1`);

  const priorityTerms = placement.map(({ meeting, column }) => `${priority[meeting]} ${column}`);
  let objectiveText: string;
  if (objective === 'priority') {
    objectiveText = `Maximize\n obj: ${priorityTerms.join(' + ') || '0 dummy'}`;
  } else {
    if (options.minimumPriority !== undefined && priorityTerms.length > 0) rows.push(`${priorityTerms.join(' + ')} >= ${options.minimumPriority}`);
    // started(p,s): p has met by slot s; continues(p,s): p still meets at s or later; idle where both hold and p is free.
    const idle: string[] = [];
    for (let p = 0; p < P; p++) {
      const busy = (s: number) => bySlotParticipant.get(`${p}:${s}`) ?? [];
      if (![...Array(S).keys()].some((s) => busy(s).length > 0)) continue;
      for (let s = 0; s < S; s++) {
        const started = `u_${p}_${s}`;
        const continues = `v_${p}_${s}`;
        if (busy(s).length > 0) rows.push(`${started} - ${busy(s).join(' - ')} >= 0`, `${continues} - ${busy(s).join(' - ')} >= 0`);
        if (s > 0) rows.push(`${started} - u_${p}_${s - 1} >= 0`);
        if (s < S - 1) rows.push(`${continues} - v_${p}_${s + 1} >= 0`);
        bounds.push(`0 <= ${started} <= 1`, `0 <= ${continues} <= 1`);
        if (!available[p * S + s]) continue;
        const gap = `g_${p}_${s}`;
        idle.push(gap);
        bounds.push(`0 <= ${gap} <= 1`);
        rows.push(`${gap} - ${started} - ${continues}${busy(s).map((c) => ` + ${c}`).join('')} >= -1`);
      }
    }
    objectiveText = `Minimize\n obj: ${idle.join(' + ') || '0 dummy'}`;
  }
  const text = [
    objectiveText,
    'Subject To',
    ...rows.map((row, k) => ` r${k}: ${row}`),
    'Bounds',
    // Relaxed columns first, so a pin's "= 1" below overrides its "0 <= x <= 1".
    ...(options.relaxed ? binaries.map((column) => ` 0 <= ${column} <= 1`) : []),
    ...bounds.map((bound) => ` ${bound}`),
    ...(options.relaxed ? [] : ['Binary', ...binaries.map((column) => ` ${column}`)]),
    'End',
  ].join('\n');
  return { text, placement, interpreterColumns };
}
