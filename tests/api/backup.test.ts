import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupDatabase, BackupRefusal, restoreDatabase } from '../../server/database/backup.ts';
import { runScript, scratchFolder } from '../support/command-line.ts';
import { aDelegate, startTestApp } from '../support/test-app.ts';

const scratch = scratchFolder('congress-backup-');

describe('backups', () => {
  it('copies the running database consistently while registrations keep arriving, and restores it into an empty path', async () => {
    const { app, databasePath } = await startTestApp();
    try {
      const register = () => app.inject({ method: 'POST', url: '/api/registrations', payload: aDelegate() });
      for (let i = 0; i < 20; i++) expect((await register()).statusCode).toBe(201);
      const backup = join(scratch.folder, 'during-writes.sqlite');
      // Registrations go on while the copy is made; each lands with its audit row in the copy or not at all.
      const [pages] = await Promise.all([backupDatabase(databasePath, backup), Promise.all(Array.from({ length: 30 }, register))]);
      expect(pages).toBeGreaterThan(0);

      const restored = join(scratch.folder, 'restored', 'congress.sqlite');
      await restoreDatabase(backup, restored);
      const db = new Database(restored, { readonly: true });
      const count = (sql: string) => db.prepare(sql).pluck().get() as number;
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const delegates = count('select count(*) from delegates');
      expect(delegates).toBeGreaterThanOrEqual(20);
      expect(count("select count(*) from audit_log where action = 'delegate.register'")).toBe(delegates);
      db.close();
    } finally {
      await app.close();
    }
  });

  it('never overwrites a file, restores only into an empty path and only a whole backup of this product', async () => {
    const { app, databasePath } = await startTestApp();
    await app.close();
    const backup = join(scratch.folder, 'once.sqlite');
    await backupDatabase(databasePath, backup);
    await expect(backupDatabase(databasePath, backup)).rejects.toThrow(BackupRefusal);
    await expect(restoreDatabase(backup, databasePath)).rejects.toThrow(/holds a database already/);
    const notOurs = scratch.write('notes.sqlite', 'not a database at all');
    await expect(restoreDatabase(notOurs, join(scratch.folder, 'empty.sqlite'))).rejects.toThrow(/not a whole backup/);
    const other = join(scratch.folder, 'other.sqlite');
    new Database(other).exec('create table notes (text)');
    await expect(restoreDatabase(other, join(scratch.folder, 'empty.sqlite'))).rejects.toThrow(/not a whole backup/);
    expect(existsSync(join(scratch.folder, 'empty.sqlite'))).toBe(false);
  });

  it('runs as npm run backup and npm run restore on DATABASE_PATH, saying what it did or why not', async () => {
    const { app, databasePath } = await startTestApp();
    await app.close();
    const file = join(scratch.folder, 'by-command.sqlite');
    const before = process.env.DATABASE_PATH;
    process.env.DATABASE_PATH = databasePath;
    try {
      const made = await runScript('scripts/backup.ts', 'backup', file);
      expect([made.code, made.stdout]).toEqual([0, expect.stringMatching(new RegExp(`^Backed up .* to ${file} \\(\\d+ pages\\)\\.\\n$`))]);
      const again = await runScript('scripts/backup.ts', 'backup', file);
      expect([again.code, again.stderr]).toEqual([1, `${file} exists already; a backup never overwrites a file.\n`]);
      process.env.DATABASE_PATH = join(scratch.folder, 'fresh', 'congress.sqlite');
      const back = await runScript('scripts/backup.ts', 'restore', file);
      expect([back.code, back.stdout]).toEqual([0, expect.stringMatching(/^Restored .*\(\d+ pages\)\.\n$/)]);
      expect((await runScript('scripts/backup.ts')).code).toBe(2);
    } finally {
      if (before === undefined) delete process.env.DATABASE_PATH;
      else process.env.DATABASE_PATH = before;
    }
  });
});
