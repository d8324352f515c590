import { HOST_EVENT_PREFIX, type HostEvent } from '../api/host-events.ts';
import type { CoreRunner } from '../core-host/runner.ts';
import { bundleFilesInArgv, type OpenedFiles } from '../core-host/opened-files.ts';

// What the main process tells the window without being asked (the preload passes these
// on as window.qklEvents), and what a second start of the program brings.

export const hostEventChannel = (event: HostEvent): string => HOST_EVENT_PREFIX + event;

/** The core stopped (a crash) or runs again: the window shows or drops its restart banner. */
export function forwardCoreEvents(core: Pick<CoreRunner, 'on'>, send: (channel: string) => void): () => void {
  const offStopped = core.on('stopped', () => send(hostEventChannel('core-stopped')));
  const offStarted = core.on('started', () => send(hostEventChannel('core-started')));
  return () => {
    offStopped();
    offStarted();
  };
}

export interface FocusableWindow {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  focus(): void;
}

/**
 * A second start while the program runs (the single-instance lock sends its argv here):
 * the running window comes forward, and a .qklb it was started with (a double-click in
 * the file manager) is opened there. Returns how many bundles were taken.
 */
export async function onSecondInstance(argv: readonly string[], cwd: string, window: FocusableWindow | null, opened: Pick<OpenedFiles, 'add'>): Promise<number> {
  if (window && !window.isDestroyed()) {
    if (window.isMinimized()) window.restore();
    window.focus();
  }
  // argv[0] is the program itself
  return opened.add(bundleFilesInArgv(argv.slice(1), cwd));
}
