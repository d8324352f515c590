import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { callNames } from '../../electron/api/contract.ts';
import { districtCore, type TestCore } from '../../tests/support/core.ts';
import { startWebHost, type WebHost } from './server.ts';

let t: TestCore;
let host: WebHost;
afterEach(async () => {
  await host?.close();
  t?.cleanup();
});

async function start() {
  t = await districtCore();
  const root = path.join(t.dir, 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head></html>');
  writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(t.dir, 'secret.txt'), 'secret');
  host = await startWebHost({ core: t.core, rootDir: root, port: 0 });
}

const post = (name: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${host.url}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-qkl-token': host.token, ...headers },
    body: JSON.stringify(body),
  });

describe('browser host', () => {
  it('forwards contract calls to the same core', async () => {
    await start();
    const response = await post('stats.get', {});
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, value: { units: 0, equipment: 0, managers: 0, districts: 16 } });
    expect(await (await post('units.create', { districtId: 'seed-district-03', name: '甲', uscc: 'bad' })).json()).toMatchObject({
      ok: false,
      code: 'VALIDATION',
    });
  });

  it('refuses calls without the per-run token, from another origin, or under another host name', async () => {
    await start();
    expect((await post('stats.get', {}, { 'x-qkl-token': '' })).status).toBe(401);
    expect((await post('stats.get', {}, { 'x-qkl-token': 'f'.repeat(64) })).status).toBe(401);
    expect((await post('stats.get', {}, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await post('stats.get', {}, { 'content-type': 'text/plain' })).status).toBe(415);
    const rebinding = await new Promise<number>((resolve) => {
      const url = new URL(host.url);
      import('node:http').then(({ request }) =>
        request({ host: url.hostname, port: url.port, path: '/api/stats.get', method: 'POST', headers: { host: `evil.example:${url.port}`, 'x-qkl-token': host.token } }, (res) =>
          resolve(res.statusCode ?? 0),
        ).end('{}'),
      );
    });
    expect(rebinding).toBe(421);
    expect((await fetch(`${host.url}/api/stats.get`)).status).toBe(405);
  });

  it('serves the app page with the bridge injected before the app, and never files outside the build', async () => {
    await start();
    const page = await fetch(`${host.url}/units`);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await page.text();
    expect(html.indexOf('/__qkl/bridge.js')).toBeGreaterThan(-1);
    expect(html.indexOf('/__qkl/bridge.js')).toBeLessThan(html.indexOf('/assets/app.js'));
    const bridge = await (await fetch(`${host.url}/__qkl/bridge.js`)).text();
    for (const name of callNames) expect(bridge).toContain(`"${name}"`);
    expect(await (await fetch(`${host.url}/assets/app.js`)).text()).toBe('console.log(1)');
    for (const evil of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/assets%5c..%5c..%5csecret.txt']) {
      const response = await fetch(`${host.url}${evil}`);
      expect(await response.text(), evil).not.toContain('secret');
    }
  });
});
