import { count } from 'drizzle-orm';
import { delegates } from '../db/schema/index.ts';
import { ensureFirstOrganiser, firstOwnerId } from './auth/accounts-service.ts';
import type { RegistrationStore } from './registration/registration-store.ts';

export const defaultDemoSeed = 2015;

/** Makes sure someone can sign in as the demo's owner, telling the person at the console how when a password was generated. */
export async function prepareOrganiser(store: RegistrationStore, settings: { email?: string | undefined; password?: string | undefined }) {
  const created = await ensureFirstOrganiser(store.db, store.congressId, settings);
  if (created?.generatedPassword) {
    console.log(`\nFirst organiser account created: ${created.email}\nIts password, shown only this once: ${created.generatedPassword}\n`);
  } else if (created) {
    console.log(`First organiser account created: ${created.email}`);
  }
  return firstOwnerId(store.db, store.congressId)!;
}

/** Adds the synthetic delegates of the demo congress to a database that has no delegates yet. */
export async function seedDemoDelegatesIfEmpty(store: RegistrationStore, organiserId: number, howMany: number) {
  if (howMany <= 0 || store.db.select({ n: count() }).from(delegates).get()!.n > 0) return null;
  // Loaded only here: the name generator carries every locale's data, which a running server does not need.
  const { addDemoDelegates } = await import('./registration/demo-delegates.ts');
  return addDemoDelegates(store, { seed: defaultDemoSeed, count: howMany, organiserId });
}
