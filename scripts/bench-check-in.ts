/**
 * `npm run bench:check-in`: the door on the morning of the congress. Starts the server on a fresh database, registers
 * 900 delegates, prints all their badges as one PDF (asking for the counts meanwhile, to see the server still answers
 * while the printing thread draws), then has 6 desks scan every badge twice over loopback (the
 * first scan checks in, the second hears "already") and prints the latency of a scan, the badge printing time and
 * the server's peak memory.
 */
import autocannon from 'autocannon';
import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { badgeCode } from '../server/check-in/badge-token.ts';
import { benchAdmin, peakMiB, startBenchServer, stopBenchServer } from './bench-server.ts';

const delegatesCount = 900;
const desks = 6;
const { server, baseUrl, databasePath, folder } = await startBenchServer();
const json = { 'content-type': 'application/json' };
const { token } = (await (await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: json, body: JSON.stringify(benchAdmin) })).json()) as { token: string };
const organiser = { authorization: `Bearer ${token}` };

const categories = ['government', 'university', 'research', 'large-company', 'sme', 'international-organisation'];
const ids: number[] = [];
for (let n = 0; n < delegatesCount; n++) {
  const body = { givenName: n % 3 === 0 ? '민준' : 'Priya', familyName: n % 3 === 0 ? '김' : 'Sharma', latinName: n % 3 === 0 ? 'Minjun KIM' : null, email: `door-${n}@example.org`, country: n % 2 ? 'KR' : 'IN', category: categories[n % categories.length], languages: ['ko', 'en'] };
  ids.push(((await (await fetch(`${baseUrl}/api/registrations`, { method: 'POST', headers: json, body: JSON.stringify(body) })).json()) as { id: number }).id);
}

const printStarted = performance.now();
let printing = true;
const answerTimes: number[] = [];
const askWhilePrinting = (async () => {
  while (printing) {
    const asked = performance.now();
    await (await fetch(`${baseUrl}/api/check-ins/counts`, { headers: organiser })).arrayBuffer();
    answerTimes.push(performance.now() - asked);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
})();
const badges = await fetch(`${baseUrl}/api/badges.pdf?lang=ko`, { headers: organiser });
const pdfBytes = (await badges.arrayBuffer()).byteLength;
const printSeconds = (performance.now() - printStarted) / 1000;
printing = false;
await askWhilePrinting;

const secret = new Database(databasePath, { readonly: true }).prepare('select badge_secret from congresses').pluck().get() as string;
const scans = [...ids, ...ids].map((id) => badgeCode(secret, id));
let next = 0;
const result = await autocannon({
  url: baseUrl,
  connections: desks,
  amount: scans.length,
  requests: [
    {
      method: 'POST',
      path: '/api/check-ins',
      headers: { ...json, ...organiser },
      setupRequest: (request) => ({ ...request, body: JSON.stringify({ badgeCode: scans[next++ % scans.length], desk: `desk ${next % desks}` }) }),
    },
  ],
});
const counts = (await (await fetch(`${baseUrl}/api/check-ins/counts`, { headers: organiser })).json()) as { checkedIn: number };
const peak = peakMiB(server);
await stopBenchServer(server);
rmSync(folder, { recursive: true, force: true });

console.log(`check-in benchmark: ${delegatesCount} delegates, ${desks} desks scanning each badge twice over loopback, server in its own process`);
console.log(`  badges PDF        ${delegatesCount} badges in ${printSeconds.toFixed(1)} s, ${(pdfBytes / 2 ** 20).toFixed(1)} MiB`);
console.log(`  while printing    ${answerTimes.length} other requests answered, slowest in ${Math.max(...answerTimes).toFixed(0)} ms`);
console.log(`  scans             ${result['2xx']} answered 2xx of ${scans.length} (non-2xx ${result.non2xx}), ${Math.round(result.requests.average)}/s`);
console.log(`  scan latency ms   p50 ${result.latency.p50}  p90 ${result.latency.p90}  p99 ${result.latency.p99}  max ${result.latency.max}`);
console.log(`  checked in        ${counts.checkedIn} of ${delegatesCount}`);
console.log(`  server peak RSS   ${peak} MiB`);
console.log(`  target            every scan answered within a second: ${result.latency.max < 1000 ? 'met' : 'NOT met'}`);
if (result.non2xx > 0 || counts.checkedIn !== delegatesCount) process.exitCode = 1;
