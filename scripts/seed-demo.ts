/** `npm run seed:demo -- [--seed N] [--count N]`: adds synthetic delegates of the demo congress, the same for the same seed. */
import { parseArgs } from 'node:util';
import { readConfig } from '../server/config.ts';
import { openDatabase } from '../server/database/connection.ts';
import { ensureDemoCongress } from '../server/congress/demo-congress.ts';
import { prepareRegistrationStatements } from '../server/registration/registration-store.ts';
import { addDemoDelegates } from '../server/registration/demo-delegates.ts';
import { defaultDemoSeed, prepareOrganiser } from '../server/demo-setup.ts';

const { values } = parseArgs({ options: { seed: { type: 'string', default: String(defaultDemoSeed) }, count: { type: 'string', default: '900' } } });
const seed = Number(values.seed);
const howMany = Number(values.count);
if (!Number.isInteger(seed) || !Number.isInteger(howMany) || howMany < 0) {
  console.error('--seed and --count take whole numbers');
  process.exit(2);
}
const config = readConfig();
const db = openDatabase(config.databasePath);
const store = { db, congressId: ensureDemoCongress(db), statements: prepareRegistrationStatements(db), mailing: false };
const organiserId = await prepareOrganiser(store, { email: config.adminEmail, password: config.adminPassword });
const { added, skipped } = addDemoDelegates(store, { seed, count: howMany, organiserId });
console.log(`Seed ${seed}: ${added} delegates added, ${skipped} already present (${config.databasePath}).`);
db.$client.close();
