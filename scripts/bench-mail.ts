/**
 * `npm run bench:mail [-- --messages 10000]`
 * The outbox against a local SMTP server (smtp-server, in this process), with the congress server in its own process:
 * 1. a backlog: the messages are queued before the server starts, and it delivers them all;
 * 2. live: delegates register over HTTP, each registration committing its message, while the sender delivers.
 * Prints messages per second and the delay between a message's commit and its arrival at the mail server.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { ensureDemoCongress } from '../server/congress/demo-congress.ts';
import { openDatabase } from '../server/database/connection.ts';
import { queueMessage } from '../server/mail/outbox.ts';
import { printTable } from './print-table.ts';
import { peakMiB, startBenchServer, stopBenchServer } from './bench-server.ts';

const { values } = parseArgs({ options: { messages: { type: 'string', default: '10000' }, connections: { type: 'string', default: '32' } } });
const total = Number(values.messages);

/** Arrival times by Message-ID. */
const arrived = new Map<string, number>();
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, _session, callback) {
    let head = '';
    stream.on('data', (chunk: Buffer) => {
      if (head.length < 4096) head += chunk.toString('latin1');
    });
    stream.on('end', () => {
      const id = /^Message-ID:\s*(<[^>]+>)/im.exec(head)?.[1];
      if (id && !arrived.has(id)) arrived.set(id, Date.now());
      callback();
    });
  },
});
await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
const smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
async function waitForArrivals(count: number) {
  const deadline = Date.now() + 10 * 60_000;
  while (arrived.size < count) {
    if (Date.now() > deadline) throw new Error(`${arrived.size} of ${count} arrived`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
/** Commit time of every message in the database, by Message-ID. */
function commits(databasePath: string): Map<string, number> {
  const db = openDatabase(databasePath);
  const rows = db.$client.prepare('select message_id as id, created_at as at from outbox_messages').all() as { id: string; at: string }[];
  db.$client.close();
  return new Map(rows.map((row) => [row.id, Date.parse(row.at)]));
}
function figures(step: string, databasePath: string, ids: Set<string>, peak: number): string[] {
  const committed = commits(databasePath);
  const delays = [...ids].map((id) => arrived.get(id)! - committed.get(id)!).sort((a, b) => a - b);
  const first = Math.min(...[...ids].map((id) => committed.get(id)!));
  const last = Math.max(...[...ids].map((id) => arrived.get(id)!));
  const seconds = (last - first) / 1000;
  return [step, String(ids.size), seconds.toFixed(2), (ids.size / seconds).toFixed(0), String(percentile(delays, 50)), String(percentile(delays, 99)), String(delays.at(-1)), String(peak)];
}

// 1. A backlog queued before the server starts.
const folder = mkdtempSync(join(tmpdir(), 'congress-bench-mail-'));
const backlogDb = openDatabase(join(folder, 'congress.sqlite'));
const congressId = ensureDemoCongress(backlogDb);
backlogDb.transaction((tx) => {
  for (let k = 0; k < total; k++) {
    queueMessage(tx, { congressId, kind: 'bench', to: `reader${k}@example.org`, language: 'en', content: { subject: `Programme update ${k}`, text: `The programme changed.\n\nBench message ${k}.`, html: `<p>The programme changed.</p><p>Bench message ${k}.</p>` } });
  }
});
const backlogIds = new Set(backlogDb.$client.prepare('select message_id from outbox_messages').pluck().all() as string[]);
backlogDb.$client.close();
const backlog = await startBenchServer({ SMTP_URL: smtpUrl }, folder);
await waitForArrivals(backlogIds.size);
const rows = [figures('backlog queued before start', backlog.databasePath, backlogIds, peakMiB(backlog.server))];
await stopBenchServer(backlog.server);

// 2. Live: each registration commits its message while the sender delivers.
const live = await startBenchServer({ SMTP_URL: smtpUrl });
const before = arrived.size;
let next = 0;
async function registrant() {
  while (next < total) {
    const k = next++;
    const response = await fetch(`${live.baseUrl}/api/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ givenName: 'Bench', familyName: `Delegate ${k}`, email: `bench-${k}@example.org`, country: 'KR', category: 'university', languages: ['ko', 'en'] }),
    });
    if (response.status !== 201) throw new Error(`registration ${k}: ${response.status} ${await response.text()}`);
  }
}
await Promise.all(Array.from({ length: Number(values.connections) }, registrant));
await waitForArrivals(before + total);
const liveIds = new Set([...commits(live.databasePath).keys()]);
rows.push(figures('live, one per registration', live.databasePath, liveIds, peakMiB(live.server)));
await stopBenchServer(live.server);
smtp.close();

console.log(`mail benchmark: ${total} messages each way to a local SMTP server, congress server in its own process`);
printTable([['step', 'messages', 'seconds', 'messages/s', 'delay p50 (ms)', 'p99 (ms)', 'max (ms)', 'server peak RSS (MiB)'], ...rows]);
