import { afterEach, describe, expect, it } from 'vitest';
import { districtCore, type TestCore } from '../../../tests/support/core.ts';
import { verifyAuditChain } from '../audit.ts';
import { dbSnapshot, idNumber } from '../ledger/test-fixtures.ts';
import { insertPieces, insertUnit } from './testing/fixtures.ts';

// Equipment and safety managers added, edited and removed one at a time (their
// grids' dialogs): the ledger import's checks, this node's rows only, tombstones,
// every change audited and queued for the next bundle.

const now = () => new Date('2026-03-01T02:00:00Z');
let t: TestCore;
afterEach(() => t?.cleanup());

const sqlite = () => t.core.ctx.database.sqlite;
const audit = (call: string) => sqlite().prepare('SELECT row_ids AS ids, before, after FROM audit_log WHERE call = ? ORDER BY seq').all(call) as { ids: string; before: string | null; after: string }[];
const queued = (id: string) => sqlite().prepare("SELECT count(*) FROM sync_changes WHERE row_id = ?").pluck().get(id);

async function unit(name = '张家港市塘桥机械有限公司', uscc = '91330100716105852F') {
  return t.ok('units.create', { districtId: 'seed-district-03', name, uscc });
}

const piece = (unitId: string, o: Record<string, unknown> = {}) => ({
  unitId,
  equipmentCode: '311032058220150001',
  registrationNo: '梯11苏E00001(17)',
  category: '曳引驱动乘客电梯',
  status: 'in_use',
  location: '1号楼',
  lastInspectionDate: '2025-05-01',
  nextInspectionDate: '',
  internalNo: 'DT-1',
  ...o,
});

describe('equipment one at a time', () => {
  it('adds a piece as the import would: catalogue codes, a derived next date, audited and queued for the bundle', async () => {
    t = await districtCore({ now });
    const u = await unit();
    const saved = await t.ok('equipment.create', piece(u.id, { location: '\u202e1号楼' }));
    expect(saved.equipment).toMatchObject({
      unitName: '张家港市塘桥机械有限公司',
      kindCode: '3000',
      categoryCode: '3100',
      varietyCode: '3110',
      location: '1号楼',
      nextInspectionDate: '2026-05-01',
      nextInspectionSource: 'derived',
      inspectionStatus: 'ok',
      version: 1,
    });
    expect(saved.warnings).toEqual([{ field: 'location', code: 'INVISIBLE_CHARS', message: expect.stringContaining('看不见的控制字符') }]);
    expect(saved.warnings[0]!.message).toContain('将删除后按“1号楼”保存');
    expect(audit('equipment.create')).toHaveLength(1);
    expect(queued(saved.equipment.id)).toBe(1);
    expect((await t.ok('equipment.query', {})).total).toBe(1);
  });

  it('refuses what the import refuses, naming the field, and changes nothing', async () => {
    t = await districtCore({ now });
    const u = await unit();
    await t.ok('equipment.create', piece(u.id));
    const before = dbSnapshot(sqlite());
    const refusals: [Record<string, unknown>, string, string, string][] = [
      [{ category: '不是设备' }, 'VALIDATION', 'category', '在《特种设备目录》中找不到'],
      [{ equipmentCode: '', registrationNo: '' }, 'VALIDATION', 'equipmentCode', '至少填写一项'],
      [{ location: '楼'.repeat(201) }, 'VALIDATION', 'location', '200'],
      [{ internalNo: 'DT-2' }, 'DUPLICATE', 'equipmentCode', '设备代码“311032058220150001”已登记在“张家港市塘桥机械有限公司”的设备中'],
      [{ equipmentCode: '', registrationNo: '梯11苏E00001(17)' }, 'DUPLICATE', 'registrationNo', '使用登记证编号“梯11苏E00001(17)”已登记'],
      [{ lastInspectionDate: '2025-02-30' }, 'VALIDATION', 'lastInspectionDate', '日期'],
    ];
    for (const [change, code, field, message] of refusals) {
      const result = await t.core.call('equipment.create', piece(u.id, change));
      expect(result, JSON.stringify(change)).toMatchObject({ ok: false, code, details: { field }, message: expect.stringContaining(message) });
    }
    expect(dbSnapshot(sqlite())).toBe(before);
  });

  it('edits a piece at the version shown, with the old and new values audited; another node’s piece and a stale version are refused', async () => {
    t = await districtCore({ now });
    const u = await unit();
    const { equipment } = await t.ok('equipment.create', piece(u.id));
    const edited = await t.ok('equipment.update', { id: equipment.id, version: 1, data: piece(u.id, { registrationNo: '梯11苏E00009(17)', nextInspectionDate: '2026-04-30', status: 'stopped' }) });
    expect(edited.equipment).toMatchObject({ registrationNo: '梯11苏E00009(17)', nextInspectionDate: '2026-04-30', nextInspectionSource: 'recorded', status: 'stopped', version: 2 });
    const [entry] = audit('equipment.update');
    expect(JSON.parse(entry!.before!)).toEqual({ registrationNo: '梯11苏E00001(17)', status: 'in_use', nextInspectionDate: '2026-05-01', nextInspectionSource: 'derived', version: 1 });
    expect(JSON.parse(entry!.after)).toMatchObject({ registrationNo: '梯11苏E00009(17)', status: 'stopped', nextInspectionDate: '2026-04-30', nextInspectionSource: 'recorded', version: 2 });

    expect(await t.core.call('equipment.update', { id: equipment.id, version: 1, data: piece(u.id) })).toMatchObject({ ok: false, code: 'CONFLICT' });
    const [foreign] = insertPieces(sqlite(), insertUnit(sqlite(), { name: '外来单位' }), 1); // origin_node 'test': another node's row
    const version = sqlite().prepare('SELECT version FROM equipment WHERE id = ?').pluck().get(foreign) as number;
    expect(await t.core.call('equipment.update', { id: foreign, version, data: piece(u.id, { equipmentCode: '311032058220159999' }) })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await t.core.call('equipment.delete', { id: foreign, version })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('deletes a piece as a tombstone that travels in the next bundle', async () => {
    t = await districtCore({ now });
    const u = await unit();
    const { equipment } = await t.ok('equipment.create', piece(u.id));
    sqlite().prepare('DELETE FROM sync_changes').run();
    const deleted = await t.ok('equipment.delete', { id: equipment.id, version: 1 });
    expect(deleted).toEqual({ id: equipment.id, deletedAt: '2026-03-01T02:00:00.000Z' });
    expect(sqlite().prepare('SELECT deleted_at AS d, version FROM equipment WHERE id = ?').get(equipment.id)).toEqual({ d: '2026-03-01T02:00:00.000Z', version: 2 });
    expect(queued(equipment.id)).toBe(1);
    expect((await t.ok('equipment.query', {})).total).toBe(0);
    expect(await t.core.call('equipment.get', { id: equipment.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await t.core.call('equipment.delete', { id: equipment.id, version: 2 })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(audit('equipment.delete')).toHaveLength(1);
    expect(verifyAuditChain(t.core.ctx)).toMatchObject({ ok: true });
  });
});

describe('safety managers one at a time', () => {
  const person = (unitId: string, o: Record<string, unknown> = {}) => ({
    unitId,
    name: '张三',
    idNumber: idNumber(1),
    itemCode: 'A',
    certificateNo: 'TS-A-000001',
    issuedDate: '2023-01-10',
    expiryDate: '2027-01-09',
    phone: '13800000001',
    ...o,
  });

  it('adds, edits (keeping the masked ID number and phone unless retyped) and deletes, with the import’s checks', async () => {
    t = await districtCore({ now });
    const u = await unit();
    const created = await t.ok('managers.create', person(u.id, { itemCode: 'A3' }));
    expect(created.manager).toMatchObject({ name: '张三', itemCode: 'A', idNumberMasked: `3205**********${idNumber(1).slice(-4)}`, phoneMasked: '138****0001', certificateStatus: 'valid' });
    expect(created.warnings.map((w) => [w.field, w.code])).toEqual([['itemCode', 'ITEM_LEGACY']]);
    expect(JSON.stringify(created)).not.toContain(idNumber(1));

    const bad = await t.core.call('managers.create', person(u.id, { certificateNo: 'TS-A-000002', idNumber: '320582198001011230' }));
    expect(bad).toMatchObject({ ok: false, code: 'VALIDATION', details: { field: 'idNumber' }, message: expect.stringContaining('校验') });
    expect(await t.core.call('managers.create', person(u.id, { idNumber: idNumber(2) }))).toMatchObject({ ok: false, code: 'DUPLICATE', details: { field: 'certificateNo' } });

    const { idNumber: _id, phone: _phone, ...withoutPersonal } = person(u.id, { expiryDate: '2031-01-09' });
    const edited = await t.ok('managers.update', { id: created.manager.id, version: 1, data: withoutPersonal });
    expect(edited.manager).toMatchObject({ expiryDate: '2031-01-09', version: 2 });
    const stored = sqlite().prepare('SELECT id_number AS id, phone FROM safety_managers WHERE id = ?').get(created.manager.id);
    expect(stored).toEqual({ id: idNumber(1), phone: '13800000001' });
    const [entry] = audit('managers.update');
    expect(JSON.parse(entry!.before!)).toEqual({ expiryDate: '2027-01-09', version: 1 });

    await t.ok('managers.update', { id: created.manager.id, version: 2, data: { ...withoutPersonal, phone: '' } });
    expect(sqlite().prepare('SELECT phone FROM safety_managers WHERE id = ?').pluck().get(created.manager.id)).toBeNull();

    await t.ok('managers.delete', { id: created.manager.id, version: 3 });
    expect((await t.ok('managers.query', {})).total).toBe(0);
    expect(sqlite().prepare('SELECT deleted_at FROM safety_managers WHERE id = ?').pluck().get(created.manager.id)).toBe('2026-03-01T02:00:00.000Z');
  });
});
