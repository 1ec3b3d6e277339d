import { eq } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import { siteSecrets } from '../../db/schema/index.ts';
import type { AppDatabase } from './connection.ts';

/**
 * The secret kept under `name`, made on first use. The first process to insert it wins; the others read its value,
 * so every server on the database signs alike.
 */
export function siteSecret(db: AppDatabase, name: string): string {
  let known = secretsOf.get(db);
  if (!known) secretsOf.set(db, (known = new Map()));
  let value = known.get(name);
  if (value === undefined) {
    db.insert(siteSecrets).values({ name, value: randomBytes(32).toString('base64url') }).onConflictDoNothing().run();
    value = db.select({ value: siteSecrets.value }).from(siteSecrets).where(eq(siteSecrets.name, name)).get()!.value;
    known.set(name, value);
  }
  return value;
}

/** A secret never changes once made: each database's are read once. */
const secretsOf = new WeakMap<AppDatabase, Map<string, string>>();
