import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { forwardScreenLock } from './screen-lock.ts';

describe('forwardScreenLock', () => {
  it('passes a screen lock and a sleep on to the page as screen-locked, until unwired', () => {
    const power = new EventEmitter();
    const sent: string[] = [];
    const unwire = forwardScreenLock(power, (channel) => sent.push(channel));
    power.emit('lock-screen');
    power.emit('suspend');
    power.emit('unlock-screen');
    expect(sent).toEqual(['qkl-event:screen-locked', 'qkl-event:screen-locked']);
    unwire();
    power.emit('lock-screen');
    expect(sent).toHaveLength(2);
  });
});
