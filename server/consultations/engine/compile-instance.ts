import { ajv, indexIds, InstanceError, shapeError } from '../../scheduling/instance-checks.ts';
import { ConsultationInstance } from './contract.ts';
import type { Problem } from './problem.ts';

const checkShape = ajv.compile(ConsultationInstance);

function availability(ids: string[] | undefined, slotIndex: Map<string, number>, order: Int32Array, S: number, path: string): Uint8Array {
  const row = new Uint8Array(S);
  if (ids === undefined) return row.fill(1);
  ids.forEach((id, k) => {
    const index = slotIndex.get(id);
    if (index === undefined) throw new InstanceError(`${path}.available[${k}]`, `unknown slot "${id}"`);
    row[order[index]!] = 1;
  });
  if (ids.length === 0) throw new InstanceError(`${path}.available`, 'is available in no slot');
  return row;
}

/** Checks an instance against the contract and the rules between its parts, and compiles it for the engine. */
export function compileInstance(input: unknown): Problem {
  if (!checkShape(input)) throw shapeError(checkShape.errors![0]!);
  const instance = input as ConsultationInstance;
  if (instance.slots.length === 0) throw new InstanceError('slots', 'needs at least one slot');
  if (instance.tables.length === 0) throw new InstanceError('tables', 'needs at least one table');

  const slotIndex = indexIds(instance.slots, 'slots');
  instance.slots.forEach((slot, k) => {
    if (!(Date.parse(slot.end) > Date.parse(slot.start))) throw new InstanceError(`slots[${k}].end`, 'must be after its start');
  });
  // Slots in time order: gaps and breaks are about what comes next in the day.
  const byTime = instance.slots.map((_, k) => k).sort((x, y) => Date.parse(instance.slots[x]!.start) - Date.parse(instance.slots[y]!.start));
  const order = new Int32Array(byTime.length);
  byTime.forEach((original, position) => (order[original] = position));
  for (let position = 1; position < byTime.length; position++) {
    const previous = instance.slots[byTime[position - 1]!]!;
    const current = instance.slots[byTime[position]!]!;
    if (Date.parse(current.start) < Date.parse(previous.end)) throw new InstanceError(`slots[${byTime[position]}].start`, `overlaps slot "${previous.id}"`);
  }
  const S = byTime.length;

  const tableIndex = indexIds(instance.tables, 'tables');
  const participantIndex = indexIds(instance.participants, 'participants');
  const interpreters = instance.interpreters ?? [];
  const interpreterIndex = indexIds(interpreters, 'interpreters');
  const meetingIndex = indexIds(instance.meetings, 'meetings');
  const P = instance.participants.length;
  const T = instance.tables.length;
  const I = interpreters.length;
  const M = instance.meetings.length;

  const available = new Uint8Array(P * S);
  const homeTable = new Int32Array(P).fill(-1);
  const isHomeTable = new Uint8Array(T);
  const spoken = new Set<string>();
  instance.participants.forEach((participant, p) => {
    available.set(availability(participant.available, slotIndex, order, S, `participants[${p}]`), p * S);
    if (participant.table !== undefined) {
      const table = tableIndex.get(participant.table);
      if (table === undefined) throw new InstanceError(`participants[${p}].table`, `unknown table "${participant.table}"`);
      homeTable[p] = table;
      isHomeTable[table] = 1;
    }
    participant.languages?.forEach((tag) => spoken.add(tag));
  });

  const interpreterAvailable = new Uint8Array(I * S);
  interpreters.forEach((interpreter, i) => {
    interpreterAvailable.set(availability(interpreter.available, slotIndex, order, S, `interpreters[${i}]`), i * S);
    interpreter.languages.forEach((tag, k) => {
      if (!spoken.has(tag)) throw new InstanceError(`interpreters[${i}].languages[${k}]`, `no participant speaks "${tag}"`);
    });
  });

  // Many meetings share a language pair: the interpreters who bridge it are found once per pair.
  const bridging = new Map<string, Int32Array>();
  const interpretersBridging = (languagesA: string[], languagesB: string[]) => {
    const key = `${[...languagesA].sort().join(',')}|${[...languagesB].sort().join(',')}`;
    let found = bridging.get(key);
    if (!found) {
      found = Int32Array.from(
        interpreters.flatMap((interpreter, i) =>
          interpreter.languages.some((tag) => languagesA.includes(tag)) && interpreter.languages.some((tag) => languagesB.includes(tag)) ? [i] : [],
        ),
      );
      bridging.set(key, found);
    }
    return found;
  };
  const meetingA = new Int32Array(M);
  const meetingB = new Int32Array(M);
  const priority = new Float64Array(M);
  const fixedTable = new Int32Array(M);
  const meetingInterpreters: (Int32Array | null)[] = [];
  const pairs = new Map<string, number>();
  instance.meetings.forEach((meeting, m) => {
    const a = participantIndex.get(meeting.buyer);
    if (a === undefined) throw new InstanceError(`meetings[${m}].buyer`, `unknown participant "${meeting.buyer}"`);
    const b = participantIndex.get(meeting.supplier);
    if (b === undefined) throw new InstanceError(`meetings[${m}].supplier`, `unknown participant "${meeting.supplier}"`);
    if (a === b) throw new InstanceError(`meetings[${m}].supplier`, `is the same participant as the buyer ("${meeting.buyer}")`);
    const pair = a < b ? `${a}:${b}` : `${b}:${a}`;
    if (pairs.has(pair)) throw new InstanceError(`meetings[${m}]`, `the pair ${meeting.buyer}–${meeting.supplier} is already meetings[${pairs.get(pair)}]`);
    pairs.set(pair, m);
    meetingA[m] = a;
    meetingB[m] = b;
    priority[m] = meeting.priority ?? 1;
    const homeA = homeTable[a]!;
    const homeB = homeTable[b]!;
    fixedTable[m] = homeA >= 0 && homeB >= 0 && homeA !== homeB ? -2 : Math.max(homeA, homeB);
    const languagesA = instance.participants[a]!.languages ?? [];
    const languagesB = instance.participants[b]!.languages ?? [];
    const needsInterpreter = languagesA.length > 0 && languagesB.length > 0 && !languagesA.some((tag) => languagesB.includes(tag));
    meetingInterpreters.push(needsInterpreter ? interpretersBridging(languagesA, languagesB) : null);
  });

  const problem: Problem = {
    slotIds: byTime.map((k) => instance.slots[k]!.id),
    slotStarts: byTime.map((k) => instance.slots[k]!.start),
    slotEnds: byTime.map((k) => instance.slots[k]!.end),
    tableIds: instance.tables.map((table) => table.id),
    participantIds: instance.participants.map((participant) => participant.id),
    participantRoles: instance.participants.map((participant) => participant.role),
    participantLanguages: instance.participants.map((participant) => participant.languages ?? []),
    interpreterIds: interpreters.map((interpreter) => interpreter.id),
    interpreterLanguages: interpreters.map((interpreter) => interpreter.languages),
    meetingIds: instance.meetings.map((meeting) => meeting.id),
    S, T, P, I, M,
    available,
    homeTable,
    isHomeTable,
    interpreterAvailable,
    meetingA,
    meetingB,
    priority,
    fixedTable,
    interpreters: meetingInterpreters,
    pinned: [],
  };
  problem.pinned = compilePins(instance, problem, { slotIndex, order, tableIndex, interpreterIndex, meetingIndex });
  return problem;
}

function compilePins(
  instance: ConsultationInstance,
  problem: Problem,
  index: { slotIndex: Map<string, number>; order: Int32Array; tableIndex: Map<string, number>; interpreterIndex: Map<string, number>; meetingIndex: Map<string, number> },
) {
  const { S, T, I } = problem;
  const participantUse = new Int32Array(problem.P * S).fill(-1);
  const tableUse = new Int32Array(T * S).fill(-1);
  const interpreterUse = new Int32Array(I * S).fill(-1);
  const pinnedMeeting = new Map<number, number>();
  return (instance.pinned ?? []).map((pin, k) => {
    const at = `pinned[${k}]`;
    const m = index.meetingIndex.get(pin.meeting);
    if (m === undefined) throw new InstanceError(`${at}.meeting`, `unknown meeting "${pin.meeting}"`);
    if (pinnedMeeting.has(m)) throw new InstanceError(`${at}.meeting`, `"${pin.meeting}" is already pinned by pinned[${pinnedMeeting.get(m)}]`);
    pinnedMeeting.set(m, k);
    const slotPosition = index.slotIndex.get(pin.slot);
    if (slotPosition === undefined) throw new InstanceError(`${at}.slot`, `unknown slot "${pin.slot}"`);
    const s = index.order[slotPosition]!;
    const table = index.tableIndex.get(pin.table);
    if (table === undefined) throw new InstanceError(`${at}.table`, `unknown table "${pin.table}"`);
    const a = problem.meetingA[m]!;
    const b = problem.meetingB[m]!;
    for (const p of [a, b]) {
      const id = problem.participantIds[p];
      if (!problem.available[p * S + s]) throw new InstanceError(`${at}.slot`, `participant "${id}" is not available in slot "${pin.slot}"`);
      const other = participantUse[p * S + s]!;
      if (other >= 0) throw new InstanceError(`${at}.slot`, `participant "${id}" already meets in "${pin.slot}" (pinned[${other}])`);
      participantUse[p * S + s] = k;
    }
    const fixed = problem.fixedTable[m]!;
    if (fixed === -2) throw new InstanceError(`${at}.table`, `"${problem.participantIds[a]}" and "${problem.participantIds[b]}" keep different home tables`);
    if (fixed >= 0 && fixed !== table) throw new InstanceError(`${at}.table`, `must be the home table "${problem.tableIds[fixed]}"`);
    if (tableUse[table * S + s]! >= 0) throw new InstanceError(`${at}.table`, `table "${pin.table}" is already used in "${pin.slot}" (pinned[${tableUse[table * S + s]}])`);
    tableUse[table * S + s] = k;
    const eligible = problem.interpreters[m] ?? null;
    let interpreter = -1;
    if (eligible === null) {
      if (pin.interpreter !== undefined) throw new InstanceError(`${at}.interpreter`, 'the meeting needs no interpreter');
    } else {
      if (pin.interpreter === undefined) throw new InstanceError(`${at}.interpreter`, 'the meeting needs an interpreter');
      interpreter = index.interpreterIndex.get(pin.interpreter) ?? -1;
      if (interpreter < 0) throw new InstanceError(`${at}.interpreter`, `unknown interpreter "${pin.interpreter}"`);
      if (!eligible.includes(interpreter)) throw new InstanceError(`${at}.interpreter`, `"${pin.interpreter}" does not speak a language of each side`);
      if (!problem.interpreterAvailable[interpreter * S + s]) throw new InstanceError(`${at}.interpreter`, `"${pin.interpreter}" is not available in "${pin.slot}"`);
      if (interpreterUse[interpreter * S + s]! >= 0) throw new InstanceError(`${at}.interpreter`, `"${pin.interpreter}" already serves pinned[${interpreterUse[interpreter * S + s]}] in "${pin.slot}"`);
      interpreterUse[interpreter * S + s] = k;
    }
    return { meeting: m, slot: s, table, interpreter };
  });
}
