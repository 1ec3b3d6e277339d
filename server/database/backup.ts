import Database from 'better-sqlite3';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { keepPrivate } from './private-file.ts';
import { dirname } from 'node:path';

/** Why a backup or a restore was refused: a sentence for the person at the command line. */
export class BackupRefusal extends Error {}

/**
 * Writes a consistent copy of the database at `source` to `target` with SQLite's online backup, while the server
 * keeps serving: writes that land meanwhile are either all in the copy or not at all. An existing file is never
 * overwritten. Answers the pages copied.
 */
export async function backupDatabase(source: string, target: string): Promise<number> {
  if (!existsSync(source)) throw new BackupRefusal(`There is no database at ${source}.`);
  if (existsSync(target)) throw new BackupRefusal(`${target} exists already; a backup never overwrites a file.`);
  return copyDatabase(source, target, () => undefined);
}

/**
 * Copies the database at `from` into `target` (readable by its owner only) with SQLite's online backup, once `check`
 * has accepted it; answers the pages copied.
 */
async function copyDatabase(from: string, target: string, check: (db: Database.Database) => void): Promise<number> {
  const db = new Database(from, { readonly: true, fileMustExist: true });
  try {
    check(db);
    mkdirSync(dirname(target), { recursive: true });
    keepPrivate(target);
    const { totalPages } = await db.backup(target);
    return totalPages;
  } finally {
    db.close();
  }
}

/** Whether a file opened as a database reads whole and holds this product's tables; a file that is no database does not. */
function wholeAndOurs(db: Database.Database): boolean {
  try {
    return db.pragma('integrity_check', { simple: true }) === 'ok' && db.prepare("select 1 from sqlite_master where type = 'table' and name = 'congresses'").get() !== undefined;
  } catch {
    return false;
  }
}

/**
 * Puts the backup at `backup` in place as the database at `target`, which must not exist yet or be empty, so that a
 * restore never replaces live data. The backup must be a whole, readable database of this product.
 */
export async function restoreDatabase(backup: string, target: string): Promise<number> {
  if (!existsSync(backup)) throw new BackupRefusal(`There is no backup at ${backup}.`);
  if (existsSync(target) && statSync(target).size > 0) throw new BackupRefusal(`${target} holds a database already; restore into an empty DATABASE_PATH.`);
  return copyDatabase(backup, target, (db) => {
    if (!wholeAndOurs(db)) throw new BackupRefusal(`${backup} is not a whole backup of this product's database.`);
  });
}
