import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { APP_HOST, APP_SCHEME, APP_CSP } from './security.ts';

// The UI is served from app://qkl, never file:// (docs/SECURITY.md, "Electron shell"): a file:// page
// can read any local file, and every path it asks for would have to be trusted.

/**
 * Registered before "ready". standard: relative URLs and a real origin; secure:
 * a secure context like https; supportFetchAPI: fetch() of our own assets.
 * corsEnabled stays off so no other origin can read app:// responses.
 */
export const appSchemePrivileges: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(filePath: string): string {
  return contentTypes[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export type AppRequestResolution = { ok: true; filePath: string } | { ok: false; status: 400 | 403 | 404 | 405 };

// Characters no file of our build has in its name and that mean something to a
// file system: separators (after decoding), NUL, ":" (drive letters, NTFS streams),
// and "%" (left over from double encoding).
const forbiddenInSegment = /[/\\\0:%]/;
// Windows opens these as devices whatever the folder or extension ("nul.js").
const windowsDeviceName = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

/**
 * Maps an app:// request to a file under rootDir, or to the HTTP status to answer.
 * Paths without an extension are client-side routes and get index.html.
 */
export function resolveAppRequest(rootDir: string, requestUrl: string, method = 'GET'): AppRequestResolution {
  if (method !== 'GET') return { ok: false, status: 405 };
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400 };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username !== '' || url.password !== '') {
    return { ok: false, status: 403 };
  }

  const segments: string[] = [];
  // URL parsing already removed "." and ".." (also %2e%2e); what is left is decoded one segment at a time.
  const rawSegments = url.pathname.split('/').slice(1);
  for (const [index, raw] of rawSegments.entries()) {
    if (raw === '') {
      // only a trailing slash may leave an empty segment ("/" itself, or "/reports/")
      if (index === rawSegments.length - 1) continue;
      return { ok: false, status: 400 };
    }
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { ok: false, status: 400 };
    }
    if (segment === '.' || segment === '..' || forbiddenInSegment.test(segment) || windowsDeviceName.test(segment)) {
      return { ok: false, status: 400 };
    }
    segments.push(segment);
  }

  const last = segments.at(-1);
  const isRoute = last === undefined || path.extname(last) === '';
  const root = path.resolve(rootDir);
  const filePath = isRoute ? path.join(root, 'index.html') : path.join(root, ...segments);

  // The segment checks above should make escape impossible; containment is checked anyway.
  if (!isInsideRoot(root, filePath)) return { ok: false, status: 403 };
  return { ok: true, filePath };
}

/**
 * True when filePath is strictly below root. path.relative, not startsWith, so a
 * shared prefix ("/srv/renderer" and "/srv/renderer-old") is not mistaken for containment.
 */
export function isInsideRoot(root: string, filePath: string): boolean {
  const relative = path.relative(path.resolve(root), path.resolve(filePath));
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

export function responseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': APP_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  };
}

function errorResponse(status: number): Response {
  return new Response(null, { status, headers: responseHeaders('text/plain; charset=utf-8') });
}

/** Answers one app:// request; separate from the registration so it runs in plain Node tests. */
export async function serveAppRequest(rootDir: string, request: Request): Promise<Response> {
  const resolved = resolveAppRequest(rootDir, request.url, request.method);
  if (!resolved.ok) return errorResponse(resolved.status);
  try {
    // copied into a plain Uint8Array: Response's typings reject Node's Buffer
    const body = new Uint8Array(await readFile(resolved.filePath));
    return new Response(body, { status: 200, headers: responseHeaders(contentTypeFor(resolved.filePath)) });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return errorResponse(code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR' ? 404 : 500);
  }
}

/** Call after "ready"; the protocol object comes from electron so this module stays importable in tests. */
export function registerAppProtocol(protocol: Pick<Protocol, 'handle'>, rootDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rootDir, request));
}
