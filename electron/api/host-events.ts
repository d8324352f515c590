// What the host tells the page without being asked, beside the calls of the
// contract: a fixed list of names, each without a payload (the page asks for any
// detail with a call, e.g. host.openedFiles). The Electron preload forwards them
// from the main process; the browser host's bridge makes them from what a browser
// page can see (screen-locked) and reads the others from the server.
// Kept free of imports so the preload can bundle it.

export const hostEvents = [
  /** the screen was locked (or the page hidden): forget the passphrase */
  'screen-locked',
  /** the core's thread or process stopped (a crash): show the restart banner */
  'core-stopped',
  /** the core runs again (after 重新启动) */
  'core-started',
  /** .qklb files were opened with the program: take them with host.openedFiles */
  'files-opened',
] as const;
export type HostEvent = (typeof hostEvents)[number];

export const HOST_EVENT_PREFIX = 'qkl-event:';

/** window.qklEvents: listen to one listed event; the returned function stops listening. */
export interface QklEvents {
  on(name: HostEvent, listener: () => void): () => void;
}

export function isHostEvent(name: unknown): name is HostEvent {
  return typeof name === 'string' && (hostEvents as readonly string[]).includes(name);
}
