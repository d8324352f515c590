// The passphrase the user typed, held in this page's memory only (never in storage
// or the core) for the whole app: typed once, then used by export, import, receipts
// and certificates. It is forgotten after the set minutes without input and when
// the screen locks; the next signing action asks again. Where the OS key store seals
// the keys there is no passphrase, and `confirmed` plays its part: the user said
// "this is me" since the last time the page forgot.

export interface PassphraseMemory {
  /** the passphrase, unless it was forgotten (idle time is checked on every read) */
  recall(): string | undefined;
  remember(passphrase: string): void;
  /** the user confirmed (or typed the passphrase) since the page last forgot */
  confirmed(): boolean;
  confirm(): void;
  forget(): void;
  /** user input was seen: an idle gap that already ran out forgets first, then the clock restarts */
  noteInput(): void;
  /** forgets if the idle time ran out; called by a timer, so the secret does not wait for the next read */
  check(): void;
  setIdleMinutes(minutes: number): void;
}

export const DEFAULT_IDLE_MINUTES = 15;

export function createPassphraseMemory(now: () => number = () => Date.now()): PassphraseMemory {
  let passphrase: string | undefined;
  let confirmed = false;
  let lastInput = now();
  let idleMs = DEFAULT_IDLE_MINUTES * 60_000;

  const forget = () => {
    passphrase = undefined;
    confirmed = false;
  };
  const check = () => {
    if (now() - lastInput >= idleMs) forget();
  };
  return {
    recall() {
      check();
      return passphrase;
    },
    remember(value) {
      check();
      passphrase = value;
      confirmed = true;
      lastInput = now();
    },
    confirmed() {
      check();
      return confirmed;
    },
    confirm() {
      check();
      confirmed = true;
      lastInput = now();
    },
    forget,
    noteInput() {
      check();
      lastInput = now();
    },
    check,
    setIdleMinutes(minutes) {
      if (Number.isFinite(minutes) && minutes > 0) idleMs = minutes * 60_000;
    },
  };
}

/** The one memory of this page. */
export const passphraseMemory = createPassphraseMemory();
