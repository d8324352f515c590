// Whether the core (the data service in its own thread or process) has stopped. Set by
// the host's core-stopped event, by host.status, and by any call that came back
// CORE_STOPPED, so the banner appears even when an event was missed.

let stopped = false;
const listeners = new Set<() => void>();

export const coreState = {
  isStopped: (): boolean => stopped,
  markStopped(): void {
    if (stopped) return;
    stopped = true;
    listeners.forEach((listener) => listener());
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  },
};
