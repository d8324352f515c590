import { HOST_EVENT_PREFIX } from '../api/host-events.ts';

// The page forgets the passphrase when the user walks away: Electron's powerMonitor
// tells the main process, which passes it on as the 'screen-locked' host event.

/** The OS events that mean the desk is left: the screen was locked, or the PC went to sleep. */
export const lockingEvents = ['lock-screen', 'suspend'] as const;
type LockingEvent = (typeof lockingEvents)[number];

export interface PowerMonitorLike {
  on(event: LockingEvent, listener: () => void): unknown;
  removeListener(event: LockingEvent, listener: () => void): unknown;
}

/** Forwards every locking event to the page through `send` (the main window's webContents.send); returns the unwiring. */
export function forwardScreenLock(power: PowerMonitorLike, send: (channel: string) => void): () => void {
  const listener = () => send(`${HOST_EVENT_PREFIX}screen-locked`);
  for (const event of lockingEvents) power.on(event, listener);
  return () => {
    for (const event of lockingEvents) power.removeListener(event, listener);
  };
}
