import type { ConsultationInstance, ConsultationSchedule } from './contract.ts';
import { idleTime } from './schedule-quality.ts';

/**
 * Checks a schedule against its instance with nothing of the engine but the contract: every meeting once
 * (placed, or unplaced with a reason), nobody and nothing used twice in a slot, every slot attendable by both
 * sides and the interpreter, home tables kept, an interpreter exactly when needed and able to bridge, pins kept.
 * Returns the violations (empty for a valid schedule) and the schedule's figures.
 */
export function checkSchedule(instance: ConsultationInstance, schedule: ConsultationSchedule) {
  const violations: string[] = [];
  const slotOrder = [...instance.slots].sort((x, y) => Date.parse(x.start) - Date.parse(y.start)).map((slot) => slot.id);
  const participants = new Map(instance.participants.map((p) => [p.id, p]));
  const interpreters = new Map((instance.interpreters ?? []).map((i) => [i.id, i]));
  const meetings = new Map(instance.meetings.map((m) => [m.id, m]));
  const tables = new Set(instance.tables.map((t) => t.id));
  const canAttend = (available: string[] | undefined, slot: string) => available === undefined || available.includes(slot);

  const seen = new Map<string, number>();
  for (const entry of [...schedule.assignments, ...schedule.unscheduled]) seen.set(entry.meeting, (seen.get(entry.meeting) ?? 0) + 1);
  for (const meeting of instance.meetings) if (seen.get(meeting.id) !== 1) violations.push(`meeting ${meeting.id} appears ${seen.get(meeting.id) ?? 0} times`);
  for (const id of seen.keys()) if (!meetings.has(id)) violations.push(`unknown meeting ${id} in the schedule`);
  for (const entry of schedule.unscheduled) if (!entry.reason.trim()) violations.push(`meeting ${entry.meeting} is unscheduled without a reason`);

  const used = new Set<string>();
  const use = (what: string, slot: string, meeting: string) => {
    const key = `${what}@${slot}`;
    if (used.has(key)) violations.push(`${what} is used twice in slot ${slot} (again by ${meeting})`);
    used.add(key);
  };
  const meetingSlots = new Map<string, Set<string>>();
  let priority = 0;
  for (const assignment of schedule.assignments) {
    const meeting = meetings.get(assignment.meeting);
    if (!meeting) continue;
    if (!slotOrder.includes(assignment.slot)) violations.push(`${assignment.meeting}: unknown slot ${assignment.slot}`);
    if (!tables.has(assignment.table)) violations.push(`${assignment.meeting}: unknown table ${assignment.table}`);
    priority += meeting.priority ?? 1;
    const sides = [participants.get(meeting.buyer)!, participants.get(meeting.supplier)!];
    for (const side of sides) {
      if (!canAttend(side.available, assignment.slot)) violations.push(`${assignment.meeting}: ${side.id} cannot attend ${assignment.slot}`);
      if (side.table !== undefined && side.table !== assignment.table) violations.push(`${assignment.meeting}: ${side.id} keeps table ${side.table}, not ${assignment.table}`);
      use(`participant ${side.id}`, assignment.slot, assignment.meeting);
      if (!meetingSlots.has(side.id)) meetingSlots.set(side.id, new Set());
      meetingSlots.get(side.id)!.add(assignment.slot);
    }
    use(`table ${assignment.table}`, assignment.slot, assignment.meeting);
    const [languagesA, languagesB] = sides.map((side) => side.languages ?? []) as [string[], string[]];
    const needsInterpreter = languagesA.length > 0 && languagesB.length > 0 && !languagesA.some((tag) => languagesB.includes(tag));
    if (needsInterpreter && assignment.interpreter === undefined) violations.push(`${assignment.meeting}: needs an interpreter`);
    if (!needsInterpreter && assignment.interpreter !== undefined) violations.push(`${assignment.meeting}: has an interpreter it does not need`);
    if (assignment.interpreter !== undefined) {
      const interpreter = interpreters.get(assignment.interpreter);
      if (!interpreter) violations.push(`${assignment.meeting}: unknown interpreter ${assignment.interpreter}`);
      else {
        if (!interpreter.languages.some((tag) => languagesA.includes(tag)) || !interpreter.languages.some((tag) => languagesB.includes(tag))) {
          violations.push(`${assignment.meeting}: interpreter ${interpreter.id} cannot bridge the two sides`);
        }
        if (!canAttend(interpreter.available, assignment.slot)) violations.push(`${assignment.meeting}: interpreter ${interpreter.id} is off in ${assignment.slot}`);
        use(`interpreter ${interpreter.id}`, assignment.slot, assignment.meeting);
      }
    }
  }
  for (const pin of instance.pinned ?? []) {
    const placed = schedule.assignments.find((a) => a.meeting === pin.meeting);
    if (!placed || placed.slot !== pin.slot || placed.table !== pin.table || placed.interpreter !== pin.interpreter) violations.push(`pinned ${pin.meeting} was moved`);
  }

  let gaps = 0;
  let breaks = 0;
  for (const participant of instance.participants) {
    const slots = meetingSlots.get(participant.id) ?? new Set();
    const idle = idleTime(
      slotOrder.map((slot) => slots.has(slot)),
      slotOrder.map((slot) => (canAttend(participant.available, slot) ? 1 : 0)),
    );
    gaps += idle.gaps;
    breaks += idle.breaks;
  }
  return { violations, placed: schedule.assignments.length, priority, gaps, breaks };
}
