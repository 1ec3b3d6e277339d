import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureDemoCongress } from '../../server/congress/demo-congress.ts';
import { openDatabase } from '../../server/database/connection.ts';
import { queueMessage } from '../../server/mail/outbox.ts';
import { startSmtpSink } from '../support/smtp-sink.ts';

const folder = mkdtempSync(join(tmpdir(), 'congress-mail-crash-'));
const databasePath = join(folder, 'congress.sqlite');
const children: ChildProcess[] = [];
const closing: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  for (const close of closing) await close();
  rmSync(folder, { recursive: true, force: true });
});

/** The server as `npm start` runs it, sending through `smtpUrl`; resolves once it listens. */
function startServer(smtpUrl: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_PATH: databasePath, DEMO_DELEGATES: '0', ADMIN_EMAIL: 'crash@test.example', ADMIN_PASSWORD: 'a long enough password', SMTP_URL: smtpUrl, SMTP_TIMEOUT_SECONDS: '1' },
  });
  children.push(child);
  let output = '';
  return new Promise<ChildProcess>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      output += String(chunk);
      if (/listening on/.test(output)) resolve(child);
    });
    child.stderr!.on('data', (chunk) => (output += String(chunk)));
    child.on('exit', (code, signal) => signal !== 'SIGKILL' && reject(new Error(`server exited with ${code}: ${output}`)));
  });
}

async function until(done: () => boolean, ms: number) {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the outbox across a crash', () => {
  it('delivers every queued message after the sending server is killed mid-delivery, each under its one Message-ID', async () => {
    // A slow mail server, so that the kill lands while messages are being handed over.
    const sink = await startSmtpSink({ delayMs: 15 });
    closing.push(sink.close);
    const db = openDatabase(databasePath);
    const congressId = ensureDemoCongress(db);
    const total = 300;
    for (let k = 0; k < total; k++) {
      queueMessage(db, { congressId, kind: 'test', to: `delegate${k}@example.org`, language: 'en', content: { subject: `Message ${k}`, text: `Body ${k}`, html: `<p>Body ${k}</p>` } });
    }
    const queued = new Set((db.$client.prepare('select message_id from outbox_messages').pluck().all() as string[]));
    db.$client.close();

    const first = await startServer(sink.url);
    await until(() => sink.received.length >= total / 4, 20_000);
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    const beforeRestart = sink.received.length;
    expect(beforeRestart).toBeLessThan(total);

    await startServer(sink.url);
    await until(() => new Set(sink.received.map((mail) => mail.messageId)).size >= total, 30_000);
    const ids = sink.received.map((mail) => mail.messageId);
    expect(new Set(ids)).toEqual(queued);
    // Only a message handed over in the instant of the kill (one per connection, ten) can arrive twice, and then under its one Message-ID.
    expect(ids.length - total).toBeLessThanOrEqual(10);

    const check = openDatabase(databasePath);
    await until(() => (check.$client.prepare("select count(*) from outbox_messages where status = 'sent'").pluck().get() as number) === total, 10_000);
    check.$client.close();
  }, 90_000);
});
