/**
 * `npm run -s schedule:tours -- IN.json [--lottery N]`
 * Reads a tour-instance/1, writes the optimal tour-assignment/1 to standard output and a one-line summary to standard
 * error. A bad instance exits 2 with one line naming the place at fault and writes nothing to standard output.
 */
import { parseArgs } from 'node:util';
import { InstanceError } from '../server/scheduling/instance-checks.ts';
import { scheduleTours } from '../server/tours/engine/schedule-tours.ts';
import { describeInEnglish } from '../server/tours/unassigned-reason.ts';
import { fail, peakMemoryMiB, readInstanceFile } from './instance-file.ts';

const usage = 'usage: schedule:tours -- IN.json [--lottery N]';
let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { lottery: { type: 'string' } } });
} catch (error) {
  fail(`${usage} (${(error as Error).message})`);
}
const [file] = parsed.positionals;
if (!file || parsed.positionals.length > 1) fail(usage);
const lottery = parsed.values.lottery === undefined ? undefined : Number(parsed.values.lottery);
if (lottery !== undefined && !Number.isInteger(lottery)) fail(`--lottery: expected a whole number, not "${parsed.values.lottery}"`);

const instance = readInstanceFile(file);
try {
  const { assignment, plan, seconds } = scheduleTours(instance, { lottery, describe: describeInEnglish });
  const total = plan.placed + plan.unassigned.length;
  const histogram = plan.rankHistogram.map((count, k) => `${k + 1}:${count}`).join(' ');
  process.stdout.write(`${JSON.stringify(assignment, null, 2)}\n`);
  process.stderr.write(`placed ${plan.placed}/${total} · ranks ${histogram || '–'} · rank sum ${plan.rankSum} (optimal) · ${seconds.toFixed(3)} s · peak memory ${peakMemoryMiB()} MiB\n`);
} catch (error) {
  if (error instanceof InstanceError) fail(error.message);
  throw error;
}
