import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSchedule } from '../../server/consultations/engine/check-schedule.ts';
import { generateInstance } from '../../server/consultations/engine/generate-instance.ts';
import { runScript, scratchFolder } from '../support/command-line.ts';

const { folder, write: file } = scratchFolder('schedule-cli-');
const cli = (...args: string[]) => runScript('scripts/schedule-consultations.ts', ...args);

describe('npm run schedule:consultations', () => {
  it('writes a valid schedule to stdout and a one-line summary to stderr', async () => {
    const { instance } = generateInstance({ buyers: 18, suppliers: 36, slots: 10, fill: 0.62, seed: 7, homeTables: true, interpreters: true });
    const result = await cli(file('day.json', JSON.stringify(instance)));
    expect(result.code).toBe(0);
    expect(checkSchedule(instance, JSON.parse(result.stdout)).violations).toEqual([]);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^placed (\d+)\/\1 · priority (\d+) \(optimal, upper bound \2\) · gaps \d+ · breaks \d+ · without meetings 0 · [\d.]+ s · peak memory \d+ MiB$/m);
  });

  it.each([
    ['an unknown participant', JSON.stringify({ ...generateInstance({ buyers: 3, suppliers: 3, slots: 2, fill: 1, seed: 1 }).instance, meetings: [{ id: 'M1', buyer: 'B99', supplier: 'S0001' }] }), 'meetings[0].buyer: unknown participant "B99"'],
    ['malformed JSON', '{"format": "consultation-instance/1", ', 'not valid JSON'],
    ['JSON that is no instance', '[1, 2, 3]', '(instance): must be object'],
  ])('refuses %s with one line naming the place, exit 2 and nothing on stdout', async (_case, content, message) => {
    const result = await cli(file('bad.json', content));
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('refuses a 200 MB file without reading it, and a missing one', async () => {
    const huge = join(folder, 'huge.json');
    writeFileSync(huge, '');
    truncateSync(huge, 200 * 2 ** 20);
    const result = await cli(huge);
    expect([result.code, result.stdout]).toEqual([2, '']);
    expect(result.stderr).toContain('200 MB is more than the 64 MB an instance may have');
    const missing = await cli(join(folder, 'nothing.json'));
    expect([missing.code, missing.stderr.trim()]).toEqual([2, `${join(folder, 'nothing.json')}: no such file`]);
  });
});
