import { callNames } from '../../electron/api/contract.ts';
import { hostEvents } from '../../electron/api/host-events.ts';

/**
 * The browser host's stand-in for the Electron preload: defines window.qkl with
 * exactly the contract's calls, forwarded over HTTP with the per-run token. It is
 * injected only by the browser host, so none of it ships in the packaged app.
 */
export function bridgeScript(): string {
  return `(() => {
  const match = /[#&]token=([0-9a-f]{64})/.exec(location.hash);
  if (match) {
    sessionStorage.setItem('qkl-token', match[1]);
    history.replaceState(null, '', location.pathname + location.search);
  }
  const token = sessionStorage.getItem('qkl-token') || '';
  const names = ${JSON.stringify(callNames)};
  const api = {};
  for (const name of names) {
    api[name] = async (input) => {
      try {
        const response = await fetch('/api/' + name, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-qkl-token': token },
          body: JSON.stringify(input === undefined ? {} : input),
        });
        return await response.json();
      } catch (e) {
        return { ok: false, code: 'INTERNAL', message: '无法连接本机服务（浏览器模式），请确认 npm start 仍在运行后刷新页面。' };
      }
    };
  }
  Object.defineProperty(window, 'qkl', { value: Object.freeze(api), writable: false, configurable: false });
  // A browser page cannot see the screen lock; a page hidden (another tab, a minimised window, a locked screen) stands for it.
  const events = ${JSON.stringify(hostEvents)};
  const qklEvents = {
    on(name, listener) {
      if (!events.includes(name) || typeof listener !== 'function') throw new TypeError('unknown host event');
      const onChange = () => { if (document.visibilityState === 'hidden') listener(); };
      document.addEventListener('visibilitychange', onChange);
      return () => document.removeEventListener('visibilitychange', onChange);
    },
  };
  Object.defineProperty(window, 'qklEvents', { value: Object.freeze(qklEvents), writable: false, configurable: false });
})();
`;
}
