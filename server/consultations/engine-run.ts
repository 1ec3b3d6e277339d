import type { ConsultationInstance, ConsultationSchedule } from './engine/contract.ts';
import type { PlanProgress } from '../../shared/consultation-plan-schema.ts';
import { startTypeScriptWorker } from '../scheduling/typescript-worker.ts';

export type EngineMessage = ({ type: 'progress' } & PlanProgress) | { type: 'done'; schedule: ConsultationSchedule };

/** How often the screen hears of a run: the engine reports when it can, the clock moves on in between. */
const progressEveryMs = 250;

/**
 * Runs the engine on `instance` in a worker thread, so the server keeps answering (and pushing progress) meanwhile.
 * `onProgress` gets the engine's latest figures with the time spent so far, every quarter of a second.
 */
export function scheduleInWorker(instance: ConsultationInstance, seconds: number, onProgress: (progress: PlanProgress) => void): Promise<ConsultationSchedule> {
  const worker = startTypeScriptWorker(new URL('./engine-worker.ts', import.meta.url), { instance, seconds });
  const started = performance.now();
  let latest: PlanProgress = { phase: 'placing', placed: 0, total: instance.meetings.length, elapsed: 0, seconds };
  const ticker = setInterval(() => onProgress({ ...latest, elapsed: Math.min(seconds, (performance.now() - started) / 1000) }), progressEveryMs);
  return new Promise<ConsultationSchedule>((resolve, reject) => {
    worker.on('message', (message: EngineMessage) => {
      if (message.type === 'progress') {
        const { type: _type, ...progress } = message;
        latest = progress;
        return;
      }
      resolve(message.schedule);
      void worker.terminate();
    });
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`the engine's worker stopped with code ${code}`)));
  }).finally(() => clearInterval(ticker));
}
