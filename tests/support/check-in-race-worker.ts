/**
 * One desk of several scanning the same badges at once on one database file.
 * argv: database path, start time (ms since epoch), desk, account id, comma-separated badge codes. Prints each status as JSON.
 */
import { openDatabase } from '../../server/database/connection.ts';
import { ensureDemoCongress } from '../../server/congress/demo-congress.ts';
import { checkIn } from '../../server/check-in/check-in-service.ts';

const [databasePath, startAt, desk, accountId, codes] = process.argv.slice(2);
const db = openDatabase(databasePath!);
const congressId = ensureDemoCongress(db);
const outcomes: string[] = [];
while (Date.now() < Number(startAt)) {
  // Spin so that every desk scans in the same millisecond.
}
for (const code of codes!.split(',')) {
  try {
    outcomes.push(checkIn(db, congressId, code, desk!, Number(accountId)).status);
  } catch (error) {
    outcomes.push(`error: ${(error as Error).message}`);
  }
}
db.$client.close();
process.stdout.write(JSON.stringify(outcomes));
