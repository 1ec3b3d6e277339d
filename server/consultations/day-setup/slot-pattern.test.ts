import { describe, expect, it } from 'vitest';
import { slotsOfPattern } from './slot-pattern.ts';

describe('slots of a consultation day', () => {
  it('runs slots back to back, skips lunch and stops before the end', () => {
    const slots = slotsOfPattern({ start: '10:00', end: '17:10', minutes: 30, breaks: [{ start: '12:00', end: '13:30' }] });
    expect(Array.isArray(slots) && slots.map((slot) => slot.start)).toEqual(['10:00', '10:30', '11:00', '11:30', '13:30', '14:00', '14:30', '15:00', '15:30', '16:00', '16:30']);
    expect(Array.isArray(slots) && slots.at(-1)).toEqual({ start: '16:30', end: '17:00' });
  });

  it('starts a slot that would overlap a break when the break ends', () => {
    const slots = slotsOfPattern({ start: '09:00', end: '12:00', minutes: 40, breaks: [{ start: '10:30', end: '10:45' }] });
    expect(Array.isArray(slots) && slots.map((slot) => `${slot.start}-${slot.end}`)).toEqual(['09:00-09:40', '09:40-10:20', '10:45-11:25']);
  });

  it('names what makes a pattern impossible', () => {
    expect(slotsOfPattern({ start: '17:00', end: '10:00', minutes: 30, breaks: [] })).toEqual({ field: 'end', messageKey: 'endBeforeStart' });
    expect(slotsOfPattern({ start: '10:00', end: '12:00', minutes: 30, breaks: [{ start: '13:00', end: '14:00' }] })).toEqual({ field: 'breaks[0]', messageKey: 'breakOutsideDay' });
    expect(slotsOfPattern({ start: '10:00', end: '12:00', minutes: 30, breaks: [{ start: '11:00', end: '10:30' }] })).toEqual({ field: 'breaks[0].end', messageKey: 'endBeforeStart' });
    expect(slotsOfPattern({ start: '10:00', end: '10:20', minutes: 30, breaks: [] })).toEqual({ field: 'minutes', messageKey: 'noSlotFits' });
  });
});
