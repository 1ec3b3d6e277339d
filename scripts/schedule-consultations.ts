/**
 * `npm run -s schedule:consultations -- IN.json [--seconds N] [--seed N]`
 * Reads a consultation-instance/1, writes the consultation-schedule/1 to standard output and a one-line summary to
 * standard error. A bad instance exits 2 with one line naming the place at fault and writes nothing to standard output.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { InstanceError } from '../server/consultations/engine/compile-instance.ts';
import { scheduleConsultationsWithProof } from '../server/consultations/engine/schedule-consultations.ts';

const maxFileBytes = 64 * 2 ** 20;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

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

// npm runs scripts from the project folder; the file is named relative to where the command was typed.
const path = resolve(process.env.INIT_CWD ?? process.cwd(), file);
let size: number;
try {
  size = statSync(path).size;
} catch {
  fail(`${file}: no such file`);
}
if (size > maxFileBytes) fail(`${file}: ${(size / 2 ** 20).toFixed(0)} MB is more than the ${maxFileBytes / 2 ** 20} MB an instance may have`);
let instance: unknown;
try {
  instance = JSON.parse(readFileSync(path, 'utf8'));
} catch (error) {
  fail(`${file}: not valid JSON (${(error as Error).message})`);
}

try {
  const plan = await scheduleConsultationsWithProof(instance, { timeLimitMs: seconds * 1000, seed });
  const { quality } = plan;
  process.stdout.write(`${JSON.stringify(plan.schedule, null, 2)}\n`);
  process.stderr.write(
    `placed ${quality.placed}/${quality.total} · priority ${quality.priority} (${plan.optimal ? 'optimal, ' : ''}upper bound ${plan.upperBound}) · gaps ${quality.gaps} · breaks ${quality.breaks} · ` +
      `without meetings ${quality.withoutMeetings} · ${plan.seconds.toFixed(2)} s · peak memory ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB\n`,
  );
} catch (error) {
  if (error instanceof InstanceError) fail(error.message);
  throw error;
}
