import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/database/connection.ts';
import { aDelegate } from '../support/test-app.ts';

const folder = mkdtempSync(join(tmpdir(), 'congress-registration-crash-'));
const databasePath = join(folder, 'congress.sqlite');
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(folder, { recursive: true, force: true });
});

/** The server as `npm start` runs it on the shared database, limits off; resolves with its address once it listens. */
function startServer() {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_PATH: databasePath, DEMO_DELEGATES: '0', ADMIN_EMAIL: 'crash@test.example', ADMIN_PASSWORD: 'a long enough password',
      LIMIT_REGISTRATIONS_PER_MINUTE: '0', LIMIT_CHALLENGE_AFTER_REGISTRATIONS: '0',
    },
  });
  children.push(child);
  let output = '';
  return new Promise<{ child: ChildProcess; baseUrl: string }>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      output += String(chunk);
      const listening = output.match(/listening on (http:\/\/\S+)/);
      if (listening) resolve({ child, baseUrl: listening[1]! });
    });
    child.stderr!.on('data', (chunk) => (output += String(chunk)));
    child.on('exit', (code, signal) => signal !== 'SIGKILL' && reject(new Error(`server exited with ${code}: ${output}`)));
  });
}

const rounds = 3;

describe('a crash during registrations', () => {
  it(`loses no registration the server acknowledged, across ${rounds} kill -9 rounds`, async () => {
    const acknowledged: { id: number; email: string }[] = [];
    for (let round = 0; round < rounds; round++) {
      const { child, baseUrl } = await startServer();
      let stop = false;
      // Eight clients register as fast as the server answers until the process is killed under them.
      const client = async () => {
        while (!stop) {
          const body = aDelegate({ email: `crash-${round}-${Math.random().toString(36).slice(2)}@example.org` });
          try {
            const answer = await fetch(`${baseUrl}/api/registrations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
            if (answer.status === 201) acknowledged.push({ id: ((await answer.json()) as { id: number }).id, email: body.email });
          } catch {
            // The connection died with the server: not acknowledged.
          }
        }
      };
      const clients = Array.from({ length: 8 }, client);
      await new Promise((resolve) => setTimeout(resolve, 700 + round * 300));
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      stop = true;
      await Promise.all(clients);
    }
    // A last start recovers the database as the next real start would, then every acknowledgement is looked up.
    const { child } = await startServer();
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const db = openDatabase(databasePath);
    const stored = new Map(db.$client.prepare('select id, email from delegates').all().map((row) => [(row as { id: number }).id, (row as { email: string }).email]));
    db.$client.close();
    const lost = acknowledged.filter(({ id, email }) => stored.get(id) !== email);
    console.log(`crash: ${acknowledged.length} registrations acknowledged over ${rounds} kill -9 rounds, ${lost.length} lost`);
    expect(acknowledged.length).toBeGreaterThan(50);
    expect(lost).toEqual([]);
  }, 120_000);
});
