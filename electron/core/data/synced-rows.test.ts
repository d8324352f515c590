import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { districtCore, type TestCore } from '../../../tests/support/core.ts';
import { equipment, units } from '../../../db/schema/index.ts';
import { AppError } from '../../api/errors.ts';
import { verifyAuditChain } from '../audit.ts';
import { requireIdentity } from '../node/node-service.ts';
import { insertUnit, testUscc } from '../registry/testing/fixtures.ts';
import { syncedRows } from './synced-rows.ts';
import { beginWrite, inTransaction, type Write } from './write.ts';

// The write layer on a real database file: sync columns, the ownership rule, the
// origin roles of the exchange, and the audit entry in the row's own transaction.

let t: TestCore;
afterEach(() => t?.cleanup());

let clock = Date.UTC(2026, 2, 1, 2);
const now = () => new Date((clock += 60_000));

const unitRows = syncedRows(units, { notFound: '该使用单位不存在', foreign: '该使用单位由其他节点登记', conflict: '该使用单位已被修改' });
const equipmentRows = syncedRows(equipment, { notFound: '该设备不存在', foreign: '该设备由其他节点登记' });

const sqlite = () => t.core.ctx.database.sqlite;
const auditCount = () => Number(sqlite().prepare('SELECT count(*) FROM audit_log').pluck().get());
const write = (call: string): Write => beginWrite(t.core.ctx, requireIdentity(t.core.ctx), call);
const fields = (name: string, n: number) => ({ districtId: 'seed-district-03', name, uscc: testUscc(n) });

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('synced rows', () => {
  it('inserts with this node as origin, version 1 and one audit entry under the call', async () => {
    t = await districtCore({ now });
    const w = write('units.create');
    const row = unitRows.insert(w, fields('塘桥机械', 1));
    expect(row).toMatchObject({ originNode: w.node.id, version: 1, createdAt: w.now, updatedAt: w.now, deletedAt: null, name: '塘桥机械' });
    const entry = sqlite().prepare("SELECT call, table_name AS t, row_ids AS ids, after FROM audit_log WHERE call = 'units.create'").get();
    expect(entry).toMatchObject({ t: 'units', ids: JSON.stringify([row.id]) });
    expect(JSON.parse((entry as { after: string }).after)).toMatchObject({ id: row.id, originNode: w.node.id, version: 1 });
    expect(verifyAuditChain(t.core.ctx)).toEqual({ ok: true, entries: expect.any(Number) });
  });

  it('updates with version + 1 and a new updated_at, auditing before and after', async () => {
    t = await districtCore({ now });
    const created = unitRows.insert(write('units.create'), fields('塘桥机械', 2));
    const w = write('units.update');
    const before = unitRows.owned(w, created.id, 1);
    const after = unitRows.update(w, before, { address: '塘桥镇南京路 1 号' });
    expect(after).toMatchObject({ version: 2, updatedAt: w.now, address: '塘桥镇南京路 1 号', createdAt: created.createdAt });
    expect(w.now > created.updatedAt).toBe(true);
    const entry = sqlite().prepare("SELECT before, after FROM audit_log WHERE call = 'units.update'").get() as { before: string; after: string };
    expect(JSON.parse(entry.before)).toMatchObject({ version: 1, address: null });
    expect(JSON.parse(entry.after)).toEqual({ address: '塘桥镇南京路 1 号', updatedAt: w.now, version: 2 });
    // the version the user saw is checked
    expect(refusal(() => unitRows.owned(w, created.id, 1))).toMatchObject({ code: 'CONFLICT', message: '该使用单位已被修改' });
    // and a stale row handed in is refused rather than written over
    expect(refusal(() => unitRows.update(w, before, { address: 'x' }))).toMatchObject({ code: 'CONFLICT' });
    expect(unitRows.find(w, created.id)).toMatchObject({ version: 2, address: '塘桥镇南京路 1 号' });
  });

  it('refuses a row another node originated and writes nothing', async () => {
    t = await districtCore({ now });
    const foreignId = insertUnit(sqlite(), { name: '外来单位' }); // origin_node 'test'
    const w = write('units.update');
    const audits = auditCount();
    expect(refusal(() => unitRows.owned(w, foreignId))).toMatchObject({ code: 'FORBIDDEN', message: '该使用单位由其他节点登记' });
    const foreign = unitRows.find(w, foreignId)!;
    expect(refusal(() => unitRows.update(w, foreign, { name: '改名' }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(refusal(() => unitRows.remove(w, foreign))).toMatchObject({ code: 'FORBIDDEN' });
    expect(unitRows.removeWhere(w, eq(units.id, foreignId))).toEqual([]);
    expect(unitRows.find(w, foreignId)).toMatchObject({ version: 1, deletedAt: null });
    expect(unitRows.find(w, foreignId)).toMatchObject({ name: '外来单位', version: 1, deletedAt: null });
    expect(auditCount()).toBe(audits);
  });

  it('refuses a table this node role may not originate', async () => {
    t = await districtCore({ now });
    const identity = requireIdentity(t.core.ctx);
    const bureau = beginWrite(t.core.ctx, { ...identity, role: 'bureau' }, 'units.create');
    const audits = auditCount();
    expect(refusal(() => unitRows.insert(bureau, fields('市局单位', 3)))).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('市局不能登记') });
    expect(sqlite().prepare("SELECT count(*) FROM units WHERE name = '市局单位'").pluck().get()).toBe(0);
    expect(auditCount()).toBe(audits);
  });

  it('tombstones: remove and removeWhere bump the version and audit every id', async () => {
    t = await districtCore({ now });
    const unit = unitRows.insert(write('units.create'), fields('塘桥机械', 4));
    const pieces = [1, 2].map((n) => equipmentRows.insert(write('equipment.create'), { unitId: unit.id, equipmentCode: `3110${n}`, status: 'in_use' }));
    const w = write('units.delete');
    const ids = equipmentRows.removeWhere(w, eq(equipment.unitId, unit.id));
    expect(ids.sort()).toEqual(pieces.map((p) => p.id).sort());
    expect(equipmentRows.find(w, pieces[0]!.id)).toMatchObject({ version: 2, deletedAt: w.now });
    expect(unitRows.remove(w, unitRows.owned(w, unit.id))).toEqual({ id: unit.id, deletedAt: w.now });
    expect(refusal(() => unitRows.owned(w, unit.id))).toMatchObject({ code: 'NOT_FOUND' });
    const rowIds = sqlite().prepare("SELECT row_ids FROM audit_log WHERE call = 'units.delete' ORDER BY seq").pluck().all() as string[];
    expect(rowIds.map((r) => JSON.parse(r) as string[])).toEqual([ids, [unit.id]]);
  });

  it('writes the audit entry in the row transaction: a failing audit leaves no row', async () => {
    t = await districtCore({ now });
    sqlite().exec("CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit refused'); END");
    expect(() => unitRows.insert(write('units.create'), fields('塘桥机械', 5))).toThrow(/audit refused/);
    expect(sqlite().prepare("SELECT count(*) FROM units WHERE name = '塘桥机械'").pluck().get()).toBe(0);
  });

  it('rolls back the row and its audit entry when a later write of the call fails', async () => {
    t = await districtCore({ now });
    const unit = unitRows.insert(write('units.create'), fields('塘桥机械', 6));
    const audits = auditCount();
    const w = write('units.update');
    expect(() =>
      inTransaction(w, () => {
        unitRows.update(w, unitRows.owned(w, unit.id), { address: '新地址' });
        equipmentRows.insert(w, { unitId: 'no-such-unit', status: 'in_use' }); // foreign key fails
      }),
    ).toThrow(/FOREIGN KEY/);
    expect(unitRows.find(w, unit.id)).toMatchObject({ version: 1, address: null });
    expect(auditCount()).toBe(audits);
  });

  it('insertMany writes every row of this node under one audit entry naming them all', async () => {
    t = await districtCore({ now });
    const unit = unitRows.insert(write('units.create'), fields('塘桥机械', 7));
    const w = write('equipment.import');
    const audits = auditCount();
    const rows = equipmentRows.insertMany(w, [1, 2, 3].map((n) => ({ unitId: unit.id, equipmentCode: `3120${n}`, status: 'in_use' as const })), { audit: { after: { added: 3 }, rowIds: [unit.id] } });
    expect(rows.map((r) => r.equipmentCode)).toEqual(['31201', '31202', '31203']);
    expect(rows.every((r) => r.originNode === w.node.id && r.version === 1 && r.createdAt === w.now)).toBe(true);
    expect(new Set(rows.map((r) => r.id)).size).toBe(3);
    expect(auditCount()).toBe(audits + 1);
    const entry = sqlite().prepare("SELECT row_ids AS ids, after FROM audit_log WHERE call = 'equipment.import'").get() as { ids: string; after: string };
    expect(JSON.parse(entry.ids)).toEqual([...rows.map((r) => r.id), unit.id]);
    expect(JSON.parse(entry.after)).toEqual({ added: 3 });
    // without an override the entry holds the rows as written
    const more = equipmentRows.insertMany(write('equipment.more'), [{ unitId: unit.id, equipmentCode: '31204', status: 'in_use' }]);
    const plain = sqlite().prepare("SELECT after FROM audit_log WHERE call = 'equipment.more'").pluck().get() as string;
    expect(JSON.parse(plain)).toEqual([expect.objectContaining({ id: more[0]!.id, equipmentCode: '31204', version: 1 })]);
    expect(verifyAuditChain(t.core.ctx)).toEqual({ ok: true, entries: expect.any(Number) });
  });

  it('insertMany writes more rows than one statement holds, all or none', async () => {
    t = await districtCore({ now });
    const unit = unitRows.insert(write('units.create'), fields('塘桥机械', 8));
    const many = Array.from({ length: 250 }, (_, i) => ({ unitId: unit.id, equipmentCode: `4${String(i).padStart(4, '0')}`, status: 'in_use' as const }));
    expect(equipmentRows.insertMany(write('equipment.import'), many)).toHaveLength(250);
    expect(sqlite().prepare('SELECT count(*) FROM equipment WHERE unit_id = ?').pluck().get(unit.id)).toBe(250);
    // a bad row in the last chunk leaves none of the call's rows and no entry
    const audits = auditCount();
    const bad = [...many.slice(0, 150).map((r) => ({ ...r, equipmentCode: `5${r.equipmentCode}` })), { unitId: 'no-such-unit', status: 'in_use' as const }];
    expect(() => equipmentRows.insertMany(write('equipment.import'), bad)).toThrow(/FOREIGN KEY/);
    expect(sqlite().prepare('SELECT count(*) FROM equipment WHERE unit_id = ?').pluck().get(unit.id)).toBe(250);
    expect(auditCount()).toBe(audits);
    // and a role that may not originate the table writes nothing at all
    const bureau = beginWrite(t.core.ctx, { ...requireIdentity(t.core.ctx), role: 'bureau' }, 'equipment.import');
    expect(refusal(() => equipmentRows.insertMany(bureau, many.slice(0, 2)))).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('市局不能登记') });
    expect(auditCount()).toBe(audits);
  });

  it('names further row ids on insert, update and remove, and leaves out a before/after given as null', async () => {
    t = await districtCore({ now });
    const unit = unitRows.insert(write('units.create'), fields('塘桥机械', 9), { audit: { rowIds: ['linked-1'] } });
    const w = write('units.update');
    const updated = unitRows.update(w, unitRows.owned(w, unit.id), { address: '新地址' }, { rowIds: ['linked-2', 'linked-3'], before: null });
    const d = write('units.delete');
    unitRows.remove(d, unitRows.owned(d, updated.id), { rowIds: ['linked-4'], after: null });
    const entries = sqlite().prepare("SELECT row_ids AS ids, before, after FROM audit_log WHERE call LIKE 'units.%' ORDER BY seq").all() as Array<{ ids: string; before: string | null; after: string | null }>;
    expect(entries.map((e) => JSON.parse(e.ids))).toEqual([
      [unit.id, 'linked-1'],
      [unit.id, 'linked-2', 'linked-3'],
      [unit.id, 'linked-4'],
    ]);
    expect(entries[1]).toMatchObject({ before: null, after: expect.stringContaining('新地址') });
    expect(entries[2]).toMatchObject({ before: expect.stringContaining('新地址'), after: null });
  });

  it('updateMany changes rows at the versions read under one entry, and a moved row stops them all', async () => {
    t = await districtCore({ now });
    const unit = unitRows.insert(write('units.create'), fields('塘桥机械', 10));
    const pieces = equipmentRows.insertMany(write('equipment.import'), [1, 2].map((n) => ({ unitId: unit.id, equipmentCode: `3130${n}`, status: 'in_use' })));
    const w = write('equipment.stop');
    const after = equipmentRows.updateMany(w, pieces, { status: 'stopped' }, { rowIds: ['event-1'], after: { status: 'stopped' } });
    expect(after.map((r) => [r.status, r.version, r.updatedAt])).toEqual([
      ['stopped', 2, w.now],
      ['stopped', 2, w.now],
    ]);
    const entry = sqlite().prepare("SELECT row_ids AS ids, before FROM audit_log WHERE call = 'equipment.stop'").get() as { ids: string; before: string };
    expect(JSON.parse(entry.ids)).toEqual([...pieces.map((p) => p.id), 'event-1']);
    expect(JSON.parse(entry.before)).toEqual(pieces.map((p) => expect.objectContaining({ id: p.id, status: 'in_use', version: 1 })));
    // one row read before the change is stale: nothing of the call is written
    const audits = auditCount();
    const again = write('equipment.resume');
    expect(refusal(() => equipmentRows.updateMany(again, [after[0]!, pieces[1]!], { status: 'in_use' }))).toMatchObject({ code: 'CONFLICT' });
    expect(equipmentRows.find(again, after[0]!.id)).toMatchObject({ status: 'stopped', version: 2 });
    expect(auditCount()).toBe(audits);
  });

  it('owned says a call’s own words for the row at hand, fixed or named from the row found', async () => {
    t = await districtCore({ now });
    const foreignId = insertUnit(sqlite(), { name: '外来单位' });
    const w = write('units.update');
    const named = (row: { name: string }) => ({ foreign: `“${row.name}”由其他节点登记` });
    expect(refusal(() => unitRows.owned(w, foreignId, undefined, named))).toMatchObject({ code: 'FORBIDDEN', message: '“外来单位”由其他节点登记' });
    expect(refusal(() => unitRows.owned(w, 'no-such-unit', undefined, named))).toMatchObject({ code: 'NOT_FOUND', message: '该使用单位不存在' });
    expect(refusal(() => unitRows.owned(w, 'no-such-unit', undefined, { notFound: '所选单位已删除' }))).toMatchObject({ message: '所选单位已删除' });
    const own = unitRows.insert(write('units.create'), fields('塘桥机械', 11));
    expect(refusal(() => unitRows.owned(w, own.id, 7, { conflict: '该单位刚被改过' }))).toMatchObject({ code: 'CONFLICT', message: '该单位刚被改过', details: { currentVersion: 1 } });
  });
});
