import path from 'node:path';
import { parseArgs } from 'node:util';
import type { HostEvent } from '../../electron/api/host-events.ts';
import { bundledCoreWorker, CoreHost, sourceCoreWorker } from '../../electron/core-host/core-host.ts';
import { routeCalls } from '../../electron/core-host/host-calls.ts';
import { OpenedFiles } from '../../electron/core-host/opened-files.ts';
import { CoreOpenError } from '../../electron/core-host/runner.ts';
import { defaultDatabaseFile } from './default-database.ts';
import { startWebHost } from './server.ts';
import { webHostCalls } from './web-host-calls.ts';

// `npm start` / `npm run start:web`: the real UI on the real core in any browser,
// for development and tests where Electron cannot run. Never packaged. The core runs
// in worker threads (electron/core-host), exactly as inside Electron's core process,
// so this process only serves HTTP and routes messages.
//   --open FILE          a .qklb to open, as a double-click opens it in the desktop app
//   --core-worker FILE   a bundled core thread (tests/e2e/support/build-tools.ts)
const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    port: { type: 'string', default: '4780' },
    root: { type: 'string', default: 'dist/renderer' },
    'print-json': { type: 'boolean' },
    open: { type: 'string', multiple: true },
    /** the 经办人 chosen at start (a person on the staff list), as QKL_OPERATOR does; else the page asks */
    operator: { type: 'string' },
    /** a bundled core thread (the e2e builds one per run) instead of the sources through tsx: the same core, started faster */
    'core-worker': { type: 'string' },
  },
});

const file = path.resolve(values.db ?? defaultDatabaseFile());
const log = (message: string, error?: unknown) => console.error(message, error ?? '');
// the 经办人 named at start: the core chooses them from its staff list at every (re)open
const operator = (values.operator ?? process.env['QKL_OPERATOR'])?.trim() || undefined;
let core: CoreHost;
try {
  core = await CoreHost.start({ file, host: 'web', spawn: values['core-worker'] ? bundledCoreWorker(path.resolve(values['core-worker'])) : sourceCoreWorker(), log, ...(operator ? { operator } : {}) });
} catch (error) {
  if (error instanceof CoreOpenError) log(`database could not be opened: ${error.detail}`);
  console.error(`错误：${error instanceof CoreOpenError && error.message ? error.message : '无法打开数据库，请查看上面的错误信息。'}`);
  process.exit(1);
}


const listeners = new Set<(event: HostEvent) => void>();
const emit = (event: HostEvent) => listeners.forEach((listener) => listener(event));
core.on('stopped', () => emit('core-stopped'));
core.on('started', () => emit('core-started'));
const opened = new OpenedFiles((bundle) => core.grant(bundle, 'file'), () => emit('files-opened'), (message) => log(message));
await opened.add((values.open ?? []).map((f) => path.resolve(f)));

const router = routeCalls(core, webHostCalls(core, opened), (name, error) => log(`[${name}]`, error));
const host = await startWebHost({
  core: router,
  rootDir: path.resolve(values.root),
  port: Number(values.port),
  events: {
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  },
  resolveRef: (ref) => core.resolveRef(ref),
});

if (values['print-json']) {
  console.log(JSON.stringify({ url: host.url, openUrl: host.openUrl, token: host.token, databaseFile: file }));
} else {
  console.log(`区块链监管工作台（浏览器模式）已启动\n  数据库：${file}\n  请在浏览器中打开：${host.openUrl}\n  按 Ctrl+C 停止。`);
}

const stop = async () => {
  await host.close();
  await core.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
