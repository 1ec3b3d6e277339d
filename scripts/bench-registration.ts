/**
 * `npm run bench:registration [-- --seconds 10 --connections 32]`
 * Starts the server on a fresh database in its own process and drives POST /api/registrations over loopback
 * with autocannon, every request a new delegate. Prints requests/s, latency percentiles and the server's peak memory.
 */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { demoCategories } from '../server/congress/demo-congress.ts';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '32' } } });
const folder = mkdtempSync(join(tmpdir(), 'congress-bench-'));
const databasePath = join(folder, 'congress.sqlite');

const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
  env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_PATH: databasePath, DEMO_DELEGATES: '0', ADMIN_EMAIL: 'bench@example.org', ADMIN_PASSWORD: 'bench-password', LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const baseUrl = await new Promise<string>((resolve, reject) => {
  let output = '';
  server.stdout!.on('data', (chunk) => {
    output += String(chunk);
    const match = output.match(/listening on (http:\/\/\S+)/);
    if (match) resolve(match[1]!);
  });
  server.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
});

const openCategories = demoCategories.filter((category) => !category.requiresApproval).map((category) => category.code);
const countries = ['KR', 'JP', 'CN', 'IN', 'US', 'VN', 'DE', 'FR', 'ES', 'RU'];
let sequence = 0;
function nextDelegate(): string {
  const n = sequence++;
  return JSON.stringify({
    givenName: n % 3 === 0 ? '민준' : 'Priya',
    familyName: n % 3 === 0 ? '김' : 'Sharma',
    email: `bench-${n}@example.org`,
    country: countries[n % countries.length],
    category: openCategories[n % openCategories.length],
    organisation: 'Korea Industrial Complex Corporation',
    languages: ['ko', 'en'],
  });
}

function run(seconds: number, connections: number) {
  return autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    requests: [{ method: 'POST', path: '/api/registrations', headers: { 'content-type': 'application/json' }, setupRequest: (request) => ({ ...request, body: nextDelegate() }) }],
  });
}

/** CPU seconds the server process has used (user + system), to tell a busy server from a busy load generator. */
const serverCpuSeconds = () => {
  const fields = readFileSync(`/proc/${server.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

await run(2, 8); // warm-up: JIT, prepared statements, page cache
const cpuBefore = serverCpuSeconds();
const result = await run(Number(values.seconds), Number(values.connections));
const serverCpuShare = (serverCpuSeconds() - cpuBefore) / Number(values.seconds);
const peakKiB = Number(readFileSync(`/proc/${server.pid}/status`, 'utf8').match(/VmHWM:\s+(\d+)/)?.[1] ?? NaN);
const walMiB = statSync(`${databasePath}-wal`).size / 2 ** 20;
server.kill('SIGTERM');
await new Promise((resolve) => server.on('exit', resolve));

const stored = new Database(databasePath, { readonly: true }).prepare('select count(*) from delegates').pluck().get() as number;
rmSync(folder, { recursive: true, force: true });

const ok = result['2xx'];
console.log(`registration benchmark: ${values.connections} connections, ${values.seconds} s, server in its own process, loopback`);
console.log(`  registrations/s   ${Math.round(ok / Number(values.seconds))} (2xx ${ok}, non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts})`);
console.log(`  latency ms        p50 ${result.latency.p50}  p90 ${result.latency.p90}  p99 ${result.latency.p99}  max ${result.latency.max}`);
console.log(`  delegates stored  ${stored} (warm-up included)`);
console.log(`  server CPU        ${Math.round(serverCpuShare * 100)}% of one core (all its threads)`);
console.log(`  server peak RSS   ${Math.round(peakKiB / 1024)} MiB; write-ahead log at the end ${walMiB.toFixed(1)} MiB`);
console.log(`  target            >= 5000/s with p99 <= 20 ms: ${ok / Number(values.seconds) >= 5000 && result.latency.p99 <= 20 ? 'met' : 'NOT met'}`);
if (result.non2xx > 0 || result.errors > 0) process.exitCode = 1;
