import { v7, validate, version } from 'uuid';
import { describe, expect, it } from 'vitest';
import { newId, newIds } from './ids.ts';

// newId makes UUIDv7 itself (a pool of random bytes, no copies): each id must be the one the
// uuid package's v7 makes from the same time, sequence and random bits, and ids must keep
// increasing as that package's do.

function fields(id: string): { msecs: number; seq: number; random: Uint8Array } {
  const bytes = Uint8Array.from(id.replace(/-/g, '').match(/../g)!.map((h) => parseInt(h, 16)));
  const msecs = bytes.slice(0, 6).reduce((n, b) => n * 256 + b, 0);
  const seq = (((bytes[6]! & 0x0f) << 28) | (bytes[7]! << 20) | ((bytes[8]! & 0x3f) << 14) | (bytes[9]! << 6) | (bytes[10]! >>> 2)) >>> 0;
  const random = new Uint8Array(16);
  random.set(bytes.slice(10), 10);
  random[10] = bytes[10]! & 0x03;
  return { msecs, seq, random };
}

describe('newId', () => {
  it('makes the UUIDv7 the uuid package makes from the same time, sequence and random bits', () => {
    const before = Date.now();
    const ids = Array.from({ length: 5000 }, () => newId());
    const after = Date.now();
    for (const id of ids) {
      expect(validate(id)).toBe(true);
      expect(version(id)).toBe(7);
      const { msecs, seq, random } = fields(id);
      expect(v7({ msecs, seq: seq | 0, random })).toBe(id);
      expect(msecs).toBeGreaterThanOrEqual(before);
      // a sequence that overflows within a millisecond moves on to the next one
      expect(msecs).toBeLessThanOrEqual(after + 1);
    }
  });

  it('increases strictly, within a millisecond and across many (more than one pool of random bytes)', () => {
    const ids = Array.from({ length: 20_000 }, () => newId());
    for (let i = 1; i < ids.length; i++) expect(ids[i]! > ids[i - 1]!).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    // the random part differs from id to id, not only the sequence
    expect(new Set(ids.map((id) => id.slice(-12))).size).toBe(ids.length);
  });

  it('makes a bulk insert’s ids in one call, increasing within and across batches and beside newId', () => {
    const ids = [...newIds(30_000), newId(), ...newIds(1), ...newIds(20_000)];
    for (let i = 1; i < ids.length; i++) if (!(ids[i - 1]! < ids[i]!)) expect([i, ids[i - 1], ids[i]]).toBe('increasing');
    expect(ids.every((id) => validate(id) && version(id) === 7)).toBe(true);
    expect(newIds(0)).toEqual([]);
  });
});
