import type { PickedFile } from '../../../electron/api/schemas/host.ts';

// Bundles the user opened with the program (double-click, drop on the window): they
// wait here for 数据包交换's import card, which previews them at once.

let waiting: PickedFile[] = [];
const listeners = new Set<() => void>();

export const openedBundles = {
  offer(files: PickedFile[]): void {
    if (files.length === 0) return;
    waiting = [...waiting, ...files.filter((f) => !waiting.some((w) => w.ref === f.ref))];
    listeners.forEach((listener) => listener());
  },
  /** What waits, once. */
  take(): PickedFile[] {
    const taken = waiting;
    waiting = [];
    return taken;
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  },
};
