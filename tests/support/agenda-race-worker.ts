/**
 * One of several processes signing delegates up for (`add`) or off (`remove`) the same side event on one database file.
 * argv: database path, session code, start time (ms since epoch), add | remove, comma-separated delegate ids.
 * Prints each outcome as JSON: the status given, or `removed`.
 */
import { openDatabase } from '../../server/database/connection.ts';
import { ensureDemoCongress } from '../../server/congress/demo-congress.ts';
import { addToAgenda, removeFromAgenda } from '../../server/programme/agenda-service.ts';

const [databasePath, session, startAt, action, ids] = process.argv.slice(2);
const db = openDatabase(databasePath!);
const congressId = ensureDemoCongress(db);
const outcomes: string[] = [];
while (Date.now() < Number(startAt)) {
  // Spin so that every process starts in the same millisecond.
}
for (const id of ids!.split(',').map(Number)) {
  try {
    if (action === 'remove') {
      removeFromAgenda(db, congressId, id, session!);
      outcomes.push('removed');
    } else outcomes.push(addToAgenda(db, congressId, id, session!));
  } catch (error) {
    outcomes.push(`error: ${(error as Error).message}`);
  }
}
db.$client.close();
process.stdout.write(JSON.stringify(outcomes));
