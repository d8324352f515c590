import { randomFillSync } from 'node:crypto';

// UUIDv7 as the uuid package's v7() makes them (RFC 9562: 48-bit Unix milliseconds, then a
// 32-bit sequence seeded at random each millisecond and counted up within it, then random
// bits), so ids made in one process are strictly increasing. Made here rather than by that
// function because a ledger import makes 100,000 at a time: it draws 16 random bytes from the
// system per 16 ids and copies them twice per id; this pool serves 256 ids per draw, copies
// nothing, and spells the id from a table.

const POOL_IDS = 256;
const pool = new Uint8Array(16 * POOL_IDS);
let next = pool.length;
let lastMs = -Infinity;
let seq = 0;
const hex = Array.from({ length: 256 }, (_, i) => (i + 0x100).toString(16).slice(1));

/** Globally unique, time-ordered row id (UUIDv7): rows from many nodes merge without clashes. */
export function newId(): string {
  if (next === pool.length) {
    randomFillSync(pool);
    next = 0;
  }
  const r = next;
  next += 16;
  const now = Date.now();
  if (now > lastMs) {
    seq = (pool[r + 6]! << 23) | (pool[r + 7]! << 16) | (pool[r + 8]! << 8) | pool[r + 9]!;
    lastMs = now;
  } else {
    // the same millisecond (or the clock went back): the next number, so ids keep increasing
    seq = (seq + 1) | 0;
    if (seq === 0) lastMs++;
  }
  const ms = lastMs;
  return (
    hex[(ms / 0x10000000000) & 0xff]! +
    hex[(ms / 0x100000000) & 0xff]! +
    hex[(ms / 0x1000000) & 0xff]! +
    hex[(ms / 0x10000) & 0xff]! +
    '-' +
    hex[(ms / 0x100) & 0xff]! +
    hex[ms & 0xff]! +
    '-' +
    hex[0x70 | ((seq >>> 28) & 0x0f)]! +
    hex[(seq >>> 20) & 0xff]! +
    '-' +
    hex[0x80 | ((seq >>> 14) & 0x3f)]! +
    hex[(seq >>> 6) & 0xff]! +
    '-' +
    hex[((seq << 2) & 0xff) | (pool[r + 10]! & 0x03)]! +
    hex[pool[r + 11]!]! +
    hex[pool[r + 12]!]! +
    hex[pool[r + 13]!]! +
    hex[pool[r + 14]!]! +
    hex[pool[r + 15]!]!
  );
}

/** `count` new ids in increasing order, for a bulk insert (grading's results). */
export function newIds(count: number): string[] {
  const ids: string[] = new Array(count);
  for (let i = 0; i < count; i++) ids[i] = newId();
  return ids;
}
