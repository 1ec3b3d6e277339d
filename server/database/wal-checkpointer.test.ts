import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWalCheckpointer } from './wal-checkpointer.ts';

let folder: string;
let path: string;
let sqlite: Database.Database;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'checkpointer-'));
  path = join(folder, 'test.sqlite');
  sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.exec('create table t (v text)');
});
afterEach(() => {
  if (sqlite.open) sqlite.close();
  rmSync(folder, { recursive: true, force: true });
});

const writeRows = (n: number) => {
  const insert = sqlite.prepare('insert into t (v) values (?)');
  for (let i = 0; i < n; i++) insert.run('x'.repeat(500));
};
const until = async (condition: () => boolean, timeoutMs = 5000) => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('startWalCheckpointer', () => {
  it('turns off checkpoints inside commits and copies the log into the database file from its own thread', async () => {
    const checkpointer = startWalCheckpointer(sqlite, path, 50);
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const before = statSync(path).size;
    writeRows(3000);
    // With no checkpoint in the commits, the rows sit in the log until the thread copies them.
    await until(() => statSync(path).size > before + 1_000_000);
    await checkpointer.stop();
    expect(sqlite.prepare('select count(*) from t').pluck().get()).toBe(3000);
  });

  it('keeps the log bounded under steady writes by restarting it past the limit', async () => {
    sqlite.pragma('busy_timeout = 5000');
    const restartFrames = 1000; // 4 MiB of 4 KiB pages
    const checkpointer = startWalCheckpointer(sqlite, path, 20, restartFrames);
    const insert = sqlite.prepare('insert into t (v) values (?)');
    const writeHundred = sqlite.transaction(() => {
      for (let i = 0; i < 100; i++) insert.run('x'.repeat(500));
    });
    let largest = 0;
    // About 25 MiB of log frames at ~10 MiB/s, in small transactions with the event loop turning between them.
    for (let batch = 0; batch < 400; batch++) {
      writeHundred();
      largest = Math.max(largest, statSync(`${path}-wal`).size);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(sqlite.prepare('select count(*) from t').pluck().get()).toBe(40_000);
    expect(largest).toBeLessThan(12 * 2 ** 20);
    await checkpointer.stop();
  });
});
