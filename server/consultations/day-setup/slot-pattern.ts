/** A time of day as `HH:MM`, on the edition's clock. */
export type ClockTime = string;

export interface SlotPattern {
  start: ClockTime;
  end: ClockTime;
  /** Length of one meeting slot. */
  minutes: number;
  /** Times without meetings, such as lunch. */
  breaks: { start: ClockTime; end: ClockTime }[];
}

export interface PatternProblem {
  field: string;
  messageKey: 'endBeforeStart' | 'breakOutsideDay' | 'noSlotFits';
}

const toMinutes = (time: ClockTime) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const toClock = (minutes: number): ClockTime => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * The day's slots, back to back from `start`: a slot that would overlap a break starts when the break ends, and no
 * slot runs past `end`. Answers the first problem instead when the pattern cannot give a day.
 */
export function slotsOfPattern(pattern: SlotPattern): { start: ClockTime; end: ClockTime }[] | PatternProblem {
  const dayStart = toMinutes(pattern.start);
  const dayEnd = toMinutes(pattern.end);
  if (dayEnd <= dayStart) return { field: 'end', messageKey: 'endBeforeStart' };
  const breaks = pattern.breaks.map((gap) => ({ start: toMinutes(gap.start), end: toMinutes(gap.end) }));
  for (const [index, gap] of breaks.entries()) {
    if (gap.end <= gap.start) return { field: `breaks[${index}].end`, messageKey: 'endBeforeStart' };
    if (gap.start < dayStart || gap.end > dayEnd) return { field: `breaks[${index}]`, messageKey: 'breakOutsideDay' };
  }
  const slots: { start: ClockTime; end: ClockTime }[] = [];
  let at = dayStart;
  while (at + pattern.minutes <= dayEnd) {
    const clash = breaks.find((gap) => at < gap.end && at + pattern.minutes > gap.start);
    if (clash) {
      at = clash.end;
      continue;
    }
    slots.push({ start: toClock(at), end: toClock(at + pattern.minutes) });
    at += pattern.minutes;
  }
  return slots.length ? slots : { field: 'minutes', messageKey: 'noSlotFits' };
}
