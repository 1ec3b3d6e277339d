import { chmodSync, closeSync, openSync } from 'node:fs';

/**
 * Makes sure the file exists and is readable by the server's own user only, before a byte of personal data is written
 * to it. SQLite gives the WAL and shared-memory files it makes beside a database the database's own mode.
 */
export function keepPrivate(path: string): void {
  closeSync(openSync(path, 'a', 0o600));
  chmodSync(path, 0o600);
}
