import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HostEvent } from '../../electron/api/host-events.ts';
import { CoreHost, sourceCoreWorker, type SpawnCore, type WorkerLike } from '../../electron/core-host/core-host.ts';
import { routeCalls } from '../../electron/core-host/host-calls.ts';
import { OpenedFiles } from '../../electron/core-host/opened-files.ts';
import { writeLargeLedger } from '../../electron/core-host/testing/large-ledger.ts';
import { tempDir } from '../../tests/support/temp.ts';
import { startWebHost, type WebHost } from './server.ts';
import { webHostCalls } from './web-host-calls.ts';

// The browser host as `npm start` runs it: HTTP in this thread, the core in worker
// threads on a real SQLite file.

let temp: ReturnType<typeof tempDir>;
let core: CoreHost | null = null;
let web: WebHost | null = null;
afterEach(async () => {
  await web?.close();
  await core?.close();
  web = null;
  core = null;
  temp?.cleanup();
});

async function start(spawn: SpawnCore = sourceCoreWorker()) {
  temp = tempDir();
  const root = path.join(temp.dir, 'renderer');
  mkdirSync(root);
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head></html>');
  core = await CoreHost.start({ file: temp.file('qkl.sqlite'), host: 'web', spawn, log: () => {} });
  const listeners = new Set<(event: HostEvent) => void>();
  const c = core;
  c.on('stopped', () => listeners.forEach((l) => l('core-stopped')));
  c.on('started', () => listeners.forEach((l) => l('core-started')));
  const opened = new OpenedFiles((file) => c.grant(file, 'file'), () => listeners.forEach((l) => l('files-opened')));
  web = await startWebHost({
    core: routeCalls(c, webHostCalls(c, opened)),
    rootDir: root,
    port: 0,
    events: { subscribe: (l) => (listeners.add(l), () => listeners.delete(l)) },
    resolveRef: (ref) => c.resolveRef(ref),
  });
  return { opened };
}

const post = (url: string, body: unknown) =>
  fetch(`${web!.url}${url}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-qkl-token': web!.token }, body: JSON.stringify(body) });

async function call<T = unknown>(name: string, input: unknown = {}): Promise<T> {
  const result = (await (await post(`/api/${name}`, input)).json()) as { ok: boolean; value?: T; code?: string; message?: string };
  if (!result.ok) throw new Error(`${name} refused: ${result.code} ${result.message}`);
  return result.value as T;
}

describe('browser host on the core in worker threads', () => {
  it('answers a read and jobs.progress while a large import applies, both before the import resolves', async () => {
    await start();
    await call('node.init', { role: 'district', name: '塘桥分局', districtId: 'seed-district-03', operatorName: '王敏', operatorTitle: '科员' });
    const ledger = temp.file('台账.xlsx');
    await writeLargeLedger(ledger, 50_000);
    // as the window does it: the file is uploaded, previewed, then applied under a job id
    const staged = await call<{ id: string }>('files.stage', { name: '台账.xlsx', contentBase64: readFileSync(ledger).toString('base64') });
    const plan = await call<{ planId: string; equipment: { inserted: number } }>('ledger.preview', { source: { kind: 'staged', id: staged.id } });
    expect(plan.equipment.inserted).toBe(50_000);

    const order: string[] = [];
    const apply = call('ledger.apply', { planId: plan.planId, jobId: 'job-order-test' }).then((summary) => {
      order.push('ledger.apply');
      return summary;
    });
    // wait until the import is inside its write transaction: the core's thread is busy for good now
    for (;;) {
      const progress = await call<{ phase: string; done: number; state: string }>('jobs.progress', { jobId: 'job-order-test' });
      if (progress.phase === '写入数据库' && progress.done > 0) break;
      if (progress.state !== 'running' && progress.state !== 'unknown') throw new Error(`import ended before the test could ask: ${progress.state}`);
      await new Promise((r) => setTimeout(r, 5));
    }
    const read = call<{ units: number }>('stats.get').then((stats) => {
      order.push('stats.get');
      return stats;
    });
    const summary = call('registry.summary', {}).then(() => order.push('registry.summary'));
    const progress = call<{ state: string; phase: string }>('jobs.progress', { jobId: 'job-order-test' }).then((p) => {
      order.push('jobs.progress');
      return p;
    });
    const [stats, , running] = await Promise.all([read, summary, progress, apply]);
    expect(order.indexOf('jobs.progress')).toBeLessThan(order.indexOf('ledger.apply'));
    expect(order.indexOf('registry.summary')).toBeLessThan(order.indexOf('ledger.apply'));
    expect(order.indexOf('stats.get')).toBeLessThan(order.indexOf('ledger.apply'));
    expect(running).toMatchObject({ state: 'running', phase: '写入数据库' });
    // the reader saw the database as it was before the import's commit
    expect(stats.units).toBe(0);
    expect(await call<{ equipment: number }>('stats.get')).toMatchObject({ equipment: 50_000 });
  }, 300_000);

  it('streams host events to the page and restarts the core on the page’s request', async () => {
    const threads: WorkerLike[] = [];
    const source = sourceCoreWorker();
    await start((init) => {
      const worker = source(init);
      threads.push(worker);
      return worker;
    });
    expect((await post('/__qkl/events', {}).then((r) => r.status))).toBe(200);
    const unauthorised = await fetch(`${web!.url}/__qkl/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(unauthorised.status).toBe(401);

    const stream = await post('/__qkl/events', {});
    const reader = stream.body!.getReader();
    const seen: string[] = [];
    const reading = (async () => {
      let buffered = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffered += new TextDecoder().decode(value);
        for (const line of buffered.split('\n').slice(0, -1)) seen.push((JSON.parse(line) as { event: string }).event);
        buffered = buffered.slice(buffered.lastIndexOf('\n') + 1);
      }
    })();
    await expect.poll(() => seen).toEqual(['open']);

    expect(await call('host.status')).toEqual({ kind: 'web', core: 'running', canPickFolder: false, canSavePdf: false });
    await threads[0]!.terminate();
    await expect.poll(() => seen).toEqual(['open', 'core-stopped']);
    expect(await call('host.status')).toMatchObject({ core: 'stopped' });
    expect(await (await post('/api/stats.get', {})).json()).toMatchObject({ ok: false, code: 'CORE_STOPPED' });

    expect(await call('host.restartCore')).toMatchObject({ core: 'running' });
    await expect.poll(() => seen).toEqual(['open', 'core-stopped', 'core-started']);
    expect(await call('stats.get')).toMatchObject({ districts: 16 });
    await reader.cancel();
    await reading.catch(() => undefined);
  }, 120_000);

  it('offers opened bundle files once, by reference, and serves a file the core made only by its reference', async () => {
    const { opened } = await start();
    const bundle = temp.file('塘桥分局-0007-2026-12-01.qklb');
    writeFileSync(bundle, 'not really a bundle');
    expect(await opened.add([bundle, temp.file('missing.qklb')])).toBe(1);
    const first = await call<{ files: Array<{ ref: string; name: string; size: number }> }>('host.openedFiles');
    expect(first.files).toEqual([{ ref: expect.stringMatching(/^picked:[0-9a-f]{32}$/), name: '塘桥分局-0007-2026-12-01.qklb', size: 19 }]);
    expect(JSON.stringify(first)).not.toContain(temp.dir);
    expect(await call('host.openedFiles')).toEqual({ files: [] });

    const download = await post('/__qkl/download', { ref: first.files[0]!.ref });
    expect(download.status).toBe(200);
    expect(await download.text()).toBe('not really a bundle');
    expect((await post('/__qkl/download', { ref: `picked:${'0'.repeat(32)}` })).status).toBe(404);
    expect((await post('/__qkl/download', { ref: bundle })).status).toBe(400);
    // a page cannot hand the core a path either
    expect(await (await post('/api/bundles.scan', { dir: temp.dir })).json()).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await (await post('/api/host.pickFolder', { purpose: 'bundle-export' })).json()).toEqual({ ok: true, value: { folder: null } });
  }, 120_000);
});
