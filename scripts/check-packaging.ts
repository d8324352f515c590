// npm run check:packaging — runs in CI, without Electron:
//  1. the packaging configuration (scripts/packaging/builder-config.ts with the example
//     release config, and with release-config.json when there is one) packs everything
//     the app loads at run time (scripts/packaging/check.ts);
//  2. the bundles are built (scripts/build-electron.ts) and the core process bundle is
//     started the way Electron starts it — a process whose parentPort talks to this one —
//     on a fresh database with the migrations laid out as extraResources lays them out:
//     it opens, migrates, answers calls and closes. What a packaged build would add
//     (Electron's ABI for better-sqlite3, asar) cannot be checked here.
import { fork, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RpcPeer, type Port, type RpcMessage } from '../electron/core-host/rpc.ts';
import { builderConfig } from './packaging/builder-config.ts';
import { checkPackaging, matchesFileSet } from './packaging/check.ts';
import { exampleReleaseConfigFile, loadReleaseConfig, parseReleaseConfig } from './packaging/release-config.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function staticChecks(): string[] {
  const problems: string[] = [];
  const example = parseReleaseConfig(JSON.parse(readFileSync(exampleReleaseConfigFile, 'utf8')), false);
  problems.push(...checkPackaging({ root, config: builderConfig(example), release: example }));
  const real = process.env['QKL_RELEASE_CONFIG'] || existsSync(path.join(root, 'release-config.json'));
  if (real) {
    try {
      const release = loadReleaseConfig(root);
      problems.push(...checkPackaging({ root, config: builderConfig(release), release }).map((p) => `release config: ${p}`));
    } catch (error) {
      problems.push(`release config: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return problems;
}

/** The child's side: process.parentPort as Electron gives it to a utility process, over Node's IPC channel. */
const parentPortShim = `
const { EventEmitter } = require('node:events');
const port = new EventEmitter();
port.postMessage = (message) => process.send(message);
process.on('message', (data) => port.emit('message', { data }));
process.parentPort = port;
`;

async function smoke(): Promise<string[]> {
  const build = spawnSync(process.execPath, [...process.execArgv, path.join(root, 'scripts/build-electron.ts')], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) return [`the Electron bundles do not build:\n${build.stdout}${build.stderr}`];
  const work = mkdtempSync(path.join(os.tmpdir(), 'qkl-packaging-'));
  try {
    // resources/migrations as extraResources writes it
    const example = parseReleaseConfig(JSON.parse(readFileSync(exampleReleaseConfigFile, 'utf8')), false);
    const set = (builderConfig(example).extraResources as Array<{ from: string; to: string; filter: string[] }>).find((s) => s.from === 'db/migrations')!;
    const migrations = path.join(work, 'resources', set.to);
    cpSync(path.join(root, 'db/migrations'), migrations, { recursive: true, filter: (src) => {
      const rel = path.relative(path.join(root, 'db/migrations'), src).split(path.sep).join('/');
      return rel === '' || rel === 'meta' || matchesFileSet(rel, set.filter);
    } });
    const shim = path.join(work, 'parent-port.cjs');
    writeFileSync(shim, parentPortShim);
    const child = fork(path.join(root, 'dist/electron/core-process.cjs'), [], { execArgv: ['--require', shim], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const port: Port = {
      post: (message) => child.send(message),
      listen(listener) {
        const onMessage = (message: unknown) => listener(message as RpcMessage);
        child.on('message', onMessage);
        return () => void child.off('message', onMessage);
      },
    };
    const peer = new RpcPeer(port);
    const problems: string[] = [];
    const expectOk = async (what: string, result: Promise<{ ok: boolean; code?: string; message?: string; value?: unknown }>) => {
      const r = await result;
      if (!r.ok) problems.push(`${what}: ${r.code} ${r.message}`);
      return r.value;
    };
    const dataDir = path.join(work, 'data');
    mkdirSync(dataDir);
    const started = (await expectOk('core process start', peer.op('start', { file: path.join(dataDir, 'qkl.sqlite'), migrationsDir: migrations, safeStorageAvailable: false }))) as { started: boolean; failure?: { detail: string } } | undefined;
    if (started && !started.started) problems.push(`the core process could not open a database: ${started.failure?.detail}`);
    else {
      await expectOk('node.init', peer.call('node.init', { role: 'district', name: '塘桥分局', districtId: 'seed-district-03', operatorName: '检查员', operatorTitle: '打包检查' }));
      const stats = (await expectOk('stats.get', peer.call('stats.get', {}))) as { districts?: number } | undefined;
      if (stats && stats.districts !== 16) problems.push(`the packaged migrations did not seed the 16 districts (${stats.districts})`);
      // a call that needs the JSON data compiled into the worker (the 2026 official calendar)
      await expectOk('hazards.deadlinePreview', peer.call('hazards.deadlinePreview', { from: '2026-10-01', workingDays: 10 }));
      await expectOk('jobs.progress', peer.call('jobs.progress', { jobId: 'job-packaging-1' }));
      await expectOk('core process close', peer.op('close'));
    }
    const code = await Promise.race([exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 15_000))]);
    if (code === 'timeout') {
      child.kill();
      problems.push('the core process did not exit after close');
    } else if (code !== 0) problems.push(`the core process exited with ${code}`);
    return problems;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const problems = staticChecks();
  const runSmoke = !process.argv.includes('--static');
  if (problems.length === 0 && runSmoke) problems.push(...(await smoke()));
  if (problems.length > 0) {
    console.error(`packaging check failed:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exitCode = 1;
    return;
  }
  console.log(`packaging check passed${runSmoke ? ' (configuration, and the core process bundle started without Electron)' : ' (configuration)'}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
