import { afterEach, describe, expect, it } from 'vitest';
import { chineseDate, dateParts, formatDate, formatDateTime, formatDateTimeSeconds, todayIso } from './time.ts';

// Whatever zone the PC is set to, the renderer shows Beijing time. process.env.TZ changes
// the zone of this process's Date at run time (Node reads it on each change).
const original = process.env['TZ'];
afterEach(() => {
  if (original === undefined) delete process.env['TZ'];
  else process.env['TZ'] = original;
});

const zones = ['UTC', 'America/Los_Angeles', 'Europe/Berlin', 'Asia/Shanghai'];

describe('Beijing time, on a PC in any zone', () => {
  it.each(zones)('shows instants in Beijing time with TZ=%s', (zone) => {
    process.env['TZ'] = zone;
    // the zone really changed: local hours of 05:05Z are 5 in UTC, 21 (the day before) in Los Angeles
    const local = new Date('2026-12-07T05:05:00Z').getHours();
    expect(local).toBe({ UTC: 5, 'America/Los_Angeles': 21, 'Europe/Berlin': 6, 'Asia/Shanghai': 13 }[zone]);

    expect(formatDateTime('2026-12-07T05:05:00.000Z')).toBe('2026-12-07 13:05');
    expect(formatDateTimeSeconds('2026-12-07T05:05:09Z')).toBe('2026-12-07 13:05:09');
    // 17:30 UTC is already the next morning in Beijing
    expect(formatDate('2026-12-06T17:30:00Z')).toBe('2026-12-07');
    expect(formatDateTime('2026-12-06T17:30:00Z')).toBe('2026-12-07 01:30');
    expect(todayIso(new Date('2026-12-06T17:30:00Z'))).toBe('2026-12-07');
    expect(dateParts('2026-12-06T17:30:00Z')).toEqual({ year: '2026', month: '12', day: '7' });
    expect(chineseDate('2026-12-06T17:30:00Z')).toBe('2026年12月7日');
  });

  it.each(zones)('keeps a YYYY-MM-DD date as the date it is with TZ=%s', (zone) => {
    process.env['TZ'] = zone;
    // parsed as UTC midnight, a plain date would show the day before west of Greenwich
    expect(formatDate('2026-12-07')).toBe('2026-12-07');
    expect(chineseDate('2026-01-01')).toBe('2026年1月1日');
  });

  it('shows nothing for no value or a value that is not a date', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDateTime(undefined)).toBe('');
    expect(formatDateTime('not a date')).toBe('');
  });
});
