import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appSchemePrivileges, contentTypeFor, isInsideRoot, registerAppProtocol, resolveAppRequest, serveAppRequest } from './app-protocol.ts';
import { APP_CSP } from './security.ts';

const root = path.resolve('/srv/qkl/dist/renderer');

function resolvedPath(url: string, method?: string): string | number {
  const result = resolveAppRequest(root, url, method);
  return result.ok ? path.relative(root, result.filePath) : result.status;
}

describe('resolveAppRequest', () => {
  it('serves files under the root', () => {
    expect(resolvedPath('app://qkl/index.html')).toBe('index.html');
    expect(resolvedPath('app://qkl/assets/index-DdA1.js')).toBe(path.join('assets', 'index-DdA1.js'));
    expect(resolvedPath('app://qkl/assets/%E5%9B%BE%E6%A0%87.png')).toBe(path.join('assets', '图标.png'));
    expect(resolvedPath('app://qkl/assets/a.js?v=2#x')).toBe(path.join('assets', 'a.js'));
  });

  it('answers client-side routes (no extension) with index.html', () => {
    expect(resolvedPath('app://qkl/')).toBe('index.html');
    expect(resolvedPath('app://qkl')).toBe('index.html');
    expect(resolvedPath('app://qkl/units')).toBe('index.html');
    expect(resolvedPath('app://qkl/units/123/')).toBe('index.html');
  });

  it('accepts GET only', () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'get']) {
      expect(resolvedPath('app://qkl/index.html', method)).toBe(405);
    }
  });

  it.each(['app://evil/index.html', 'app://qkl.evil/index.html', 'app://qkl:1/index.html', 'app://x@qkl/index.html', 'file:///srv/qkl/dist/renderer/index.html', 'https://qkl/index.html'])(
    'refuses another origin: %s',
    (url) => {
      expect(resolvedPath(url)).toBe(403);
    },
  );

  it.each([
    'app://qkl/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://qkl/assets%2F..%2F..%2F..%2Fetc%2Fpasswd.txt',
    'app://qkl/..%2F..%2Fetc%2Fpasswd.txt',
    'app://qkl/..%5C..%5Cwindows%5Cwin.ini',
    'app://qkl/assets\\..\\..\\secret.txt',
    'app://qkl/%2e%2e%5csecret.txt',
    'app://qkl/%2Fetc%2Fpasswd.txt',
    'app://qkl/C:%5Cwindows%5Cwin.ini',
    'app://qkl/C:/windows/win.ini',
    'app://qkl/index.html%00.png',
    'app://qkl/%00',
    'app://qkl/%252e%252e%252fsecret.txt',
    'app://qkl/%25%32%65%25%32%65/secret.txt',
    'app://qkl/index.html:$DATA',
    'app://qkl/assets//x.js',
    'app://qkl/nul.js',
    'app://qkl/assets/CON',
    'app://qkl/%E0%A4%A.js',
  ])('refuses the evil path %s', (url) => {
    expect(resolvedPath(url)).toBeTypeOf('number');
  });

  it('stays inside the root for dot segments the URL parser folds away', () => {
    // new URL() resolves ".." (also %2e%2e) against the root before we see it: never above it
    for (const url of ['app://qkl/../../etc/passwd.txt', 'app://qkl/%2e%2e/%2E%2E/etc/passwd.txt', 'app://qkl/assets/.%2e/.%2e/x.js']) {
      const result = resolveAppRequest(root, url);
      if (result.ok) {
        const relative = path.relative(root, result.filePath);
        expect(relative.startsWith('..')).toBe(false);
        expect(path.isAbsolute(relative)).toBe(false);
      }
    }
    expect(resolvedPath('app://qkl/../../etc/passwd.txt')).toBe(path.join('etc', 'passwd.txt'));
  });

  it('refuses what is not a URL', () => {
    expect(resolvedPath('not a url')).toBe(400);
  });
});

describe('isInsideRoot', () => {
  it('accepts files strictly below the root', () => {
    expect(isInsideRoot(root, path.join(root, 'index.html'))).toBe(true);
    expect(isInsideRoot(root, path.join(root, 'assets', 'a.js'))).toBe(true);
    expect(isInsideRoot(root, path.join(root, '..foo.js'))).toBe(true);
  });

  it.each([
    ['the root itself', root],
    ['its parent', path.dirname(root)],
    ['a sibling sharing its prefix', `${root}-old${path.sep}index.html`],
    ['a path that climbs out', path.join(root, 'assets', '..', '..', 'secret.txt')],
    ['an unrelated absolute path', path.resolve('/etc/passwd')],
  ])('refuses %s', (_label, filePath) => {
    expect(isInsideRoot(root, filePath)).toBe(false);
  });
});

describe('contentTypeFor', () => {
  it('names the types the build produces and falls back to a download type', () => {
    expect(contentTypeFor('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/x/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/x/a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('/x/a.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/x/a.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('/x/a.exe')).toBe('application/octet-stream');
    expect(contentTypeFor('/x/noext')).toBe('application/octet-stream');
  });
});

describe('appSchemePrivileges', () => {
  it('is standard and secure, and lets no other origin read our responses', () => {
    expect(appSchemePrivileges.scheme).toBe('app');
    expect(appSchemePrivileges.privileges).toEqual({ standard: true, secure: true, supportFetchAPI: true });
  });
});

describe('serveAppRequest and registerAppProtocol', () => {
  let dir: string;
  let distRoot: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'qkl-protocol-'));
    distRoot = path.join(dir, 'renderer');
    mkdirSync(path.join(distRoot, 'assets'), { recursive: true });
    writeFileSync(path.join(distRoot, 'index.html'), '<!doctype html><title>区块链</title>');
    writeFileSync(path.join(distRoot, 'assets', 'app.js'), 'console.log(1)');
    mkdirSync(path.join(distRoot, 'folder.js'));
    // a sibling folder sharing the root's prefix: a startsWith check would let it through
    mkdirSync(path.join(dir, 'renderer-secret'));
    writeFileSync(path.join(dir, 'renderer-secret', 'key.txt'), 'secret');
    writeFileSync(path.join(dir, 'secret.txt'), 'secret');
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('returns the file with its type, the CSP and nosniff', async () => {
    const response = await serveAppRequest(distRoot, new Request('app://qkl/assets/app.js'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('console.log(1)');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves index.html for a route', async () => {
    const response = await serveAppRequest(distRoot, new Request('app://qkl/units/42'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('区块链');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it('answers 404 for a missing file and a folder', async () => {
    expect((await serveAppRequest(distRoot, new Request('app://qkl/assets/missing.js'))).status).toBe(404);
    expect((await serveAppRequest(distRoot, new Request('app://qkl/folder.js'))).status).toBe(404);
  });

  it('never serves a file outside the root', async () => {
    for (const url of ['app://qkl/..%2Fsecret.txt', 'app://qkl/..%2Frenderer-secret%2Fkey.txt', 'app://qkl/%2e%2e/secret.txt', 'app://qkl/..%5Csecret.txt']) {
      const response = await serveAppRequest(distRoot, new Request(url));
      expect(response.status, url).not.toBe(200);
      expect(await response.text()).not.toContain('secret');
      expect(response.headers.get('content-security-policy')).toBe(APP_CSP);
    }
  });

  it('refuses POST with 405', async () => {
    const response = await serveAppRequest(distRoot, new Request('app://qkl/index.html', { method: 'POST', body: 'x' }));
    expect(response.status).toBe(405);
  });

  it('registers one handler for the app scheme that serves from the root', async () => {
    const handlers = new Map<string, (request: Request) => Response | Promise<Response>>();
    registerAppProtocol({ handle: (scheme, handler) => void handlers.set(scheme, handler) }, distRoot);
    expect([...handlers.keys()]).toEqual(['app']);
    const response = await handlers.get('app')!(new Request('app://qkl/index.html'));
    expect(response.status).toBe(200);
  });
});
