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

  it('lets the log restart from its beginning once copied, so it stops growing', async () => {
    const checkpointer = startWalCheckpointer(sqlite, path, 50);
    writeRows(3000);
    await until(() => statSync(path).size > 1_000_000);
    const grown = statSync(`${path}-wal`).size;
    for (let round = 0; round < 5; round++) {
      writeRows(3000);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    // 15,000 more rows (~8 MB) went through a log that stays near the size of one burst.
    expect(statSync(`${path}-wal`).size).toBeLessThanOrEqual(grown * 1.5);
    await checkpointer.stop();
  });
});
