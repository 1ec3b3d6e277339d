import type { Worker } from 'node:worker_threads';
import type { UiLanguage } from '../../shared/languages.ts';
import type { Executor } from '../database/transaction.ts';
import { startTypeScriptWorker } from '../scheduling/typescript-worker.ts';
import type { BadgeHolder } from './badge-pdf.ts';
import { badgeSecret } from './badge-token.ts';

export interface BadgeJob {
  id: number;
  secret: string;
  holders: BadgeHolder[];
  language: UiLanguage;
}
export type BadgeJobResult = { id: number; pdf: Uint8Array } | { id: number; error: string };

/**
 * One printing thread for the whole process, started on the first print and kept (fonts loaded) for the next;
 * it keeps the process alive only while it has jobs. Jobs are printed in the order they come.
 */
let printer: Worker | null = null;
const waiting = new Map<number, { resolve: (pdf: Buffer) => void; reject: (error: Error) => void }>();
let nextJob = 0;

function printingThread(): Worker {
  if (printer) return printer;
  const worker = startTypeScriptWorker(new URL('./badge-print-worker.ts', import.meta.url), null);
  worker.on('message', (result: BadgeJobResult) => {
    const job = waiting.get(result.id);
    waiting.delete(result.id);
    if (waiting.size === 0) worker.unref();
    if ('pdf' in result) job?.resolve(Buffer.from(result.pdf.buffer, result.pdf.byteOffset, result.pdf.byteLength));
    else job?.reject(new Error(result.error));
  });
  // A thread that died takes its jobs with it; the next print starts a new one.
  const fail = (error: Error) => {
    if (printer === worker) printer = null;
    for (const job of waiting.values()) job.reject(error);
    waiting.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the badge printing thread stopped with code ${code}`)));
  return (printer = worker);
}

/** The badges of `holders` as one PDF, drawn in the printing thread while the server goes on answering. */
export function printBadges(db: Executor, congressId: number, holders: BadgeHolder[], language: UiLanguage): Promise<Buffer> {
  const job: BadgeJob = { id: nextJob++, secret: badgeSecret(db, congressId), holders, language };
  return new Promise<Buffer>((resolve, reject) => {
    waiting.set(job.id, { resolve, reject });
    const thread = printingThread();
    thread.ref();
    thread.postMessage(job);
  });
}
