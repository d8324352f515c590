import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Core } from '../../electron/core/dispatch.ts';
import { contentTypeFor, resolveAppRequest } from '../../electron/main/app-protocol.ts';
import { APP_CSP, APP_ORIGIN } from '../../electron/main/security.ts';
import { bridgeScript } from './bridge-script.ts';

// files.stage carries up to 80 MB as base64 (MAX_STAGED_BYTES)
const MAX_BODY = 120 * 1024 * 1024;
const BRIDGE_PATH = '/__qkl/bridge.js';

export interface WebHostOptions {
  core: Core;
  /** the built renderer (vite build output) */
  rootDir: string;
  port?: number;
}

export interface WebHost {
  url: string;
  /** the URL to open: carries the token in the fragment, which never reaches a server log */
  openUrl: string;
  token: string;
  close(): Promise<void>;
}

function send(res: http.ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}) {
  res.writeHead(status, {
    'content-type': type,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
    ...extra,
  });
  res.end(body);
}

function sendJson(res: http.ServerResponse, status: number, value: unknown) {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new Error('body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Serves the built renderer on 127.0.0.1 and the contract over POST /api/<call>.
 * Guards: a random per-run token, the exact Host and Origin of this server (DNS
 * rebinding), JSON only, a body size cap. For development and tests only.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = randomBytes(32).toString('hex');
  const tokenBytes = Buffer.from(token);
  let origin = '';
  const indexFile = path.join(path.resolve(options.rootDir), 'index.html');
  const indexHtml = await readFile(indexFile, 'utf8').catch(() => {
    throw new Error(`找不到界面文件 ${indexFile}，请先运行 npm run build:renderer`);
  });
  // The bridge must run before the app's module script.
  const injectedIndex = indexHtml.replace(/<script/, `<script src="${BRIDGE_PATH}"></script>\n    <script`);

  const tokenOk = (value: string | string[] | undefined) => {
    const given = Buffer.from(typeof value === 'string' ? value : '');
    return given.length === tokenBytes.length && timingSafeEqual(given, tokenBytes);
  };

  const server = http.createServer((req, res) => {
    void (async () => {
      if (req.headers.host !== new URL(origin).host) return sendJson(res, 421, { ok: false, code: 'UNAUTHORIZED', message: '主机名不符' });
      const url = new URL(req.url ?? '/', origin);

      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return sendJson(res, 405, { ok: false, code: 'UNAUTHORIZED', message: '只接受 POST 请求' });
        if (req.headers.origin !== undefined && req.headers.origin !== origin) {
          return sendJson(res, 403, { ok: false, code: 'UNAUTHORIZED', message: '来源不符，已拒绝' });
        }
        if (!tokenOk(req.headers['x-qkl-token'])) {
          return sendJson(res, 401, { ok: false, code: 'UNAUTHORIZED', message: '访问令牌无效，请使用启动时显示的完整地址重新打开' });
        }
        if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
          return sendJson(res, 415, { ok: false, code: 'VALIDATION', message: '请求格式应为 JSON' });
        }
        let input: unknown;
        try {
          input = JSON.parse(await readBody(req));
        } catch {
          return sendJson(res, 400, { ok: false, code: 'VALIDATION', message: '请求内容不是有效的 JSON 或过大' });
        }
        const result = await options.core.callByName(decodeURIComponent(url.pathname.slice('/api/'.length)), input);
        return sendJson(res, 200, result);
      }

      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, '', 'text/plain');
      const security = { 'content-security-policy': APP_CSP };
      if (url.pathname === BRIDGE_PATH) return send(res, 200, bridgeScript(), 'text/javascript; charset=utf-8', security);
      // Same path rules as the desktop app's app:// protocol.
      const resolved = resolveAppRequest(options.rootDir, `${APP_ORIGIN}${url.pathname}`);
      if (!resolved.ok) return send(res, resolved.status, '', 'text/plain');
      if (resolved.filePath === indexFile) return send(res, 200, injectedIndex, 'text/html; charset=utf-8', security);
      try {
        return send(res, 200, await readFile(resolved.filePath), contentTypeFor(resolved.filePath), security);
      } catch {
        return send(res, 404, 'not found', 'text/plain');
      }
    })().catch(() => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, code: 'INTERNAL', message: '本机服务出错' });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    openUrl: `${origin}/#token=${token}`,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
