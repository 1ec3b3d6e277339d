import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const benchAdmin = { email: 'bench@example.org', password: 'bench-password' };

/** A benchmark sends from one address far more than any person would: every per-address limit is off. */
const limitsOff = Object.fromEntries(
  ['REGISTRATIONS_PER_MINUTE', 'CHALLENGE_AFTER_REGISTRATIONS', 'LINK_REQUESTS_PER_MINUTE', 'PUBLIC_WRITES_PER_MINUTE', 'SOCKETS_PER_ADDRESS'].map((name) => [`LIMIT_${name}`, '0']),
);

/** Starts the server in its own process on a fresh database (no demo delegates), as a benchmark's subject; `env` adds settings. */
export async function startBenchServer(env: Record<string, string> = {}, folder = mkdtempSync(join(tmpdir(), 'congress-bench-'))): Promise<{ server: ChildProcess; baseUrl: string; databasePath: string; folder: string }> {
  const databasePath = join(folder, 'congress.sqlite');
  const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_PATH: databasePath, DEMO_DELEGATES: '0', ADMIN_EMAIL: benchAdmin.email, ADMIN_PASSWORD: benchAdmin.password, LOG_LEVEL: 'warn', ...limitsOff, ...env },
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
  return { server, baseUrl, databasePath, folder };
}

/** The server process's peak resident memory, in MiB. */
export const peakMiB = (server: ChildProcess) => Math.round(Number(readFileSync(`/proc/${server.pid}/status`, 'utf8').match(/VmHWM:\s+(\d+)/)?.[1] ?? NaN) / 1024);

export async function stopBenchServer(server: ChildProcess) {
  server.kill('SIGTERM');
  await new Promise((resolve) => server.on('exit', resolve));
}
