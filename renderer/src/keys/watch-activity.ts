import type { QklEvents } from '../../../electron/api/host-events.ts';
import type { PassphraseMemory } from './passphrase-memory.ts';

declare global {
  interface Window {
    /** host events (the Electron preload, or the browser host's bridge); absent otherwise */
    readonly qklEvents?: QklEvents;
  }
}

/** What counts as the user being at the desk. */
const inputEvents = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;
/** How often the idle time is checked between inputs, so the passphrase does not outlive it by much. */
const CHECK_EVERY_MS = 15_000;

/**
 * Wires the memory to this page: every input restarts the idle clock, a timer
 * forgets once it ran out, and the host's screen-locked event forgets at once.
 * Returns the unwiring.
 */
export function watchActivity(memory: PassphraseMemory, target: Window = window): () => void {
  const onInput = () => memory.noteInput();
  for (const name of inputEvents) target.addEventListener(name, onInput, { capture: true, passive: true });
  const timer = target.setInterval(() => memory.check(), CHECK_EVERY_MS);
  const stopLock = target.qklEvents?.on('screen-locked', () => memory.forget());
  return () => {
    for (const name of inputEvents) target.removeEventListener(name, onInput, { capture: true });
    target.clearInterval(timer);
    stopLock?.();
  };
}
