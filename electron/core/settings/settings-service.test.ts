import { afterEach, describe, expect, it } from 'vitest';
import { districtCore, type TestCore } from '../../../tests/support/core.ts';
import { verifyAuditChain } from '../audit.ts';

// periodic-inspection intervals in months, for a next date derived from the last one
const inspectionIntervals = [
  { code: '1000', months: 12 },
  { code: '2100', months: 36 },
  { code: '3000', months: 12 },
  { code: '4000', months: 12 },
  { code: '4100', months: 24 },
  { code: '4200', months: 24 },
  { code: '4D00', months: 24 },
  { code: '5000', months: 12 },
  { code: '6000', months: 12 },
  { code: '8000', months: 36 },
  { code: '9000', months: 12 },
  { code: '7310', months: 12 },
];
const defaults = { screeningThreshold: 20, countedStatuses: ['in_use'], excludedCodes: ['2300'], safetyBodyThreshold: 50, dueSoonDays: 30, certificateExpiringDays: 90, inspectionIntervals };
let t: TestCore;
afterEach(() => t?.cleanup());

describe('settings', () => {
  it('starts from the defaults of docs/DOMAIN.md', async () => {
    t = await districtCore();
    expect(await t.ok('settings.get', {})).toEqual({ registry: defaults });
  });

  it('changes only the fields sent, stores JSON under "registry" and audits before and after', async () => {
    t = await districtCore();
    const updated = await t.ok('settings.update', { registry: { dueSoonDays: 45, excludedCodes: ['2300', '2300', 'F000'] } });
    expect(updated.registry).toEqual({ ...defaults, dueSoonDays: 45, excludedCodes: ['2300', 'F000'] });
    expect(await t.ok('settings.get', {})).toEqual(updated);
    await t.ok('settings.update', { registry: { screeningThreshold: 25 } });
    expect((await t.ok('settings.get', {})).registry).toMatchObject({ dueSoonDays: 45, screeningThreshold: 25 });

    const { sqlite } = t.core.ctx.database;
    const stored = sqlite.prepare("SELECT value FROM settings WHERE key = 'registry'").get() as { value: string };
    expect(JSON.parse(stored.value)).toMatchObject({ screeningThreshold: 25 });
    const audit = sqlite.prepare("SELECT before, after, row_ids AS rowIds FROM audit_log WHERE call = 'settings.update' ORDER BY seq").all() as Record<string, string>[];
    expect(audit).toHaveLength(2);
    expect(JSON.parse(audit[0]!['before']!)).toEqual(defaults);
    expect(JSON.parse(audit[1]!['after']!)).toMatchObject({ screeningThreshold: 25, dueSoonDays: 45 });
    expect(verifyAuditChain(t.core.ctx)).toMatchObject({ ok: true });
  });

  it('refuses bad values with a Chinese message, changing nothing', async () => {
    t = await districtCore();
    expect(await t.core.call('settings.update', { registry: { screeningThreshold: 0 } })).toMatchObject({ ok: false, code: 'VALIDATION', message: expect.stringContaining('筛查台数') });
    expect(await t.core.call('settings.update', { registry: { countedStatuses: [] } })).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(await t.core.call('settings.update', { registry: { excludedCodes: ['2300', '9999'] } })).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      message: expect.stringContaining('没有代码 9999'),
    });
    expect(await t.core.call('settings.update', { registry: { bogus: 1 } })).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(await t.ok('settings.get', {})).toEqual({ registry: defaults });
  });

  it('falls back to the default of a stored value this version does not accept, field by field', async () => {
    t = await districtCore();
    t.core.ctx.database.sqlite
      .prepare("INSERT INTO settings (key, value, updated_at) VALUES ('registry', ?, '2026-01-01')")
      .run(JSON.stringify({ screeningThreshold: 'twenty', dueSoonDays: 15, retired: true }));
    expect((await t.ok('settings.get', {})).registry).toEqual({ ...defaults, dueSoonDays: 15 });
  });

  it('needs an initialised node to change settings', async () => {
    t = await districtCore({ init: false });
    expect(await t.core.call('settings.update', { registry: { dueSoonDays: 10 } })).toMatchObject({ ok: false, code: 'NOT_INITIALIZED' });
  });
});
