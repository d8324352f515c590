// The worker side of `grade-exam.ts`'s threaded read (not a benchmark itself): the answer sheets streamed by the
// product's xlsx reader on this thread, each batch of rows posted to the parent as it is parsed, at most AHEAD
// batches ahead of what the parent has taken (so a slow parent does not make this thread hold the whole sheet).
// Started through electron/core-host/dev-worker.mjs, which registers tsx in the worker.
import { parentPort, workerData } from 'node:worker_threads';
import { MAX_COLUMNS } from '../../electron/core/sheets/caps.ts';
import { readXlsx } from '../../electron/core/sheets/xlsx-reader.ts';

const AHEAD = 8;
const port = parentPort!;
const { file } = workerData as { file: string };
let ahead = 0;
let resume: (() => void) | null = null;
// each message from the parent: one batch taken
port.on('message', () => {
  ahead--;
  resume?.();
  resume = null;
});
const source = readXlsx(file, MAX_COLUMNS);
try {
  for await (const sheet of source.sheets) {
    for await (const batch of sheet.batches) {
      port.postMessage(batch);
      if (++ahead >= AHEAD) await new Promise<void>((r) => (resume = r));
    }
  }
} finally {
  source.close();
}
// the end: the parent ends this thread
port.postMessage(null);
