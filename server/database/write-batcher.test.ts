import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type AppDatabase } from './connection.ts';
import { WriteBatcher } from './write-batcher.ts';

let folder: string;
let db: AppDatabase;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'batcher-'));
  db = openDatabase(join(folder, 'test.sqlite'));
  db.$client.exec('create table t (v text unique)');
});
afterEach(() => {
  db.$client.close();
  rmSync(folder, { recursive: true, force: true });
});

const rows = () => db.$client.prepare('select v from t order by v').pluck().all();
const insert = (v: string) => () => db.$client.prepare('insert into t (v) values (?)').run(v).changes;

describe('WriteBatcher', () => {
  it('commits the writes of one turn together and rolls back only the one that throws', async () => {
    const batcher = new WriteBatcher(db);
    const results = await Promise.allSettled([
      batcher.run(insert('a')),
      batcher.run(() => {
        insert('b')();
        insert('a')(); // unique violation: b must be undone with it
        return 1;
      }),
      batcher.run(insert('c')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(rows()).toEqual(['a', 'c']);
  });

  it('answers only after the batch is committed', async () => {
    const batcher = new WriteBatcher(db);
    const seen: unknown[] = [];
    const pending = batcher.run(insert('x')).then(() => {
      // A second connection sees the row only once it is committed.
      const reader = openDatabase(join(folder, 'test.sqlite'));
      seen.push(reader.$client.prepare('select count(*) from t').pluck().get());
      reader.$client.close();
    });
    await pending;
    expect(seen).toEqual([1]);
  });

  it('rejects every write of a batch whose commit fails', async () => {
    const batcher = new WriteBatcher(db);
    // Another connection holding the write lock makes BEGIN IMMEDIATE fail once its busy timeout passes.
    const blocker = openDatabase(join(folder, 'test.sqlite'));
    blocker.$client.pragma('busy_timeout = 0');
    db.$client.pragma('busy_timeout = 50');
    blocker.$client.prepare('BEGIN IMMEDIATE').run();
    const results = await Promise.allSettled([batcher.run(insert('p')), batcher.run(insert('q'))]);
    blocker.$client.prepare('ROLLBACK').run();
    blocker.$client.close();
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(rows()).toEqual([]);
  });

  it('flushes a full batch at once without waiting for the turn to end', async () => {
    const batcher = new WriteBatcher(db, 2);
    const first = batcher.run(insert('1'));
    const second = batcher.run(insert('2'));
    expect(rows()).toEqual(['1', '2']);
    await Promise.all([first, second]);
  });
});
