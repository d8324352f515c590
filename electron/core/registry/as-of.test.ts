import { afterEach, describe, expect, it } from 'vitest';
import { localDate, localDay, localMinute } from './as-of.ts';

// The core dates its documents, messages and file names in China time, whatever zone the
// process runs in (a CLI on a server in UTC, a test machine).
const original = process.env['TZ'];
afterEach(() => {
  if (original === undefined) delete process.env['TZ'];
  else process.env['TZ'] = original;
});

describe('China dates in the core', () => {
  it.each(['UTC', 'America/Los_Angeles', 'Asia/Shanghai'])('dates instants in China time with TZ=%s', (zone) => {
    process.env['TZ'] = zone;
    expect(new Date('2026-12-06T17:30:00Z').getDate()).toBe({ UTC: 6, 'America/Los_Angeles': 6, 'Asia/Shanghai': 7 }[zone]);
    expect(localDate(new Date('2026-12-06T17:30:00Z'))).toBe('2026-12-07');
    expect(localDay('2026-12-06T17:30:00.000Z')).toBe('2026-12-07');
    expect(localMinute('2026-12-06T17:30:00.000Z')).toBe('2026-12-07 01:30');
  });
});
