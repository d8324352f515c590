import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { districtCore, type TestCore } from '../../../tests/support/core.ts';
import { verifyAuditChain } from '../audit.ts';
import { equipmentHeader, equipmentRow, idNumber, managerHeader, managerRow, writeXlsx } from '../ledger/test-fixtures.ts';
import { maskPersonalData } from './pii.ts';

let t: TestCore;
afterEach(() => t?.cleanup());

describe('personal data in the audit log', () => {
  it('masks known personal fields at any depth, camelCase and snake_case, and leaves the rest alone', () => {
    const masked = maskPersonalData({
      name: '甲公司',
      contactPerson: '王小明',
      contact_phone: '0512-58681234',
      rows: [{ id_number: '32058219900101123X', phone: 13812345678, version: 2 }],
      reporter: { name: '李四', address: '塘桥镇某路 1 号', phone: null },
      extra: JSON.stringify({ 备注: '无', 身份证号码: '320582199001011234', 联系电话: '13912345678' }),
      notes: 'extra that is not JSON stays',
      idNumber: '',
    });
    expect(masked).toEqual({
      name: '甲公司',
      contactPerson: '王**',
      contact_phone: '051******1234',
      rows: [{ id_number: '3205**********123X', phone: '138****5678', version: 2 }],
      reporter: { name: '李**', address: '***', phone: null },
      extra: JSON.stringify({ 备注: '无', 身份证号码: '3205**********1234', 联系电话: '139****5678' }),
      notes: 'extra that is not JSON stays',
      idNumber: '',
    });
    expect(maskPersonalData(['a', 1, null])).toEqual(['a', 1, null]);
  });

  it('a ledger re-import that changes a manager’s ID number and phone records the change masked, and audit_log holds no full number', async () => {
    t = await districtCore();
    const [oldId, newId] = [idNumber(1), idNumber(9)];
    const ledger = async (name: string, row: unknown[]) => {
      const file = `${t.dir}/${name}`;
      await writeXlsx(file, [
        { name: '设备台账', rows: [equipmentHeader, equipmentRow(1)] as never },
        { name: '安全管理人员', rows: [managerHeader, row] as never },
      ]);
      const plan = await t.ok('ledger.preview', { source: { kind: 'path', path: file } });
      // a new ID number is an identity change: held unless accepted, as a clerk does here
      return t.ok('ledger.apply', { planId: plan.planId, acceptIdentityChanges: 'all' });
    };
    await ledger('a.xlsx', managerRow(1, 1, { 身份证号: oldId, 联系电话: '13800000001' }));
    const applied = await ledger('b.xlsx', managerRow(1, 1, { 身份证号: newId, 联系电话: '13912345678' }));
    expect(applied).toMatchObject({ managers: { updated: 1 } });

    const file = t.file;
    t.core.close();
    const raw = new Database(file, { readonly: true });
    try {
      // the manager row itself holds the new number in full: it is the ledger
      expect(raw.prepare('SELECT id_number AS id FROM safety_managers').get()).toEqual({ id: newId });
      const entry = raw.prepare("SELECT before, after FROM audit_log WHERE call = 'ledger.apply' AND table_name = 'safety_managers' AND before IS NOT NULL").get() as { before: string; after: string };
      expect(JSON.parse(entry.before)).toEqual({ idNumber: `${oldId.slice(0, 4)}**********${oldId.slice(-4)}`, phone: '138****0001', version: 1 });
      expect(JSON.parse(entry.after)).toEqual({ idNumber: `${newId.slice(0, 4)}**********${newId.slice(-4)}`, phone: '139****5678', version: 2 });
      const everything = JSON.stringify(raw.prepare('SELECT * FROM audit_log').all());
      for (const secret of [oldId, newId, '13800000001', '13912345678']) expect(everything).not.toContain(secret);
    } finally {
      raw.close();
    }
  });

  it('masks before hashing, so the chain of masked entries verifies', async () => {
    t = await districtCore();
    const unit = await t.ok('units.create', { districtId: 'seed-district-03', name: '甲公司', uscc: '91330100716105852F', contactPerson: '王小明', contactPhone: '13812345678' });
    await t.ok('units.update', { id: unit.id, version: 1, data: { districtId: 'seed-district-03', name: '甲公司', uscc: '91330100716105852F', contactPerson: '李四', contactPhone: '13912345678' } });
    const rows = t.core.ctx.database.sqlite.prepare("SELECT before, after FROM audit_log WHERE table_name = 'units'").all() as Array<{ before: string | null; after: string }>;
    expect(JSON.stringify(rows)).not.toMatch(/13812345678|13912345678|王小明|李四/);
    expect(JSON.parse(rows[1]!.after)).toMatchObject({ contactPerson: '李**', contactPhone: '139****5678' });
    expect(verifyAuditChain(t.core.ctx)).toMatchObject({ ok: true });
  });
});
