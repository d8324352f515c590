import { afterEach, describe, expect, it } from 'vitest';
import { districtCore, type TestCore } from '../../../tests/support/core.ts';
import { verifyAuditChain } from '../audit.ts';
import { BULK_LOG_MIN_ROWS } from '../bundles/bulk-change-log.ts';
import { count, dbSnapshot, equipmentHeader, equipmentRow, managerHeader, managerRow, writeXlsx } from './test-fixtures.ts';

let t: TestCore;
afterEach(() => t?.cleanup());

async function ledger(name: string, equipment: unknown[][], managers: unknown[][] = []): Promise<string> {
  const file = `${t.dir}/${name}`;
  await writeXlsx(file, [
    { name: '设备台账', rows: [equipmentHeader, ...equipment] as never },
    { name: '安全管理人员', rows: [managerHeader, ...managers] as never },
  ]);
  return file;
}

const preview = (file: string, extra: object = {}) => t.ok('ledger.preview', { source: { kind: 'path', path: file }, ...extra });
const auditRows = () => count(t.core.ctx.database.sqlite, 'audit_log');

describe('apply', () => {
  it('re-importing the same file changes nothing and writes no audit entry', async () => {
    t = await districtCore();
    const file = await ledger('a.xlsx', [equipmentRow(1), equipmentRow(2), equipmentRow(3, 2)], [managerRow(1), managerRow(2, 2)]);
    await t.ok('ledger.apply', { planId: (await preview(file)).planId });
    const before = dbSnapshot(t.core.ctx.database.sqlite);

    const again = await preview(file);
    expect(again).toMatchObject({
      units: { inserted: 0, updated: 0, unchanged: 2 },
      equipment: { inserted: 0, updated: 0, unchanged: 3 },
      managers: { inserted: 0, updated: 0, unchanged: 2 },
      errors: [],
    });
    await t.ok('ledger.apply', { planId: again.planId });
    expect(dbSnapshot(t.core.ctx.database.sqlite)).toBe(before);
  });

  it('a newer export updates what changed, and the audit log has each changed field’s old and new value', async () => {
    t = await districtCore();
    await t.ok('ledger.apply', { planId: (await preview(await ledger('old.xlsx', [equipmentRow(1), equipmentRow(2)], [managerRow(1)]))).planId });
    const audits = auditRows();
    const newer = await ledger(
      'new.xlsx',
      [equipmentRow(1, 1, { 设备状态: '停用', 下次检验日期: '2026年5月1日' }), equipmentRow(2), equipmentRow(4)],
      [managerRow(1, 1, { 有效期至: '2031-01-09', 联系电话: '13912345678' })],
    );
    const plan = await preview(newer);
    expect(plan).toMatchObject({ equipment: { inserted: 1, updated: 1, unchanged: 1 }, managers: { updated: 1 }, units: { unchanged: 1 } });
    await t.ok('ledger.apply', { planId: plan.planId });

    const { sqlite } = t.core.ctx.database;
    const piece = sqlite.prepare("SELECT id, status, next_inspection_date AS next, version FROM equipment WHERE internal_no = 'DT-1'").get() as Record<string, unknown>;
    expect(piece).toMatchObject({ status: 'stopped', next: '2026-05-01', version: 2 });
    const entries = sqlite.prepare("SELECT table_name AS t, row_ids AS ids, before, after FROM audit_log WHERE call = 'ledger.apply' ORDER BY seq").all().slice(-3) as Record<string, string>[];
    // one entry for the inserted piece (ids), one per changed row with only what changed
    const updateEntry = entries.find((e) => e['t'] === 'equipment' && JSON.parse(e['ids']!)[0] === piece['id'])!;
    expect(JSON.parse(updateEntry['before']!)).toEqual({ status: 'in_use', nextInspectionDate: '2025-05-01', version: 1 });
    expect(JSON.parse(updateEntry['after']!)).toEqual({ status: 'stopped', nextInspectionDate: '2026-05-01', version: 2 });
    const managerEntry = entries.find((e) => e['t'] === 'safety_managers')!;
    // the phone is personal data: masked in the log, the change still visible
    expect(JSON.parse(managerEntry['before']!)).toEqual({ expiryDate: '2027-01-09', phone: '138****0001', version: 1 });
    expect(JSON.parse(managerEntry['after']!)).toEqual({ expiryDate: '2031-01-09', phone: '139****5678', version: 2 });
    expect(auditRows()).toBe(audits + 3);
    expect(verifyAuditChain(t.core.ctx)).toMatchObject({ ok: true });
  });

  it('refuses when a row it would update changed since preview, writing nothing', async () => {
    t = await districtCore();
    await t.ok('ledger.apply', { planId: (await preview(await ledger('a.xlsx', [equipmentRow(1)]))).planId });
    const plan = await preview(await ledger('b.xlsx', [equipmentRow(1, 1, { 设备状态: '报废' }), equipmentRow(2)]));
    const { sqlite } = t.core.ctx.database;
    sqlite.prepare("UPDATE equipment SET location = '另一窗口改的', version = version + 1").run(); // e.g. edited meanwhile
    const before = dbSnapshot(sqlite);
    expect(await t.core.call('ledger.apply', { planId: plan.planId })).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringContaining('数据已变化，请重新预览') });
    expect(dbSnapshot(sqlite)).toBe(before);
  });

  it('refuses when a key it would insert was taken since preview, writing nothing', async () => {
    t = await districtCore();
    const plan = await preview(await ledger('a.xlsx', [equipmentRow(1), equipmentRow(2)]));
    // another import of the same piece meanwhile
    await t.ok('ledger.apply', { planId: (await preview(await ledger('b.xlsx', [equipmentRow(2)]))).planId });
    const before = dbSnapshot(t.core.ctx.database.sqlite);
    expect(await t.core.call('ledger.apply', { planId: plan.planId })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(dbSnapshot(t.core.ctx.database.sqlite)).toBe(before);
  });

  it('a failure in the middle of apply leaves the database exactly as it was', async () => {
    t = await districtCore();
    const { sqlite } = t.core.ctx.database;
    await t.ok('ledger.apply', { planId: (await preview(await ledger('a.xlsx', [equipmentRow(1), equipmentRow(2)]))).planId });
    const plan = await preview(await ledger('b.xlsx', [equipmentRow(1, 1, { 设备状态: '停用' }), ...Array.from({ length: 50 }, (_, i) => equipmentRow(i + 3, 1 + (i % 4)))]));
    expect(plan.equipment).toMatchObject({ inserted: 50, updated: 1 });
    // the 40th new piece makes the database refuse, after units and 39 pieces were written
    sqlite.exec("CREATE TEMP TRIGGER fail_midway BEFORE INSERT ON equipment WHEN NEW.internal_no = 'DT-42' BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
    const before = dbSnapshot(sqlite);
    const result = await t.core.call('ledger.apply', { planId: plan.planId });
    expect(result).toMatchObject({ ok: false, code: 'INTERNAL', message: expect.stringContaining('操作未完成') });
    expect(dbSnapshot(sqlite)).toBe(before);
    expect(await t.ok('stats.get', {})).toMatchObject({ units: 1, equipment: 2 });
    // the plan survives a failed apply: once the cause is gone it runs
    sqlite.exec('DROP TRIGGER fail_midway');
    await t.ok('ledger.apply', { planId: plan.planId });
    expect(await t.ok('stats.get', {})).toMatchObject({ units: 4, equipment: 52 });
  });

  it('a large import logs every new piece for the next bundle, in order, and a failure in it changes nothing', async () => {
    t = await districtCore();
    const { sqlite } = t.core.ctx.database;
    const pieces = BULK_LOG_MIN_ROWS + 20;
    const plan = await preview(await ledger('big.xlsx', Array.from({ length: pieces }, (_, i) => equipmentRow(i + 1, 1 + (i % 30)))));
    expect(plan.equipment).toMatchObject({ inserted: pieces });
    const trigger = () => sqlite.prepare("SELECT sql FROM sqlite_master WHERE name = 'equipment_sync_insert'").pluck().get();
    const logged = () => sqlite.prepare("SELECT row_id FROM sync_changes WHERE table_name = 'equipment' ORDER BY seq").pluck().all();
    const triggerBefore = trigger();

    sqlite.exec(`CREATE TEMP TRIGGER fail_late BEFORE INSERT ON equipment WHEN NEW.internal_no = 'DT-${pieces - 1}' BEGIN SELECT RAISE(ABORT, 'injected failure'); END`);
    const before = dbSnapshot(sqlite);
    expect(await t.core.call('ledger.apply', { planId: plan.planId })).toMatchObject({ ok: false });
    expect(dbSnapshot(sqlite)).toBe(before);
    expect(logged()).toEqual([]);
    expect(trigger()).toBe(triggerBefore);

    sqlite.exec('DROP TRIGGER fail_late');
    await t.ok('ledger.apply', { planId: plan.planId });
    expect(logged()).toEqual(sqlite.prepare('SELECT id FROM equipment ORDER BY rowid').pluck().all());
    expect(logged()).toHaveLength(pieces);
    expect(trigger()).toBe(triggerBefore);
  });

  it('cancel during preview or before the write leaves the database unchanged; progress names the phases', async () => {
    t = await districtCore();
    const file = await ledger('big.xlsx', Array.from({ length: 3000 }, (_, i) => equipmentRow(i + 1, 1 + (i % 100))));
    const before = dbSnapshot(t.core.ctx.database.sqlite);

    const running = t.core.call('ledger.preview', { source: { kind: 'path', path: file }, jobId: 'preview-job-1' });
    expect(await t.ok('jobs.progress', { jobId: 'preview-job-1' })).toMatchObject({ state: 'running', phase: '读取文件' });
    expect(await t.ok('jobs.cancel', { jobId: 'preview-job-1' })).toEqual({ cancelled: true });
    expect(await running).toMatchObject({ ok: false, code: 'CANCELLED' });
    expect(await t.ok('jobs.progress', { jobId: 'preview-job-1' })).toMatchObject({ state: 'cancelled' });

    const plan = await t.ok('ledger.preview', { source: { kind: 'path', path: file }, jobId: 'preview-job-2' });
    expect(await t.ok('jobs.progress', { jobId: 'preview-job-2' })).toMatchObject({ state: 'done', phase: '检查数据', done: 3000, total: 3000 });
    const applying = t.core.call('ledger.apply', { planId: plan.planId, jobId: 'apply-job-1' });
    expect(await t.ok('jobs.progress', { jobId: 'apply-job-1' })).toMatchObject({ phase: '写入数据库', total: 3100 });
    await t.ok('jobs.cancel', { jobId: 'apply-job-1' });
    expect(await applying).toMatchObject({ ok: false, code: 'CANCELLED', message: expect.stringContaining('数据未改变') });
    expect(dbSnapshot(t.core.ctx.database.sqlite)).toBe(before);

    // not cancelled, the same plan imports
    expect(await t.ok('ledger.apply', { planId: plan.planId, jobId: 'apply-job-2' })).toMatchObject({ equipment: { inserted: 3000 } });
  });

  it('reports progress and sees a cancel while one statement inserts a table’s new rows', async () => {
    t = await districtCore();
    const { sqlite } = t.core.ctx.database;
    // 100 units, then 3,000 pieces: written by one INSERT … SELECT per table (staging.ts)
    const plan = await preview(await ledger('big.xlsx', Array.from({ length: 3000 }, (_, i) => equipmentRow(i + 1, 1 + (i % 100)))));
    const before = dbSnapshot(sqlite);
    const seen: number[] = [];
    sqlite.function('progress_midway', () => {
      seen.push(t.core.ctx.jobs.progress('apply-midway').done ?? -1);
      return t.core.ctx.jobs.cancel('apply-midway') ? 1 : 0;
    });
    // the 2,001st piece: the statement that inserts the pieces is still running
    sqlite.exec("CREATE TEMP TRIGGER midway AFTER INSERT ON equipment WHEN NEW.internal_no = 'DT-2001' BEGIN SELECT progress_midway(); END");
    sqlite.function('later_piece', () => seen.push(-1));
    sqlite.exec("CREATE TEMP TRIGGER later AFTER INSERT ON equipment WHEN NEW.internal_no = 'DT-2900' BEGIN SELECT later_piece(); END");
    const cancelled = await t.core.call('ledger.apply', { planId: plan.planId, jobId: 'apply-midway' });
    expect(cancelled).toMatchObject({ ok: false, code: 'CANCELLED', message: expect.stringContaining('回滚') });
    // the units and 2,000 pieces counted already (progress goes in steps of 500 rows), and the
    // cancel seen before the statement went on to the 2,900th piece
    expect(seen).toEqual([2100]);
    expect(t.core.ctx.jobs.progress('apply-midway')).toMatchObject({ state: 'cancelled' });
    expect(dbSnapshot(sqlite)).toBe(before);
    sqlite.exec('DROP TRIGGER midway');
    sqlite.exec('DROP TRIGGER later');
    expect(await t.ok('ledger.apply', { planId: plan.planId })).toMatchObject({ equipment: { inserted: 3000 } });
  });

  it('stages a preview’s new rows in temp tables only, and leaves none behind once applied, cancelled or pushed out', async () => {
    t = await districtCore();
    const { sqlite } = t.core.ctx.database;
    const staged = () => sqlite.prepare("SELECT name FROM temp.sqlite_master WHERE type = 'table' AND name LIKE 'ledger_plan_%'").pluck().all() as string[];
    const file = await ledger('a.xlsx', Array.from({ length: 300 }, (_, i) => equipmentRow(i + 1, 1 + (i % 7))), [managerRow(1)]);
    const before = dbSnapshot(sqlite);
    const plan = await preview(file);
    // units, equipment and managers: in the connection's temp schema, the data untouched
    expect(staged()).toHaveLength(3);
    expect(dbSnapshot(sqlite)).toBe(before);
    await t.ok('ledger.apply', { planId: plan.planId });
    expect(staged()).toEqual([]);
    expect(await t.ok('stats.get', {})).toMatchObject({ units: 7, equipment: 300, managers: 1 });
    expect(sqlite.prepare("SELECT count(*) FROM equipment WHERE version = 1 AND origin_node = (SELECT id FROM node_identity)").pluck().get()).toBe(300);

    const cancelled = t.core.call('ledger.preview', { source: { kind: 'path', path: await ledger('b.xlsx', Array.from({ length: 3000 }, (_, i) => equipmentRow(i + 400, 1 + (i % 50)))) }, jobId: 'staged-cancel' });
    await t.ok('jobs.cancel', { jobId: 'staged-cancel' });
    expect(await cancelled).toMatchObject({ ok: false, code: 'CANCELLED' });
    expect(staged()).toEqual([]);

    // only the four newest plans are kept: an older one goes with its tables
    const other = await ledger('c.xlsx', [equipmentRow(900)]);
    for (let i = 0; i < 5; i++) await preview(other);
    expect(staged()).toHaveLength(4);
  });

  it('runs a plan once, and forgets plans after 30 minutes', async () => {
    let now = new Date('2026-12-01T09:00:00Z');
    t = await districtCore({ now: () => now });
    const file = await ledger('a.xlsx', [equipmentRow(1)]);
    const plan = await preview(file);
    await t.ok('ledger.apply', { planId: plan.planId });
    expect(await t.core.call('ledger.apply', { planId: plan.planId })).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringContaining('已经导入过') });
    const later = await preview(file);
    now = new Date('2026-12-01T09:31:00Z');
    expect(await t.core.call('ledger.apply', { planId: later.planId })).toMatchObject({ ok: false, code: 'NOT_FOUND', message: expect.stringContaining('重新选择文件预览') });
  });

  it('maps unrecognised columns when asked, and remembers the mapping for the next file', async () => {
    t = await districtCore();
    const file = `${t.dir}/odd.xlsx`;
    await writeXlsx(file, [{ name: 'S', rows: [['企业', '社会代码', '设备类别', '设备代码', '备注'], ['甲公司', equipmentRow(1)[3] as string, '电梯', '31103205822015000001', '新装']] }]);
    const first = await preview(file);
    expect(first).toMatchObject({ needsMapping: true, equipment: { inserted: 0 } });
    expect(first.sheets[0]).toMatchObject({ kind: 'equipment', missingRequired: ['unitName', 'uscc'] });
    expect(first.sheets[0]!.columns.map((c) => c.header)).toEqual(['企业', '社会代码', '设备类别', '设备代码', '备注']);
    expect(await t.core.call('ledger.apply', { planId: first.planId })).toMatchObject({ ok: false, code: 'VALIDATION' });

    const mappings = { equipment: { 企业: 'unitName', 社会代码: 'uscc' } };
    const mapped = await preview(file, { mappings, rememberMappings: true });
    expect(mapped).toMatchObject({ needsMapping: false, equipment: { inserted: 1 }, errors: [] });
    // 备注 is not a field: kept as an extra attribute
    expect(mapped.sheets[0]!.columns.find((c) => c.header === '备注')).toMatchObject({ field: null });

    const next = await preview(file); // no mappings given: the remembered ones apply
    expect(next).toMatchObject({ needsMapping: false, equipment: { inserted: 1 } });
    await t.ok('ledger.apply', { planId: next.planId });
    const row = t.core.ctx.database.sqlite.prepare('SELECT e.extra, u.name FROM equipment e JOIN units u ON u.id = e.unit_id').get();
    expect(row).toEqual({ extra: JSON.stringify({ 备注: '新装' }), name: '甲公司' });
  });
});
