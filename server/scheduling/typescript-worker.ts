import { Worker } from 'node:worker_threads';

/**
 * A worker thread running a TypeScript module. Workers do not inherit the tsx loader the server runs under,
 * so the worker registers it itself before importing the module.
 */
export function startTypeScriptWorker(module: URL, workerData: unknown): Worker {
  const href = JSON.stringify(module.href);
  return new Worker(`import('tsx/esm/api').then(({ tsImport }) => tsImport(${href}, ${href}))`, { eval: true, workerData });
}
