import { describe, expect, it } from 'vitest';
import { defaultInspectionIntervals } from '../../api/schemas/settings.ts';
import { addMonths, deriveNextInspection, intervalRules } from './inspection-interval.ts';

const rules = intervalRules(defaultInspectionIntervals);

describe('derived next inspection date', () => {
  it('adds the interval of the most specific code that has one', () => {
    expect(deriveNextInspection(rules, '2025-05-01', { kindCode: '3000', categoryCode: '3100', varietyCode: '3110' })).toBe('2026-05-01'); // elevator
    expect(deriveNextInspection(rules, '2025-05-01', { kindCode: '4000', categoryCode: '4100', varietyCode: '4110' })).toBe('2027-05-01'); // bridge crane
    expect(deriveNextInspection(rules, '2025-05-01', { kindCode: '4000', categoryCode: '4300' })).toBe('2026-05-01'); // tower crane
    expect(deriveNextInspection(rules, '2025-05-01', { kindCode: '4000' })).toBe('2026-05-01'); // a crane of unknown category
    expect(deriveNextInspection(rules, '2025-05-01', { kindCode: '2000', categoryCode: '2100', varietyCode: '2150' })).toBe('2028-05-01'); // fixed vessel
    expect(deriveNextInspection(rules, '2025-05-01', { kindCode: 'F000', categoryCode: '7310' })).toBe('2026-05-01'); // safety valve
    expect(deriveNextInspection(rules, '2025-05-01', { kindCode: '8000', categoryCode: '8300' })).toBe('2028-05-01'); // piping
    // gas cylinders and mobile vessels have no default: no date is made up
    expect(deriveNextInspection(rules, '2025-05-01', { kindCode: '2000', categoryCode: '2300' })).toBeNull();
    expect(deriveNextInspection(rules, null, { kindCode: '3000' })).toBeNull();
  });

  it('ends on the last day of a shorter month', () => {
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonths('2023-12-15', 36)).toBe('2026-12-15');
  });
});
