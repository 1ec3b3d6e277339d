import { describe, expect, it } from 'vitest';
import type { TourAssignment } from '../../server/tours/engine/contract.ts';
import { runScript, scratchFolder } from '../support/command-line.ts';

const { write: file } = scratchFolder('schedule-tours-cli-');
const cli = (...args: string[]) => runScript('scripts/schedule-tours.ts', ...args);

const day = {
  format: 'tour-instance/1',
  tours: [
    { id: 'changwon', capacity: 2, languages: ['en', 'ko'] },
    { id: 'ulsan', capacity: 1, languages: ['zh'] },
  ],
  delegates: [
    { id: 'D001', languages: ['en'], preferences: ['changwon'] },
    { id: 'D002', languages: ['en', 'zh'], preferences: ['changwon', 'ulsan'] },
    { id: 'D003', languages: ['en'], preferences: ['changwon', 'ulsan'] },
    { id: 'D004', languages: ['es'], preferences: ['ulsan'] },
  ],
};

describe('npm run schedule:tours', () => {
  it('writes the optimal assignment to stdout, with a reason for everyone left out, and a one-line summary to stderr', async () => {
    const result = await cli(file('day.json', JSON.stringify(day)));
    expect(result.code).toBe(0);
    const assignment = JSON.parse(result.stdout) as TourAssignment;
    expect(assignment.format).toBe('tour-assignment/1');
    // Three can ride: D002 gives up Changwon for Ulsan so that D001 and D003 both get their first choice.
    expect(assignment.assignments).toEqual([
      { delegate: 'D001', tour: 'changwon', rank: 1 },
      { delegate: 'D002', tour: 'ulsan', rank: 2 },
      { delegate: 'D003', tour: 'changwon', rank: 1 },
    ]);
    expect(assignment.unassigned).toEqual([{ delegate: 'D004', reason: 'None of the chosen tours (ulsan) has a guide who speaks Spanish.' }]);
    expect(result.stderr).toMatch(/^placed 3\/4 · ranks 1:2 2:1 · rank sum 4 \(optimal\) · [\d.]+ s · peak memory \d+ MiB\n$/);
  });

  it.each([
    ['an unknown tour', JSON.stringify({ ...day, delegates: [{ id: 'D1', languages: ['en'], preferences: ['gumi'] }] }), 'delegates[0].preferences[0]: unknown tour "gumi"'],
    ['malformed JSON', '{"format": "tour-instance/1", ', 'not valid JSON'],
    ['another format', JSON.stringify({ ...day, format: 'consultation-instance/1' }), 'format: must be "tour-instance/1"'],
  ])('refuses %s with one line naming the place, exit 2 and nothing on stdout', async (_case, content, message) => {
    const result = await cli(file('bad.json', content));
    expect([result.code, result.stdout]).toEqual([2, '']);
    expect(result.stderr).toContain(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses a lottery that is not a whole number', async () => {
    const result = await cli(file('day.json', JSON.stringify(day)), '--lottery', 'soon');
    expect([result.code, result.stdout, result.stderr.trim()]).toEqual([2, '', '--lottery: expected a whole number, not "soon"']);
  });
});
