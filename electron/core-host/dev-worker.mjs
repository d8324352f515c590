// Starts a core thread from the TypeScript sources (browser host under tsx, tests):
// a worker does not inherit tsx's loader, so it registers it before loading the entry.
// The packaged app runs the bundled dist/electron/core-worker.cjs instead.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
