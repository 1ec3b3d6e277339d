import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

/** What the engines' command lines share: one line on standard error and exit 2 for anything wrong with the input. */
const maxFileBytes = 64 * 2 ** 20;

export function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

/** Reads and parses an instance file named relative to where the command was typed (npm runs scripts from the project folder). */
export function readInstanceFile(file: string): unknown {
  const path = resolve(process.env.INIT_CWD ?? process.cwd(), file);
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    fail(`${file}: no such file`);
  }
  if (size > maxFileBytes) fail(`${file}: ${(size / 2 ** 20).toFixed(0)} MB is more than the ${maxFileBytes / 2 ** 20} MB an instance may have`);
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    fail(`${file}: not valid JSON (${(error as Error).message})`);
  }
}

export function peakMemoryMiB(): string {
  return (process.resourceUsage().maxRSS / 1024).toFixed(0);
}
