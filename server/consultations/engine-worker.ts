/** Runs the consultation engine off the server's thread, reporting progress at most ten times a second. */
import { parentPort, workerData } from 'node:worker_threads';
import type { ConsultationInstance } from './engine/contract.ts';
import { scheduleConsultations } from './engine/schedule-consultations.ts';
import type { EngineMessage } from './engine-run.ts';
import { describeUnplacedInEnglish } from './unplaced-reason.ts';

const { instance, seconds } = workerData as { instance: ConsultationInstance; seconds: number };
const post = (message: EngineMessage) => parentPort!.postMessage(message);
const total = instance.meetings.length;
const started = performance.now();
let reported = -Infinity;
let reportedPhase = '';
const plan = scheduleConsultations(instance, {
  timeLimitMs: seconds * 1000,
  describe: describeUnplacedInEnglish,
  onProgress: ({ phase, placed }) => {
    const now = performance.now();
    // A new phase always goes out; within one, a report every tenth of a second is plenty.
    if (phase === reportedPhase && now - reported < 100) return;
    reported = now;
    reportedPhase = phase;
    post({ type: 'progress', phase, placed, total, elapsed: (now - started) / 1000, seconds });
  },
});
post({ type: 'done', schedule: plan.schedule });
