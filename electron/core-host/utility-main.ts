import path from 'node:path';
import { bundledCoreWorker } from './core-host.ts';
import { serveCoreProcess } from './core-process-server.ts';
import { utilityParentPort, type UtilityParentLike } from './ports.ts';

// The entry of Electron's core process (utilityProcess.fork), bundled to
// dist/electron/core-process.cjs beside dist/electron/core-worker.cjs. No electron
// import: a utility process gets its port to the main process as process.parentPort.

const parent = (process as unknown as { parentPort: UtilityParentLike }).parentPort;

serveCoreProcess(utilityParentPort(parent), {
  spawn: bundledCoreWorker(path.join(__dirname, 'core-worker.cjs')),
  exit: (code) => process.exit(code),
  log: (message, error) => console.error(`[core] ${message}`, error ?? ''),
});
