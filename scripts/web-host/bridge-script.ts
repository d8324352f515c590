import { callNames } from '../../electron/api/contract.ts';
import { hostEvents } from '../../electron/api/host-events.ts';

/**
 * The browser host's stand-in for the Electron preload: defines window.qkl with
 * exactly the contract's calls, forwarded over HTTP with the per-run token, and
 * window.qklEvents with the host events the server streams. A page has no native
 * dialogs, so three of the window's calls are answered here, in the page, the way
 * a browser does them: host.pickFile with a file input (each file uploaded with
 * files.stage; the page gets `staged:` references, never paths), host.saveFile
 * with a download, host.printToPdf with the browser's print dialog (另存为 PDF).
 * It is injected only by the browser host, so none of it ships in the packaged app.
 */
export function bridgeScript(): string {
  return `(() => {
  const match = /[#&]token=([0-9a-f]{64})/.exec(location.hash);
  if (match) {
    sessionStorage.setItem('qkl-token', match[1]);
    history.replaceState(null, '', location.pathname + location.search);
  }
  const token = sessionStorage.getItem('qkl-token') || '';
  const unreachable = { ok: false, code: 'INTERNAL', message: '无法连接本机服务（浏览器模式），请确认 npm start 仍在运行后刷新页面。' };
  const post = (path, body) => fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-qkl-token': token },
    body: JSON.stringify(body === undefined ? {} : body),
  });
  const callServer = async (name, input) => {
    try {
      return await (await post('/api/' + name, input)).json();
    } catch (e) {
      return unreachable;
    }
  };

  const readBase64 = (file) => new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error);
    reader.onload = () => { const url = String(reader.result); resolve(url.slice(url.indexOf(',') + 1)); };
    reader.readAsDataURL(file);
  });
  const saveBlob = (blob, fileName) => {
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.style.display = 'none';
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  };

  const inPage = {
    'host.pickFile': (input) => new Promise((resolve) => {
      const picker = document.createElement('input');
      picker.type = 'file';
      picker.accept = input && input.purpose === 'receipt' ? '.qklr' : '.qklb';
      picker.multiple = Boolean(input && input.multiple);
      picker.style.display = 'none';
      document.body.append(picker);
      picker.addEventListener('cancel', () => { picker.remove(); resolve({ ok: true, value: { files: [] } }); });
      picker.addEventListener('change', async () => {
        const chosen = Array.from(picker.files || []);
        picker.remove();
        const files = [];
        for (const file of chosen) {
          let staged;
          try {
            staged = await callServer('files.stage', { name: file.name, contentBase64: await readBase64(file) });
          } catch (e) {
            return resolve(unreachable);
          }
          if (!staged.ok) return resolve(staged);
          files.push({ ref: 'staged:' + staged.value.id, name: staged.value.name, size: staged.value.size });
        }
        resolve({ ok: true, value: { files } });
      });
      picker.click();
    }),
    'host.saveFile': async (input) => {
      const source = input && input.source;
      try {
        if (source && source.kind === 'content') {
          const binary = atob(source.contentBase64);
          const bytes = new Uint8Array(binary.length);
          for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
          saveBlob(new Blob([bytes], { type: source.mimeType }), input.fileName);
        } else {
          const response = await post('/__qkl/download', { ref: source && source.ref });
          if (!response.ok) return await response.json();
          saveBlob(await response.blob(), input.fileName);
        }
        return { ok: true, value: { saved: true, location: null } };
      } catch (e) {
        return unreachable;
      }
    },
    'host.printToPdf': async () => {
      window.print();
      return { ok: true, value: { saved: false, printed: true, location: null } };
    },
  };

  const names = ${JSON.stringify(callNames)};
  const api = {};
  for (const name of names) api[name] = inPage[name] || ((input) => callServer(name, input));
  Object.defineProperty(window, 'qkl', { value: Object.freeze(api), writable: false, configurable: false });

  // Host events: one streamed request, a line of JSON per event, reopened if it drops.
  const events = ${JSON.stringify(hostEvents)};
  const listeners = new Map(events.map((name) => [name, new Set()]));
  const listen = async () => {
    try {
      const response = await post('/__qkl/events', {});
      if (!response.ok || !response.body) throw new Error('no stream');
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let buffered = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffered += decoder.decode(value, { stream: true });
        let end;
        while ((end = buffered.indexOf('\\n')) >= 0) {
          const line = buffered.slice(0, end);
          buffered = buffered.slice(end + 1);
          try {
            const name = JSON.parse(line).event;
            for (const listener of listeners.get(name) || []) listener();
          } catch (e) {
            // a broken line is skipped
          }
        }
      }
    } catch (e) {
      // the host is gone or restarting: try again shortly
    }
    setTimeout(listen, 2000);
  };
  void listen();
  // A browser page cannot see the screen lock; a page hidden (another tab, a minimised window, a locked screen) stands for it.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'hidden') return;
    for (const listener of listeners.get('screen-locked') || []) listener();
  });
  const qklEvents = {
    on(name, listener) {
      if (!events.includes(name) || typeof listener !== 'function') throw new TypeError('unknown host event');
      const wrapped = () => listener();
      listeners.get(name).add(wrapped);
      return () => listeners.get(name).delete(wrapped);
    },
  };
  Object.defineProperty(window, 'qklEvents', { value: Object.freeze(qklEvents), writable: false, configurable: false });
})();
`;
}
