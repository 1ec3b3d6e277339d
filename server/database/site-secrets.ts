import { eq } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import { siteSecrets } from '../../db/schema/index.ts';
import type { AppDatabase } from './connection.ts';

/**
 * The secret kept under `name`, made on first use. The first process to insert it wins; the others read its value,
 * so every server on the database signs alike.
 */
export function siteSecret(db: AppDatabase, name: string): string {
  db.insert(siteSecrets).values({ name, value: randomBytes(32).toString('base64url') }).onConflictDoNothing().run();
  return db.select({ value: siteSecrets.value }).from(siteSecrets).where(eq(siteSecrets.name, name)).get()!.value;
}
