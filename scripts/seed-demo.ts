/**
 * `npm run seed:demo -- [--seed N] [--count N] [--consultation-results]`: adds synthetic delegates of the demo congress,
 * the same for the same seed; with `--consultation-results`, records the export consultation's 2015 results on the demo day.
 */
import { parseArgs } from 'node:util';
import { readConfig } from '../server/config.ts';
import { openDatabase } from '../server/database/connection.ts';
import { ensureDemoCongress } from '../server/congress/demo-congress.ts';
import { prepareRegistrationStatements } from '../server/registration/registration-store.ts';
import { addDemoDelegates } from '../server/registration/demo-delegates.ts';
import { defaultDemoSeed, prepareOrganiser } from '../server/demo-setup.ts';
import { recordDemoConsultationResults } from '../server/consultations/demo-consultation.ts';

const { values } = parseArgs({ options: { seed: { type: 'string', default: String(defaultDemoSeed) }, count: { type: 'string', default: '900' }, 'consultation-results': { type: 'boolean', default: false } } });
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
if (values['consultation-results']) {
  const recorded = db.transaction((tx) => recordDemoConsultationResults(tx, store.congressId));
  console.log(recorded > 0 ? `The 2015 export consultation results: ${recorded} meetings held, recorded.` : 'The demo day already has outcomes; left as it was.');
}
db.$client.close();
