import type { Problem } from './problem.ts';

/**
 * Who is where in each slot, with O(1) checks and moves: the working state of the engine.
 * Free tables are kept per slot in two pools (other tables first, then home tables), so a meeting with no
 * home table leaves the home tables to their owners when it can.
 */
export class ScheduleState {
  readonly slotOf: Int32Array;
  readonly tableOf: Int32Array;
  readonly interpreterOf: Int32Array;
  readonly participantAt: Int32Array;
  readonly tableAt: Int32Array;
  readonly interpreterAt: Int32Array;
  placedPriority = 0;
  placedCount = 0;
  private readonly freeTables: Int32Array[][];
  private readonly freeCount: Int32Array[];
  private readonly freePosition: Int32Array;
  private readonly poolSize = [0, 0];
  /** Meetings with the same interpreter needs share a group; free interpreters are counted per group and slot. */
  private readonly interpreterGroupOf: Int32Array;
  private readonly groupsOfInterpreter: number[][];
  private readonly freeInterpreters: Int32Array;

  constructor(readonly problem: Problem) {
    const { S, T, P, I, M } = problem;
    this.slotOf = new Int32Array(M).fill(-1);
    this.tableOf = new Int32Array(M).fill(-1);
    this.interpreterOf = new Int32Array(M).fill(-1);
    this.participantAt = new Int32Array(P * S).fill(-1);
    this.tableAt = new Int32Array(T * S).fill(-1);
    this.interpreterAt = new Int32Array(I * S).fill(-1);
    this.freeTables = [[], []];
    this.freeCount = [new Int32Array(S), new Int32Array(S)];
    this.freePosition = new Int32Array(T * S);
    for (const pool of [0, 1]) {
      const tables = [...Array(T).keys()].filter((t) => problem.isHomeTable[t] === pool);
      for (let s = 0; s < S; s++) {
        const list = new Int32Array(T);
        tables.forEach((t, k) => {
          list[k] = t;
          this.freePosition[t * S + s] = k;
        });
        this.freeTables[pool]!.push(list);
        this.freeCount[pool]![s] = tables.length;
      }
      this.poolSize[pool] = tables.length;
    }
    // Meetings of one language pair share the very same array of eligible interpreters: that array is the group.
    const groups = new Map<Int32Array, number>();
    this.interpreterGroupOf = new Int32Array(M).fill(-1);
    this.groupsOfInterpreter = Array.from({ length: I }, () => []);
    problem.interpreters.forEach((eligible, m) => {
      if (!eligible) return;
      let group = groups.get(eligible);
      if (group === undefined) {
        group = groups.size;
        groups.set(eligible, group);
        for (const i of eligible) this.groupsOfInterpreter[i]!.push(group);
      }
      this.interpreterGroupOf[m] = group;
    });
    this.freeInterpreters = new Int32Array(groups.size * S);
    for (const [eligible, group] of groups) {
      for (const i of eligible) for (let s = 0; s < S; s++) this.freeInterpreters[group * S + s]! += problem.interpreterAvailable[i * S + s]!;
    }
  }

  private countInterpreter(i: number, s: number, change: number) {
    const { S } = this.problem;
    for (const group of this.groupsOfInterpreter[i]!) this.freeInterpreters[group * S + s]! += change;
  }

  /**
   * The meeting to displace from slot s when every table there is taken: one at a random table it is not tied to
   * (-1 when every table holds its owner's meeting).
   */
  movableTableOccupant(s: number, random: () => number): number {
    const { S } = this.problem;
    for (const pool of [0, 1]) {
      const taken = this.poolSize[pool]! - this.freeCount[pool]![s]!;
      const list = this.freeTables[pool]![s]!;
      const start = Math.floor(random() * taken);
      for (let k = 0; k < taken; k++) {
        const occupant = this.tableAt[list[this.freeCount[pool]![s]! + ((start + k) % taken)]! * S + s]!;
        if (this.problem.fixedTable[occupant] === -1) return occupant;
      }
    }
    return -1;
  }

  /** Puts table t at position `index` of its pool's list for slot s, swapping with the table there. */
  private moveInFreeList(t: number, s: number, index: number) {
    const { S } = this.problem;
    const list = this.freeTables[this.problem.isHomeTable[t]!]![s]!;
    const position = this.freePosition[t * S + s]!;
    const displaced = list[index]!;
    list[position] = displaced;
    this.freePosition[displaced * S + s] = position;
    list[index] = t;
    this.freePosition[t * S + s] = index;
  }

  /** Free tables are the first `freeCount` of the list: taking one moves it just past them, releasing just into them. */
  private takeTable(t: number, s: number) {
    const counts = this.freeCount[this.problem.isHomeTable[t]!]!;
    this.moveInFreeList(t, s, --counts[s]!);
  }

  private releaseTable(t: number, s: number) {
    const counts = this.freeCount[this.problem.isHomeTable[t]!]!;
    this.moveInFreeList(t, s, counts[s]!++);
  }

  /** The table meeting m would use in slot s, or -1 when none is free. */
  tableFor(m: number, s: number): number {
    const fixed = this.problem.fixedTable[m]!;
    if (fixed >= 0) return this.tableAt[fixed * this.problem.S + s] === -1 ? fixed : -1;
    if (fixed === -2) return -1;
    for (const pool of [0, 1]) {
      if (this.freeCount[pool]![s]! > 0) return this.freeTables[pool]![s]![0]!;
    }
    return -1;
  }

  /** An interpreter free for meeting m in slot s (-1 when none is needed, -2 when none is free). */
  interpreterFor(m: number, s: number): number {
    const eligible = this.problem.interpreters[m];
    if (!eligible) return -1;
    const { S } = this.problem;
    if (this.freeInterpreters[this.interpreterGroupOf[m]! * S + s] === 0) return -2;
    for (const i of eligible) if (this.problem.interpreterAvailable[i * S + s] && this.interpreterAt[i * S + s] === -1) return i;
    return -2;
  }

  /** Whether both participants can attend slot s at all. */
  bothAvailable(m: number, s: number): boolean {
    const { S, available } = this.problem;
    return available[this.problem.meetingA[m]! * S + s] === 1 && available[this.problem.meetingB[m]! * S + s] === 1;
  }

  canPlace(m: number, s: number): boolean {
    const { S } = this.problem;
    return (
      this.bothAvailable(m, s) &&
      this.participantAt[this.problem.meetingA[m]! * S + s] === -1 &&
      this.participantAt[this.problem.meetingB[m]! * S + s] === -1 &&
      this.tableFor(m, s) >= 0 &&
      this.interpreterFor(m, s) !== -2
    );
  }

  /** Places m in s with the given (or a free) table and interpreter; the caller has checked that it fits. */
  place(m: number, s: number, table = this.tableFor(m, s), interpreter = this.interpreterFor(m, s)): void {
    const { S } = this.problem;
    this.slotOf[m] = s;
    this.tableOf[m] = table;
    this.interpreterOf[m] = interpreter;
    this.participantAt[this.problem.meetingA[m]! * S + s] = m;
    this.participantAt[this.problem.meetingB[m]! * S + s] = m;
    this.tableAt[table * S + s] = m;
    this.takeTable(table, s);
    if (interpreter >= 0) {
      this.interpreterAt[interpreter * S + s] = m;
      this.countInterpreter(interpreter, s, -1);
    }
    this.placedPriority += this.problem.priority[m]!;
    this.placedCount++;
  }

  unplace(m: number): void {
    const { S } = this.problem;
    const s = this.slotOf[m]!;
    this.participantAt[this.problem.meetingA[m]! * S + s] = -1;
    this.participantAt[this.problem.meetingB[m]! * S + s] = -1;
    this.tableAt[this.tableOf[m]! * S + s] = -1;
    this.releaseTable(this.tableOf[m]!, s);
    if (this.interpreterOf[m]! >= 0) {
      this.interpreterAt[this.interpreterOf[m]! * S + s] = -1;
      this.countInterpreter(this.interpreterOf[m]!, s, 1);
    }
    this.slotOf[m] = -1;
    this.tableOf[m] = -1;
    this.interpreterOf[m] = -1;
    this.placedPriority -= this.problem.priority[m]!;
    this.placedCount--;
  }

  snapshot() {
    return { slotOf: this.slotOf.slice(), tableOf: this.tableOf.slice(), interpreterOf: this.interpreterOf.slice() };
  }

  restore(snapshot: ReturnType<ScheduleState['snapshot']>): void {
    for (let m = 0; m < this.problem.M; m++) if (this.slotOf[m]! >= 0) this.unplace(m);
    for (let m = 0; m < this.problem.M; m++) {
      if (snapshot.slotOf[m]! >= 0) this.place(m, snapshot.slotOf[m]!, snapshot.tableOf[m]!, snapshot.interpreterOf[m]!);
    }
  }
}
