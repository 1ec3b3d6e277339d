/**
 * `npm run -s schedule:consultations -- IN.json [--seconds N] [--seed N]`
 * Reads a consultation-instance/1, writes the consultation-schedule/1 to standard output and a one-line summary to
 * standard error. A bad instance exits 2 with one line naming the place at fault and writes nothing to standard output.
 */
import { parseArgs } from 'node:util';
import { InstanceError } from '../server/scheduling/instance-checks.ts';
import { scheduleConsultationsWithProof } from '../server/consultations/engine/schedule-consultations.ts';
import { fail, peakMemoryMiB, readInstanceFile } from './instance-file.ts';
import { describeUnplacedInEnglish } from '../server/consultations/unplaced-reason.ts';

let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { seconds: { type: 'string', default: '2' }, seed: { type: 'string', default: '1' } } });
} catch (error) {
  fail(`usage: schedule:consultations -- IN.json [--seconds N] [--seed N] (${(error as Error).message})`);
}
const [file] = parsed.positionals;
if (!file || parsed.positionals.length > 1) fail('usage: schedule:consultations -- IN.json [--seconds N] [--seed N]');
const seconds = Number(parsed.values.seconds);
const seed = Number(parsed.values.seed);
if (!(seconds > 0)) fail(`--seconds: expected a positive number, not "${parsed.values.seconds}"`);
if (!Number.isInteger(seed)) fail(`--seed: expected a whole number, not "${parsed.values.seed}"`);

const instance = readInstanceFile(file);

try {
  const plan = await scheduleConsultationsWithProof(instance, { describe: describeUnplacedInEnglish, timeLimitMs: seconds * 1000, seed });
  const { quality } = plan;
  process.stdout.write(`${JSON.stringify(plan.schedule, null, 2)}\n`);
  process.stderr.write(
    `placed ${quality.placed}/${quality.total} · priority ${quality.priority} (${plan.optimal ? 'optimal, ' : ''}upper bound ${plan.upperBound}) · gaps ${quality.gaps} · breaks ${quality.breaks} · ` +
      `without meetings ${quality.withoutMeetings} · ${plan.seconds.toFixed(2)} s · peak memory ${peakMemoryMiB()} MiB\n`,
  );
} catch (error) {
  if (error instanceof InstanceError) fail(error.message);
  throw error;
}
