/**
 * One of several organisers' processes on one database file, each in turn changing the consultation plan and
 * publishing the revision it has just read. argv: database path, rounds, start time (ms since epoch), account id.
 * Prints the outcome of each publication as JSON.
 */
import { openDatabase } from '../../server/database/connection.ts';
import { ensureDemoCongress } from '../../server/congress/demo-congress.ts';
import { consultationInstance, importConsultationPlan, publishConsultationPlan, revisionOf } from '../../server/consultations/consultation-plan-service.ts';
import { ApiFailure } from '../../server/http/api-failure.ts';

const [databasePath, rounds, startAt, accountId] = process.argv.slice(2);
const db = openDatabase(databasePath!);
const congressId = ensureDemoCongress(db);
const outcomes: string[] = [];
while (Date.now() < Number(startAt)) {
  // Spin so that every process starts in the same millisecond.
}
for (let round = 0; round < Number(rounds); round++) {
  // A change: the day with nothing placed, which is valid and moves the revision on.
  const meetings = consultationInstance(db, congressId).meetings;
  importConsultationPlan(db, congressId, { format: 'consultation-schedule/1', assignments: [], unscheduled: meetings.map((m) => ({ meeting: m.id, reason: 'waiting' })) }, Number(accountId));
  const reviewed = revisionOf(db, congressId);
  try {
    publishConsultationPlan(db, congressId, reviewed, Number(accountId), 'race.test');
    outcomes.push('published');
  } catch (error) {
    outcomes.push(error instanceof ApiFailure ? `refused ${error.statusCode}` : `error: ${(error as Error).message}`);
  }
}
db.$client.close();
process.stdout.write(JSON.stringify(outcomes));
