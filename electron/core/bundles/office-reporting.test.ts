import { describe, expect, it } from 'vitest';
import { daysSince, reportingOf } from './office-reporting.ts';

describe('reporting of an office', () => {
  const now = new Date('2026-11-28T08:00:00Z');
  it('is stale after 30 days without a new bundle, by the time the bundle was made', () => {
    expect(reportingOf('2026-10-29T09:00:00Z', now)).toBe('ok');
    expect(reportingOf('2026-10-28T07:00:00Z', now)).toBe('stale');
    expect(daysSince('2026-10-28T07:00:00Z', now)).toBe(31);
  });
  it('is "never" without any bundle', () => {
    expect(reportingOf(null, now)).toBe('never');
    expect(daysSince(null, now)).toBeNull();
  });
});
