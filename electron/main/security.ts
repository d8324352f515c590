// Pure security decisions for the shell: no electron import, so every rule here
// is unit-tested with evil inputs (docs/SECURITY.md, "Electron shell"). URLs are always parsed
// with `new URL` and compared part by part, never by substring.

export const APP_SCHEME = 'app';
export const APP_HOST = 'qkl';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export interface SecureWebPreferences {
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  webviewTag: false;
  spellcheck: false;
  preload: string;
  devTools: boolean;
}

/** The only webPreferences any window of ours gets; DevTools exist only in development. */
export function secureWebPreferences(preloadPath: string, options: { dev?: boolean } = {}): SecureWebPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    preload: preloadPath,
    devTools: options.dev === true,
  };
}

const cspDirectives: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  // AG Grid sets inline styles on rows and cells; scripts stay strict.
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self' data:"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

/** Sent with every page of ours (the app:// handler, the browser host): no remote origins, no eval. */
export const APP_CSP = cspDirectives.map(([name, value]) => `${name} ${value}`).join('; ');

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True only for URLs on exactly our origin, app://qkl. Chromium canonicalises the
 * host of a standard scheme to lower case, so anything else (QKL, qkl., a port,
 * userinfo) did not come from our own pages.
 */
export function isTrustedAppUrl(url: string): boolean {
  const parsed = parseUrl(url);
  if (!parsed) return false;
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** Links we hand to the system browser: https only, host exactly on the list, no userinfo or odd port. */
export function isAllowedExternalUrl(url: string, allowList: readonly string[]): boolean {
  const parsed = parseUrl(url);
  if (!parsed) return false;
  if (parsed.protocol !== 'https:') return false;
  if (parsed.username !== '' || parsed.password !== '') return false;
  if (parsed.port !== '') return false;
  // WHATWG parsing already lower-cased and punycoded the host; the list is compared as written.
  return allowList.some((host) => host.toLowerCase() === parsed.hostname);
}

/**
 * Hosts the app may open in the system browser. Empty on purpose: the desk PCs are
 * on an intranet and no page of ours links out yet; add a host only with a reason.
 */
export const externalHosts: readonly string[] = [];

/** In-window navigation: only to the page already shown (a reload), never elsewhere. */
export function isAllowedNavigation(currentUrl: string, targetUrl: string): boolean {
  if (!isTrustedAppUrl(targetUrl) || !isTrustedAppUrl(currentUrl)) return false;
  const current = new URL(currentUrl);
  const target = new URL(targetUrl);
  return current.pathname === target.pathname && current.search === target.search;
}

/**
 * Permissions the renderer may be granted (camera, notifications, clipboard…).
 * None: the UI needs no browser permission, and a grant-all handler is the
 * classic mistake (docs/SECURITY.md, "Electron shell").
 */
const grantedPermissions: ReadonlySet<string> = new Set<string>();

export function decidePermission(permission: string, requestingUrl: string): boolean {
  return grantedPermissions.has(permission) && isTrustedAppUrl(requestingUrl);
}
