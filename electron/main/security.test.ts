import { describe, expect, it } from 'vitest';
import {
  APP_CSP,
  APP_ENTRY_URL,
  decidePermission,
  externalHosts,
  isAllowedExternalUrl,
  isAllowedNavigation,
  isTrustedAppUrl,
  secureWebPreferences,
} from './security.ts';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the renderer and names our preload', () => {
    const prefs = secureWebPreferences('/app/dist/electron/preload.cjs');
    expect(prefs).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      preload: '/app/dist/electron/preload.cjs',
      devTools: false,
    });
  });

  it('offers DevTools only in development', () => {
    expect(secureWebPreferences('p', { dev: true }).devTools).toBe(true);
    expect(secureWebPreferences('p', { dev: false }).devTools).toBe(false);
    expect(secureWebPreferences('p').devTools).toBe(false);
  });
});

describe('APP_CSP', () => {
  const csp = directives(APP_CSP);

  it('never allows eval or inline scripts', () => {
    expect(APP_CSP).not.toContain('unsafe-eval');
    expect(APP_CSP).not.toContain('wasm-unsafe-eval');
    expect(csp.get('script-src')).toEqual(["'self'"]);
  });

  it('names no remote origin and no wildcard', () => {
    for (const [name, values] of csp) {
      for (const value of values) {
        expect(value, `${name} ${value}`).not.toMatch(/^(https?|wss?|ftp):/i);
        expect(value, `${name} ${value}`).not.toContain('*');
        expect(value, `${name} ${value}`).not.toMatch(/\./); // a host name
      }
    }
  });

  it('locks down objects, base, forms and framing', () => {
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });
});

describe('isTrustedAppUrl', () => {
  it.each(['app://qkl/index.html', 'app://qkl/', 'app://qkl/assets/index-abc.js?x=1#top', APP_ENTRY_URL])('trusts %s', (url) => {
    expect(isTrustedAppUrl(url)).toBe(true);
  });

  it.each([
    'app://qkl.evil/index.html',
    'app://qklevil/',
    'app://evil.qkl/',
    'app://QKL@evil/index.html',
    'app://qkl@evil/index.html',
    'app://qkl:x@qkl/',
    'app://qkl:8080/',
    'app://qkl./',
    'app://QKL/', // Chromium lower-cases a standard scheme's host; upper case did not come from our pages
    'app:qkl/index.html',
    'app:///index.html',
    'http://qkl/index.html',
    'https://qkl/index.html',
    'file:///C:/app/index.html',
    'file://qkl/index.html',
    'javascript:alert(1)//app://qkl/',
    'data:text/html,app://qkl/',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    'https://evil.example/?u=app://qkl/',
    '',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isTrustedAppUrl(url)).toBe(false);
  });
});

describe('isAllowedExternalUrl', () => {
  const allow = ['www.samr.gov.cn'];

  it('allows https to an exact host on the list', () => {
    expect(isAllowedExternalUrl('https://www.samr.gov.cn/zw/', allow)).toBe(true);
    expect(isAllowedExternalUrl('https://WWW.SAMR.GOV.CN/', allow)).toBe(true);
  });

  it.each([
    'http://www.samr.gov.cn/',
    'ftp://www.samr.gov.cn/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'https://www.samr.gov.cn.evil.example/',
    'https://evil.example/www.samr.gov.cn',
    'https://evilwww.samr.gov.cn/',
    'https://samr.gov.cn/',
    'https://www.samr.gov.cn@evil.example/',
    'https://user:pass@www.samr.gov.cn/',
    'https://www.samr.gov.cn:8443/',
    'https://evil.example/?next=https://www.samr.gov.cn/',
    'app://qkl/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url, allow)).toBe(false);
  });

  it('refuses everything with an empty list, which is what ships', () => {
    expect(externalHosts).toEqual([]);
    expect(isAllowedExternalUrl('https://www.samr.gov.cn/', externalHosts)).toBe(false);
  });
});

describe('isAllowedNavigation', () => {
  it('allows only reloading the page that is shown', () => {
    expect(isAllowedNavigation('app://qkl/index.html', 'app://qkl/index.html')).toBe(true);
    expect(isAllowedNavigation('app://qkl/index.html', 'app://qkl/index.html#units')).toBe(true);
  });

  it.each(['app://qkl/other.html', 'https://example.com/', 'file:///etc/passwd', 'app://qkl.evil/index.html', 'javascript:alert(1)'])(
    'refuses navigating to %s',
    (target) => {
      expect(isAllowedNavigation('app://qkl/index.html', target)).toBe(false);
    },
  );

  it('refuses any navigation away from a page that is not ours', () => {
    expect(isAllowedNavigation('https://evil.example/', 'https://evil.example/')).toBe(false);
  });
});

describe('decidePermission', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'openExternal', 'fullscreen', 'unknown'])(
    'denies %s even to our own origin',
    (permission) => {
      expect(decidePermission(permission, 'app://qkl/index.html')).toBe(false);
    },
  );
});
