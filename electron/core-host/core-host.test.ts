import { writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../api/errors.ts';
import { tempDir } from '../../tests/support/temp.ts';
import { cancelledInWriteMessage } from '../core/jobs/job-registry.ts';
import { CoreHost, sourceCoreWorker, type SpawnCore, type WorkerLike } from './core-host.ts';
import { CoreOpenError } from './runner.ts';
import { writeLargeLedger } from './testing/large-ledger.ts';

// The real core in real worker threads on a real SQLite file: what the browser host
// and Electron's core process run.

let temp: ReturnType<typeof tempDir>;
let host: CoreHost | null = null;
afterEach(async () => {
  await host?.close();
  host = null;
  temp?.cleanup();
});

/** Core threads from the sources, remembered so a test can kill one as a crash would. */
function recordingSpawn(): { spawn: SpawnCore; threads: Array<{ role: string; worker: WorkerLike }> } {
  const threads: Array<{ role: string; worker: WorkerLike }> = [];
  const source = sourceCoreWorker();
  return {
    threads,
    spawn: (init) => {
      const worker = source(init);
      threads.push({ role: init.role, worker });
      return worker;
    },
  };
}

async function ok<T = unknown>(name: string, input: unknown = {}): Promise<T> {
  const result = await host!.callByName(name, input);
  if (!result.ok) throw new Error(`${name} refused: ${result.code} ${result.message}`);
  return result.value as T;
}

async function startDistrict(spawn: SpawnCore = sourceCoreWorker()): Promise<CoreHost> {
  temp = tempDir();
  host = await CoreHost.start({ file: temp.file('qkl.sqlite'), host: 'test', spawn, log: () => {} });
  await ok('node.init', { role: 'district', name: '塘桥分局', districtId: 'seed-district-03', operatorName: '王敏', operatorTitle: '科员' });
  return host;
}

const counts = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT (SELECT count(*) FROM units) AS units, (SELECT count(*) FROM equipment) AS equipment, (SELECT count(*) FROM audit_log) AS audit').get();
  } finally {
    db.close();
  }
};

describe('CoreHost', () => {
  it('routes writes to the writer, reads to the reader, jobs to shared memory, and refuses the window’s own calls', async () => {
    await startDistrict();
    await ok('units.create', { districtId: 'seed-district-03', name: '张家港市测试机械厂', uscc: '91320582MA1M7B3X2W' });
    // the reader sees the writer's committed row at once
    expect(await ok('stats.get')).toMatchObject({ units: 1 });
    // a write elsewhere changed a fact the unit's risk score reads (as a trigger notes it): the
    // read-only reader cannot rescore, so the host passes the read to the writer, which does
    const unitId = (await ok<{ rows: Array<{ id: string }> }>('units.query', {})).rows[0]!.id;
    const db = new Database(temp.file('qkl.sqlite'));
    db.prepare('INSERT INTO risk_dirty (unit_id) VALUES (?)').run(unitId);
    db.close();
    const { rows } = await ok<{ total: number; rows: Array<{ riskLevel: string | null }> }>('units.query', {});
    expect(counts(temp.file('qkl.sqlite'))).toMatchObject({ units: 1 });
    const check = new Database(temp.file('qkl.sqlite'), { readonly: true });
    expect(check.prepare('SELECT count(*) AS n FROM risk_dirty').get()).toEqual({ n: 0 });
    check.close();
    expect(rows).toEqual([expect.objectContaining({ riskLevel: 'low' })]);
    // fresh now: the reader answers alone, with the same row
    expect(await ok('units.query', {})).toEqual({ total: 1, rows });
    // a read that is audited (the contact sheet shows phones in full) is written by the writer
    const auditBefore = (counts(temp.file('qkl.sqlite')) as { audit: number }).audit;
    await ok('chain.roster', { contactSheet: true });
    expect(counts(temp.file('qkl.sqlite'))).toMatchObject({ audit: auditBefore + 1 });
    expect(await ok('jobs.progress', { jobId: 'job-00000001' })).toEqual({ jobId: 'job-00000001', state: 'unknown', phase: '', done: 0, total: null });
    expect(await host!.callByName('jobs.progress', { jobId: '../x' })).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(await host!.callByName('host.pickFile', { purpose: 'bundle' })).toMatchObject({ ok: false, code: 'UNKNOWN_CALL' });
    expect(await host!.callByName('no.such', {})).toMatchObject({ ok: false, code: 'UNKNOWN_CALL' });
    // validation and domain errors cross as envelopes, never stacks
    const refused = await host!.callByName('units.create', { districtId: 'seed-district-03', name: '乙', uscc: 'bad' });
    expect(refused).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(JSON.stringify(refused)).not.toMatch(/\bat \//);
  }, 60_000);

  it('answers progress and cancel while an import writes; a cancel inside the write rolls it back and says so', async () => {
    await startDistrict();
    const ledger = temp.file('ledger.xlsx');
    await writeLargeLedger(ledger, 20_000);
    const plan = await ok<{ planId: string; equipment: { inserted: number } }>('ledger.preview', { source: { kind: 'path', path: ledger } });
    expect(plan.equipment.inserted).toBe(20_000);
    const before = counts(temp.file('qkl.sqlite'));

    const settled: string[] = [];
    const apply = host!.callByName('ledger.apply', { planId: plan.planId, jobId: 'job-apply-1' }).then((r) => {
      settled.push('apply');
      return r;
    });
    // poll the board as the window does, until rows are being written
    let seen: { phase: string; done: number; total: number | null } | null = null;
    while (!seen) {
      const progress = await ok<{ state: string; phase: string; done: number; total: number | null }>('jobs.progress', { jobId: 'job-apply-1' });
      if (progress.state === 'running' && progress.phase === '写入数据库' && progress.done > 0) seen = progress;
      else if (progress.state !== 'running' && progress.state !== 'unknown') throw new Error(`import ended before it was seen writing: ${progress.state}`);
      else await new Promise((r) => setTimeout(r, 2));
    }
    expect(seen.total).toBeGreaterThan(20_000);
    expect(seen.done).toBeLessThan(seen.total!);
    expect(await ok('jobs.cancel', { jobId: 'job-apply-1' })).toEqual({ cancelled: true });
    settled.push('cancel answered');

    const result = (await apply) as Result<unknown>;
    expect(result).toMatchObject({ ok: false, code: 'CANCELLED', message: cancelledInWriteMessage });
    expect(settled).toEqual(['cancel answered', 'apply']);
    expect(await ok('jobs.progress', { jobId: 'job-apply-1' })).toMatchObject({ state: 'cancelled' });
    // nothing of the write is left, not even audit lines
    expect(counts(temp.file('qkl.sqlite'))).toEqual(before);

    // the plan was not used up: the same preview imports in full afterwards
    expect(await ok('ledger.apply', { planId: plan.planId })).toMatchObject({ equipment: { inserted: 20_000 } });
    expect(counts(temp.file('qkl.sqlite'))).toMatchObject({ equipment: 20_000 });
  }, 240_000);

  it('reports a crashed core thread, answers what was waiting, and reopens the database cleanly on restart', async () => {
    const { spawn, threads } = recordingSpawn();
    await startDistrict(spawn);
    const ledger = temp.file('ledger.xlsx');
    await writeLargeLedger(ledger, 20_000, 3);
    const plan = await ok<{ planId: string }>('ledger.preview', { source: { kind: 'path', path: ledger } });
    const before = counts(temp.file('qkl.sqlite'));
    const stopped: string[] = [];
    host!.on('stopped', (reason) => stopped.push(reason));

    const apply = host!.callByName('ledger.apply', { planId: plan.planId, jobId: 'job-crash-1' });
    for (;;) {
      const progress = await ok<{ phase: string; done: number }>('jobs.progress', { jobId: 'job-crash-1' });
      if (progress.phase === '写入数据库' && progress.done > 0) break;
      await new Promise((r) => setTimeout(r, 2));
    }
    // the writer dies in the middle of its transaction
    await threads.find((t) => t.role === 'writer')!.worker.terminate();
    expect(await apply).toMatchObject({ ok: false, code: 'CORE_STOPPED' });
    await expect.poll(() => stopped.length).toBe(1);
    expect(host!.state).toBe('stopped');
    expect(await host!.callByName('stats.get', {})).toMatchObject({ ok: false, code: 'CORE_STOPPED' });

    await host!.restart();
    expect(host!.state).toBe('running');
    expect(await ok('stats.get')).toMatchObject({ units: (before as { units: number }).units, equipment: 0 });
    expect(counts(temp.file('qkl.sqlite'))).toEqual(before);
    const db = new Database(temp.file('qkl.sqlite'), { readonly: true });
    expect(db.pragma('quick_check', { simple: true })).toBe('ok');
    db.close();
    // and it writes again
    await ok('units.create', { districtId: 'seed-district-03', name: '重启后新建单位', uscc: '91320582MA1M7B3X2W' });
  }, 240_000);

  it('says why a database cannot be opened, and starts nothing', async () => {
    temp = tempDir();
    writeFileSync(temp.file('qkl.sqlite'), Buffer.alloc(8192, 'not a database '));
    const failed = await CoreHost.start({ file: temp.file('qkl.sqlite'), host: 'test', spawn: sourceCoreWorker(), log: () => {} }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(CoreOpenError);
    expect(failed).toMatchObject({ code: 'DB_CORRUPT', message: expect.stringContaining('数据库文件已损坏') });
  }, 60_000);

  it('lets the core seal and open keys with the host’s safeStorage while it waits on shared memory', async () => {
    temp = tempDir();
    const asked: string[] = [];
    host = await CoreHost.start({
      file: temp.file('qkl.sqlite'),
      host: 'test',
      spawn: sourceCoreWorker(),
      log: () => {},
      safeStorage: {
        available: true,
        // a stand-in for Electron's safeStorage: reversible, and visibly not the plain text
        answer: async ({ op, payload }) => {
          asked.push(op);
          if (op === 'safeStorage.encrypt') return Buffer.from(`sealed:${payload}`).toString('base64');
          const text = Buffer.from(payload, 'base64').toString('utf8');
          if (!text.startsWith('sealed:')) throw new Error('not sealed here');
          return text.slice('sealed:'.length);
        },
      },
    });
    await ok('node.init', { role: 'bureau', name: '市局特设科', operatorName: '王敏', operatorTitle: '科员' });
    expect(await ok('keys.status')).toMatchObject({ hasKeys: true, protection: 'safeStorage', safeStorageAvailable: true });
    // the backup key is opened (decrypted) to print its recovery sheet
    expect(await ok('keys.recoverySheet', {})).toBeTruthy();
    expect(asked).toContain('safeStorage.encrypt');
    expect(asked).toContain('safeStorage.decrypt');
  }, 60_000);
});
