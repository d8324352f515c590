import { describe, expect, it } from 'vitest';
import { daysSince, reportingOf, type CityOffice } from './city-status.ts';

const office = (lastCreatedAt: string | null): CityOffice => ({
  nodeId: 'n1',
  nodeName: '塘桥分局',
  role: 'district',
  districtId: null,
  lastSequence: lastCreatedAt ? 1 : null,
  lastCreatedAt,
  lastImportedAt: lastCreatedAt,
  units: 0,
  equipment: 0,
  managers: 0,
  keyRevoked: false,
  auditAnchorSeq: null,
  auditBreaks: 0,
  lastAuditBreak: null,
});

describe('reporting of an office', () => {
  const now = new Date('2026-11-28T08:00:00Z');
  it('is stale after 30 days without a new bundle, by the time the bundle was made', () => {
    expect(reportingOf(office('2026-10-29T09:00:00Z'), now)).toBe('ok');
    expect(reportingOf(office('2026-10-28T07:00:00Z'), now)).toBe('stale');
    expect(daysSince('2026-10-28T07:00:00Z', now)).toBe(31);
  });
  it('is "never" without any bundle', () => {
    expect(reportingOf(office(null), now)).toBe('never');
    expect(daysSince(null, now)).toBeNull();
  });
});
