import { randomBytes } from 'node:crypto';
import { v7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { newId, newIds, v7Layout } from './ids.ts';

// newIds makes the ids of a bulk insert many at once: they must be the UUIDv7 newId makes (uuid's v7),
// laid out bit for bit as it lays them out, time-ordered and unique.

const FORM = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const text = (bytes: Uint8Array) => {
  const hex = Buffer.from(bytes).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

describe('ids made many at once', () => {
  it('lays out time, counter and random bits as uuid’s v7 does', () => {
    for (let i = 0; i < 2000; i++) {
      const random = new Uint8Array(randomBytes(16));
      const msecs = Date.now() + (i * 7919 - 5_000_000) * 1000;
      // any 32-bit counter, negative ones too (the counter runs past 2^31 as an int32)
      const seq = (random[0]! << 24) | (random[1]! << 16) | (random[2]! << 8) | random[3]!;
      const bytes = new Uint8Array(16);
      v7Layout(msecs, seq, random, 0, bytes, 0);
      expect(text(bytes)).toBe(v7({ msecs, seq, random }));
    }
  });

  it('are UUIDv7 of now, in increasing order within and across batches, all different', () => {
    const before = Date.now();
    const ids = [...newIds(50_000), ...newIds(1), ...newIds(30_000)];
    const after = Date.now();
    expect(ids.every((id) => FORM.test(id))).toBe(true);
    for (let i = 1; i < ids.length; i++) if (!(ids[i - 1]! < ids[i]!)) expect([i, ids[i - 1], ids[i]]).toBe('increasing');
    expect(new Set(ids).size).toBe(ids.length);
    const msecs = (id: string) => parseInt(id.replace('-', '').slice(0, 12), 16);
    // the counter may carry into the next millisecond, never beyond the batch's share of them
    expect(msecs(ids[0]!)).toBeGreaterThanOrEqual(before);
    expect(msecs(ids.at(-1)!)).toBeLessThanOrEqual(after + 1);
    // the form newId has
    expect(newId()).toMatch(FORM);
    expect(newIds(0)).toEqual([]);
  });
});
