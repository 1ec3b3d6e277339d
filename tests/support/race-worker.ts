/**
 * One of several processes racing for the same category's places on one database file.
 * argv: database path, attempts, start time (ms since epoch), worker number, comma-separated categories taken in turn,
 * and optionally the slug of the edition registered for (the demo by default).
 * Prints the category and status of each attempt as JSON.
 */
import { openDatabase } from '../../server/database/connection.ts';
import { ensureDemoCongress } from '../../server/congress/demo-congress.ts';
import { prepareRegistrationStatements } from '../../server/registration/registration-store.ts';
import { register } from '../../server/registration/registration-service.ts';

const [databasePath, attempts, startAt, worker, categoryList, slug] = process.argv.slice(2);
const categories = categoryList!.split(',');
const db = openDatabase(databasePath!);
const demoId = ensureDemoCongress(db);
const congressId = slug ? (db.$client.prepare('select id from congresses where slug = ?').pluck().get(slug) as number) : demoId;
const store = { db, congressId, statements: prepareRegistrationStatements(db), mailing: false };
const outcomes: string[] = [];
while (Date.now() < Number(startAt)) {
  // Spin so that every process starts registering in the same millisecond.
}
for (let attempt = 0; attempt < Number(attempts); attempt++) {
  try {
    const { body } = register(store, {
      givenName: 'Racer',
      familyName: `${worker}-${attempt}`,
      email: `racer-${worker}-${attempt}@example.org`,
      country: 'KR',
      category: categories[attempt % categories.length]!,
      languages: ['ko'],
    }, 'ko');
    outcomes.push(`${categories[attempt % categories.length]} ${body.status}`);
  } catch (error) {
    outcomes.push(`error: ${(error as Error).message}`);
  }
}
db.$client.close();
process.stdout.write(JSON.stringify(outcomes));
