import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const folder = mkdtempSync(join(tmpdir(), 'congress-start-'));
const started: ChildProcess[] = [];
afterAll(() => {
  for (const child of started) child.kill();
  rmSync(folder, { recursive: true, force: true });
});

/** Starts `server/main.ts` as `npm start` does (without the web build) and resolves with its console output once it listens. */
function startServer(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_PATH: join(folder, 'congress.sqlite'), ...env },
  });
  started.push(child);
  let output = '';
  return new Promise<{ output: string; baseUrl: string; child: ChildProcess }>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      output += String(chunk);
      const listening = output.match(/listening on (http:\/\/\S+)/);
      if (listening) resolve({ output, baseUrl: listening[1]!, child });
    });
    child.stderr!.on('data', (chunk) => (output += String(chunk)));
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
}

const stop = (child: ChildProcess) => new Promise((resolve) => (child.on('exit', resolve), child.kill('SIGTERM')));

describe('starting the server', () => {
  it('on a new database creates the demo congress and an organiser whose generated password it prints once', async () => {
    const first = await startServer({ DEMO_DELEGATES: '25', ADMIN_EMAIL: '', ADMIN_PASSWORD: '' });
    const password = first.output.match(/shown only this once: (\S+)/)?.[1];
    expect(password).toBeDefined();
    expect((await fetch(`${first.baseUrl}/api/health`)).status).toBe(200);
    const login = await fetch(`${first.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'organiser@congress.local', password }),
    });
    expect(login.status).toBe(200);
    const { token } = (await login.json()) as { token: string };
    const counts = (await (await fetch(`${first.baseUrl}/api/delegates/counts`, { headers: { authorization: `Bearer ${token}` } })).json()) as { total: number };
    expect(counts.total).toBe(25);
    await stop(first.child);

    const second = await startServer({ DEMO_DELEGATES: '25' });
    expect(second.output).not.toContain('shown only this once');
    expect(second.output).not.toContain('synthetic delegates registered');
    await stop(second.child);
  }, 30_000);

  it('refuses to start with a weak ADMIN_PASSWORD, saying why in one line and no stack trace', async () => {
    for (const [password, reason] of [['a', 'at least 12 characters'], ['password1234', 'too easy to guess']] as const) {
      const failed = await startServer({ DEMO_DELEGATES: '0', ADMIN_EMAIL: 'owner@test.example', ADMIN_PASSWORD: password }).then(
        () => null,
        (error: Error) => error.message,
      );
      expect(failed).toContain('exited with 1');
      expect(failed).toContain(`Cannot start: ADMIN_PASSWORD`);
      expect(failed).toContain(reason);
      expect(failed).not.toMatch(/\n\s+at /);
    }
  });
});
