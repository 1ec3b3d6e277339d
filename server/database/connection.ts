import { foldForSearch } from '../../shared/search-fold.ts';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { keepPrivate } from './private-file.ts';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from '../../db/schema/index.ts';

export type AppDatabase = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), '../../db/migrations');

/** Opens (creating if needed) the database file, sets the pragmas the product relies on and applies pending migrations. */
export function openDatabase(path: string): AppDatabase {
  if (path !== ':memory:') {
    mkdirSync(dirname(resolve(path)), { recursive: true });
    keepPrivate(path);
  }
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Searches compare texts folded alike on both sides: `fold(name) like fold(typed)`.
  sqlite.function('fold', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? foldForSearch(text) : text));
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder });
  return db;
}
