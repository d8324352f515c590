import { describe, expect, it } from 'vitest';
import { createPassphraseMemory } from './passphrase-memory.ts';

function clock() {
  let t = 1_000_000;
  return { now: () => t, advance: (minutes: number) => (t += minutes * 60_000) };
}

describe('the page’s passphrase memory', () => {
  it('keeps the passphrase while there is input, forgets it after the idle minutes without', () => {
    const c = clock();
    const memory = createPassphraseMemory(c.now);
    memory.setIdleMinutes(15);
    memory.remember('口令 2026 abc');
    c.advance(14);
    expect(memory.recall()).toBe('口令 2026 abc');
    memory.noteInput();
    c.advance(14);
    expect(memory.recall()).toBe('口令 2026 abc');
    expect(memory.confirmed()).toBe(true);
    c.advance(1);
    expect(memory.recall()).toBeUndefined();
    expect(memory.confirmed()).toBe(false);
  });

  it('an input after the idle time ran out does not bring the passphrase back', () => {
    const c = clock();
    const memory = createPassphraseMemory(c.now);
    memory.setIdleMinutes(5);
    memory.remember('secret passphrase');
    c.advance(6);
    memory.noteInput();
    expect(memory.recall()).toBeUndefined();
  });

  it('forgets at once on lock, and a confirmation (OS key store) lapses like a passphrase', () => {
    const c = clock();
    const memory = createPassphraseMemory(c.now);
    memory.remember('secret passphrase');
    memory.forget();
    expect(memory.recall()).toBeUndefined();
    memory.confirm();
    expect(memory.confirmed()).toBe(true);
    c.advance(15);
    memory.check();
    expect(memory.confirmed()).toBe(false);
  });

  it('takes a new idle setting at once, and ignores a nonsense one', () => {
    const c = clock();
    const memory = createPassphraseMemory(c.now);
    memory.remember('secret passphrase');
    memory.setIdleMinutes(0);
    memory.setIdleMinutes(Number.NaN);
    c.advance(10);
    expect(memory.recall()).toBe('secret passphrase');
    memory.setIdleMinutes(1);
    expect(memory.recall()).toBeUndefined();
  });
});
