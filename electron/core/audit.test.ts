import { afterEach, describe, expect, it } from 'vitest';
import { districtCore, type TestCore } from '../../tests/support/core.ts';
import { verifyAuditChain } from './audit.ts';

let t: TestCore;
afterEach(() => t?.cleanup());

async function withHistory() {
  t = await districtCore();
  const unit = await t.ok('units.create', { districtId: 'seed-district-03', name: '甲公司', uscc: '91330100716105852F' });
  await t.ok('units.update', { id: unit.id, version: 1, data: { districtId: 'seed-district-03', name: '乙公司', uscc: '91330100716105852F' } });
  return t.core.ctx.database.sqlite;
}

describe('audit log', () => {
  it('chains every change to the previous entry', async () => {
    await withHistory();
    expect(verifyAuditChain(t.core.ctx)).toEqual({ ok: true, entries: 3 });
  });

  it('detects an edited entry even when the append-only trigger is bypassed', async () => {
    const sqlite = await withHistory();
    sqlite.exec('DROP TRIGGER audit_log_no_update');
    sqlite.prepare("UPDATE audit_log SET actor = 'someone else' WHERE seq = 2").run();
    expect(verifyAuditChain(t.core.ctx)).toMatchObject({ ok: false, seq: 2 });
  });

  it('detects a removed entry', async () => {
    const sqlite = await withHistory();
    sqlite.exec('DROP TRIGGER audit_log_no_delete');
    sqlite.prepare('DELETE FROM audit_log WHERE seq = 2').run();
    expect(verifyAuditChain(t.core.ctx)).toMatchObject({ ok: false, seq: 3 });
  });
});
