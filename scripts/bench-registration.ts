/**
 * `npm run bench:registration [-- --seconds 10 --connections 32]`
 * Starts the server on a fresh database in its own process and drives POST /api/registrations over loopback
 * with autocannon, every request a new delegate. Prints requests/s, latency percentiles and the server's peak memory.
 */
import autocannon from 'autocannon';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { demoCategories } from '../server/congress/demo-congress.ts';
import { peakMiB, startBenchServer, stopBenchServer } from './bench-server.ts';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '32' } } });
const { server, baseUrl, databasePath, folder } = await startBenchServer();

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
const peak = peakMiB(server);
const walMiB = statSync(`${databasePath}-wal`).size / 2 ** 20;
await stopBenchServer(server);

const stored = new Database(databasePath, { readonly: true }).prepare('select count(*) from delegates').pluck().get() as number;
rmSync(folder, { recursive: true, force: true });

const ok = result['2xx'];
console.log(`registration benchmark: ${values.connections} connections, ${values.seconds} s, server in its own process, loopback`);
console.log(`  registrations/s   ${Math.round(ok / Number(values.seconds))} (2xx ${ok}, non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts})`);
console.log(`  latency ms        p50 ${result.latency.p50}  p90 ${result.latency.p90}  p99 ${result.latency.p99}  max ${result.latency.max}`);
console.log(`  delegates stored  ${stored} (warm-up included)`);
console.log(`  server CPU        ${Math.round(serverCpuShare * 100)}% of one core (all its threads)`);
console.log(`  server peak RSS   ${peak} MiB; write-ahead log at the end ${walMiB.toFixed(1)} MiB`);
console.log(`  target            >= 5000/s with p99 <= 20 ms: ${ok / Number(values.seconds) >= 5000 && result.latency.p99 <= 20 ? 'met' : 'NOT met'}`);
if (result.non2xx > 0 || result.errors > 0) process.exitCode = 1;
