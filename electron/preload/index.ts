import { contextBridge, ipcRenderer } from 'electron';
import { buildBridge, buildEvents } from './bridge.ts';

// Sandboxed preload: bundled into one CommonJS file by scripts/build-electron.ts,
// because a sandboxed preload can require nothing but "electron".
contextBridge.exposeInMainWorld(
  'qkl',
  buildBridge((channel, input) => ipcRenderer.invoke(channel, input)),
);
contextBridge.exposeInMainWorld(
  'qklEvents',
  buildEvents((channel, listener) => {
    ipcRenderer.on(channel, listener);
    return () => void ipcRenderer.removeListener(channel, listener);
  }),
);
