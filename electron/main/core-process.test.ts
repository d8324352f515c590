import { EventEmitter } from 'node:events';
import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../tests/support/temp.ts';
import type { SafeStorageLike } from '../core/context.ts';
import { sourceCoreWorker, type WorkerLike } from '../core-host/core-host.ts';
import { CORE_THREAD_DIED, serveCoreProcess } from '../core-host/core-process-server.ts';
import { utilityParentPort, type UtilityParentLike } from '../core-host/ports.ts';
import { CoreOpenError } from '../core-host/runner.ts';
import { CoreProcess, type UtilityProcessLike } from './core-process.ts';

// The main process's CoreProcess against the real core process logic
// (serveCoreProcess, the same code as dist/electron/core-process.cjs) and the real core
// in worker threads. Only Electron's utilityProcess is stood in for: a pair of message
// ends that copy each message as the process boundary does, and an exit event.

class FakeUtilityProcess extends EventEmitter implements UtilityProcessLike {
  exitCode: number | null = null;
  readonly threads: WorkerLike[] = [];
  /** process.parentPort inside the "process" */
  readonly parentPort: UtilityParentLike & EventEmitter;

  constructor() {
    super();
    const parent = new EventEmitter() as UtilityParentLike & EventEmitter;
    parent.postMessage = (message: unknown) => setImmediate(() => this.exitCode === null && this.emit('message', structuredClone(message)));
    this.parentPort = parent;
  }

  postMessage(message: unknown): void {
    setImmediate(() => this.exitCode === null && this.parentPort.emit('message', { data: structuredClone(message) }));
  }

  kill(): boolean {
    this.exit(15);
    return true;
  }

  exit(code: number): void {
    if (this.exitCode !== null) return;
    this.exitCode = code;
    this.emit('exit', code);
  }
}

let temp: ReturnType<typeof tempDir>;
let core: CoreProcess | null = null;
const forked: FakeUtilityProcess[] = [];
afterEach(async () => {
  await core?.close();
  core = null;
  forked.length = 0;
  temp?.cleanup();
});

function fork(): UtilityProcessLike {
  const child = new FakeUtilityProcess();
  const source = sourceCoreWorker();
  serveCoreProcess(utilityParentPort(child.parentPort), {
    spawn: (init) => {
      const worker = source(init);
      child.threads.push(worker);
      return worker;
    },
    exit: (code) => child.exit(code),
    log: () => {},
  });
  forked.push(child);
  return child;
}

/** Electron's safeStorage as the main process has it: reversible, and not the plain text. */
const safeStorage: SafeStorageLike & { calls: string[] } = {
  calls: [],
  isEncryptionAvailable: () => true,
  encryptString(plain) {
    this.calls.push('encrypt');
    return Buffer.from(`os-sealed:${plain}`);
  },
  decryptString(sealed) {
    this.calls.push('decrypt');
    const text = sealed.toString('utf8');
    if (!text.startsWith('os-sealed:')) throw new Error('not sealed by this OS account');
    return text.slice('os-sealed:'.length);
  },
};

async function ok<T = unknown>(name: string, input: unknown = {}): Promise<T> {
  const result = await core!.callByName(name, input);
  if (!result.ok) throw new Error(`${name} refused: ${result.code} ${result.message}`);
  return result.value as T;
}

describe('CoreProcess (Electron main ↔ core process ↔ core threads)', () => {
  it('forwards calls to the core in its own process and answers its safeStorage questions', async () => {
    temp = tempDir();
    core = await CoreProcess.start({ fork, start: { file: temp.file('qkl.sqlite') }, safeStorage, log: () => {} });
    expect(core.state).toBe('running');
    await ok('node.init', { role: 'bureau', name: '市局特设科', operatorName: '王敏', operatorTitle: '科员' });
    expect(await ok('keys.status')).toMatchObject({ hasKeys: true, protection: 'safeStorage' });
    // the bureau's backup key is opened to print its sheet: decrypted by the main process
    expect(await ok('keys.recoverySheet', {})).toBeTruthy();
    expect(safeStorage.calls).toEqual(expect.arrayContaining(['encrypt', 'decrypt']));
    expect(await ok('stats.get')).toMatchObject({ districts: 16 });
    expect(await core.callByName('jobs.progress', { jobId: 'job-12345678' })).toMatchObject({ ok: true, value: { state: 'unknown' } });
  }, 60_000);

  it('reports a crash of the core, answers what waits with CORE_STOPPED, and restarts in a new process', async () => {
    temp = tempDir();
    core = await CoreProcess.start({ fork, start: { file: temp.file('qkl.sqlite') }, safeStorage: null, log: () => {} });
    await ok('node.init', { role: 'district', name: '塘桥分局', districtId: 'seed-district-03', operatorName: '王敏', operatorTitle: '科员' });
    const stopped: string[] = [];
    const started: string[] = [];
    core.on('stopped', (reason) => stopped.push(reason));
    core.on('started', (reason) => started.push(reason));

    // a core thread dies: the core process says so and exits
    await forked[0]!.threads[0]!.terminate();
    await expect.poll(() => stopped).toEqual([`core process exited with ${CORE_THREAD_DIED}`]);
    expect(core.state).toBe('stopped');
    expect(await core.callByName('stats.get', {})).toMatchObject({ ok: false, code: 'CORE_STOPPED' });

    await core.restart();
    expect(started).toEqual(['restarted']);
    expect(forked).toHaveLength(2);
    expect(await ok('node.get')).toMatchObject({ name: '塘桥分局' });

    // and a process killed from outside is a crash too
    forked[1]!.exit(9);
    await expect.poll(() => stopped.length).toBe(2);
  }, 90_000);

  it('says why the database cannot be opened and leaves no process behind; a normal close is no crash', async () => {
    temp = tempDir();
    writeFileSync(temp.file('bad.sqlite'), Buffer.alloc(8192, 'not a database '));
    const failed = await CoreProcess.start({ fork, start: { file: temp.file('bad.sqlite') }, safeStorage: null, log: () => {} }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(CoreOpenError);
    expect(failed).toMatchObject({ code: 'DB_CORRUPT' });
    expect(forked[0]!.exitCode).not.toBeNull();

    core = await CoreProcess.start({ fork, start: { file: temp.file('qkl.sqlite') }, safeStorage: null, log: () => {} });
    const stopped: string[] = [];
    core.on('stopped', (reason) => stopped.push(reason));
    await core.close();
    expect(forked[1]!.exitCode).toBe(0);
    expect(stopped).toEqual([]);
    expect(await core.callByName('stats.get', {})).toMatchObject({ ok: false, code: 'CORE_STOPPED' });
  }, 60_000);
});
