import { describe, expect, it } from 'vitest';
import { ListedUnit } from '../../api/schemas/lists.ts';

// lists.get's answer is checked against its contract before it leaves the core; countsByKind
// is checked in place (docs: the schema's comment), so this makes sure the check still refuses.

const unit = { unitId: 'u1', uscc: '91320582MA1N0X0X0X', name: '甲公司', address: null, count: 21, needsSafetyBody: false, managerCount: 1, riskLevel: null, riskScore: null };

describe('ListedUnit.countsByKind', () => {
  it('takes kind codes with whole numbers, and keeps the object as it is', () => {
    const countsByKind = { '3000': 20, F000: 1, '': 0 };
    const parsed = ListedUnit.parse({ ...unit, countsByKind });
    expect(parsed.countsByKind).toEqual({ '3000': 20, F000: 1, '': 0 });
  });

  it.each([
    ['a fraction', { '3000': 1.5 }],
    ['a number as text', { '3000': '20' }],
    ['an array', [20]],
    ['null', null],
    ['a number', 20],
  ])('refuses %s', (_what, countsByKind) => {
    const result = ListedUnit.safeParse({ ...unit, countsByKind });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['countsByKind']);
  });
});
