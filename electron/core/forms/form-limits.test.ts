import { afterEach, describe, expect, it } from 'vitest';
import { districtCore, type TestCore } from '../../../tests/support/core.ts';
import { callNames } from '../../api/contract.ts';
import { formLimits } from './form-limits.ts';

let t: TestCore;
afterEach(() => t?.cleanup());

describe('forms.limits', () => {
  it('reads each field’s limit from the very schema the core checks the input with', async () => {
    t = await districtCore();
    const complaint = await t.ok('forms.limits', { call: 'complaints.create' });
    expect(complaint['content']).toEqual({ maxLength: 4000, minLength: 1 });
    expect(complaint['reporter.name']).toEqual({ maxLength: 50 });
    expect(complaint['reporter.address']).toEqual({ maxLength: 200 });
    expect((await t.ok('forms.limits', { call: 'inspectors.save' }))['name']).toEqual({ maxLength: 30, minLength: 1 });
    expect((await t.ok('forms.limits', { call: 'complaints.proposeReward' }))['level']).toEqual({ min: 1, max: 3 });
    expect((await t.ok('forms.limits', { call: 'staff.add' }))['title']).toEqual({ maxLength: 20, minLength: 1 });
    // the counter shows what the core refuses: one past the limit is refused
    const over = await t.core.call('inspectors.save', { name: '陈'.repeat(31) });
    expect(over).toMatchObject({ ok: false, code: 'VALIDATION', details: { field: 'name' } });
    expect((await t.core.call('inspectors.save', { name: '陈'.repeat(30) })).ok).toBe(true);
  });

  it('walks every call of the contract and refuses a name outside it', async () => {
    for (const name of callNames) expect(() => formLimits(name)).not.toThrow();
    t = await districtCore();
    expect(await t.core.call('forms.limits', { call: 'complaints.drop' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});
