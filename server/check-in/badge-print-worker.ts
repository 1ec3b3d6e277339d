/** Renders badge PDFs off the server's thread: 900 badges take seconds of drawing the server should spend answering. */
import { parentPort } from 'node:worker_threads';
import { renderBadges } from './badge-pdf.ts';
import type { BadgeJob, BadgeJobResult } from './badge-printer.ts';

parentPort!.on('message', async ({ id, secret, holders, language }: BadgeJob) => {
  let result: BadgeJobResult;
  try {
    result = { id, pdf: await renderBadges(secret, holders, language) };
  } catch (error) {
    result = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(result);
});
