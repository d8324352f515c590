import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Result } from '../../electron/api/errors.ts';
import { isHostEvent, type HostEvent } from '../../electron/api/host-events.ts';
import { FileRef } from '../../electron/api/schemas/host.ts';
import { contentTypeFor, resolveAppRequest } from '../../electron/main/app-protocol.ts';
import { APP_CSP, APP_ORIGIN } from '../../electron/main/security.ts';
import { bridgeScript } from './bridge-script.ts';

// files.stage carries up to 80 MB as base64 (MAX_STAGED_BYTES)
const MAX_BODY = 120 * 1024 * 1024;
const BRIDGE_PATH = '/__qkl/bridge.js';
const EVENTS_PATH = '/__qkl/events';
const DOWNLOAD_PATH = '/__qkl/download';

export interface WebHostOptions {
  /** every call of the contract: host.* answered by the host, the rest by the core */
  core: { callByName(name: string, input: unknown): Promise<Result<unknown>> };
  /** the built renderer (vite build output) */
  rootDir: string;
  port?: number;
  /** host events for the page (core stopped, files opened), streamed to the bridge */
  events?: { subscribe(listener: (event: HostEvent) => void): () => void };
  /** the path of a file the core made (a bundle, a receipt), by the reference the page holds: its download */
  resolveRef?: (ref: string) => Promise<string>;
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

  /** One line of JSON per host event, for as long as the page keeps the request open. */
  const streamEvents = (res: http.ServerResponse) => {
    res.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
    // the first line tells the page the stream is open
    res.write(`${JSON.stringify({ event: 'open' })}\n`);
    const unsubscribe = options.events?.subscribe((event) => {
      if (isHostEvent(event)) res.write(`${JSON.stringify({ event })}\n`);
    });
    res.on('close', () => unsubscribe?.());
  };

  /** A file the core made, by the reference the page holds (host.saveFile in a browser is a download). */
  const download = async (res: http.ServerResponse, input: unknown) => {
    const ref = FileRef.safeParse((input as { ref?: unknown } | null)?.ref);
    if (!ref.success || !options.resolveRef) return sendJson(res, 400, { ok: false, code: 'VALIDATION', message: '文件引用格式不正确' });
    let file: string;
    try {
      file = await options.resolveRef(ref.data);
      if (!(await stat(file)).isFile()) throw new Error('not a file');
    } catch {
      return sendJson(res, 404, { ok: false, code: 'NOT_FOUND', message: '找不到该文件，请重新导出' });
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
    createReadStream(file).pipe(res);
  };

  const server = http.createServer((req, res) => {
    void (async () => {
      if (req.headers.host !== new URL(origin).host) return sendJson(res, 421, { ok: false, code: 'UNAUTHORIZED', message: '主机名不符' });
      const url = new URL(req.url ?? '/', origin);

      const guarded = url.pathname.startsWith('/api/') || url.pathname === EVENTS_PATH || url.pathname === DOWNLOAD_PATH;
      if (guarded) {
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
        if (url.pathname === EVENTS_PATH) return streamEvents(res);
        if (url.pathname === DOWNLOAD_PATH) return download(res, input);
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
