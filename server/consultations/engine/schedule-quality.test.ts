import { describe, expect, it } from 'vitest';
import { idleTime } from './schedule-quality.ts';

const row = (text: string) => [...text].map((c) => c === 'M');
const all = (n: number) => Array(n).fill(1);

describe('idleTime', () => {
  it('counts idle available slots between the first and last meeting, and their runs', () => {
    expect(idleTime(row('M..M.M'), all(6))).toEqual({ gaps: 3, breaks: 2 });
    expect(idleTime(row('.MMM..'), all(6))).toEqual({ gaps: 0, breaks: 0 });
    expect(idleTime(row('......'), all(6))).toEqual({ gaps: 0, breaks: 0 });
  });
  it('does not count slots the participant cannot attend, nor let them split a break', () => {
    expect(idleTime(row('M..M'), [1, 0, 0, 1])).toEqual({ gaps: 0, breaks: 0 });
    expect(idleTime(row('M...M'), [1, 1, 0, 1, 1])).toEqual({ gaps: 2, breaks: 1 });
  });
});
