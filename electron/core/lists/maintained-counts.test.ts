import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateDistrict } from '../../../scripts/sample-data/generate.ts';
import { insertModel } from '../../../scripts/sample-data/insert.ts';
import type { ExchangeNode } from '../../../tests/support/exchange.ts';
import { BUREAU, exchangeNetwork, TANGQIAO, type ExchangeNetwork } from '../../../tests/support/exchange-network.ts';
import { equipmentHeader, equipmentRow, managerHeader, writeXlsx } from '../ledger/test-fixtures.ts';
import { countedPieceSql, inspectionSql } from '../registry/status-sql.ts';
import { getRegistrySettings } from '../settings/settings-service.ts';

// The home page and the two lists read counts kept by triggers (equipment_unit_counts,
// equipment_in_use_dates). After every kind of write they must equal a full recount of
// the pieces, and the two calls must answer what a pass over every piece answers.

let net: ExchangeNetwork<'office' | 'bureau'>;
let office: ExchangeNode;
let bureau: ExchangeNode;
beforeEach(async () => {
  net = await exchangeNetwork({ office: TANGQIAO, bureau: BUREAU });
  ({ office, bureau } = net);
});
afterEach(() => net.cleanup());

function recount(node: ExchangeNode) {
  const { sqlite } = node.core.ctx.database;
  return {
    units: sqlite
      .prepare(
        `SELECT unit_id, kind_code, status, category_code, variety_code, n FROM equipment_unit_counts WHERE n > 0
         ORDER BY unit_id, kind_code, status, category_code, variety_code`,
      )
      .all(),
    dates: sqlite.prepare('SELECT next_inspection_date, n FROM equipment_in_use_dates WHERE n > 0 ORDER BY 1').all(),
    fullUnits: sqlite
      .prepare(
        `SELECT unit_id, ifnull(kind_code, '') AS kind_code, status, ifnull(category_code, '') AS category_code, ifnull(variety_code, '') AS variety_code,
           count(*) AS n FROM equipment WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`,
      )
      .all(),
    fullDates: sqlite
      .prepare("SELECT ifnull(next_inspection_date, '') AS next_inspection_date, count(*) AS n FROM equipment WHERE deleted_at IS NULL AND status = 'in_use' GROUP BY 1 ORDER BY 1")
      .all(),
  };
}

/** The counts equal a recount, and summary / lists equal a pass over every piece. */
async function expectCountsRight(node: ExchangeNode, step: string): Promise<void> {
  const r = recount(node);
  expect({ step, units: r.units }).toEqual({ step, units: r.fullUnits });
  expect({ step, dates: r.dates }).toEqual({ step, dates: r.fullDates });

  const { sqlite } = node.core.ctx.database;
  const settings = getRegistrySettings(node.core.ctx);
  const summary = await node.ok('registry.summary', {});
  const dueLimit = sqlite.prepare("SELECT date(?, '+' || ? || ' days')").pluck().get(summary.asOf, settings.dueSoonDays) as string;
  const parts = (['ok', 'due', 'overdue', 'unknown'] as const).map((s) => inspectionSql(s, summary.asOf, dueLimit));
  const pass = sqlite
    .prepare(`SELECT count(*) AS inUse, ${parts.map((p, i) => `ifnull(sum(${p.sql}), 0) AS s${i}`).join(', ')} FROM equipment e WHERE e.deleted_at IS NULL AND e.status = 'in_use'`)
    .get(...parts.flatMap((p) => p.params)) as Record<string, number>;
  expect({ step, inUse: summary.equipmentInUse, ...summary.inspection }).toEqual({ step, inUse: pass['inUse'], ok: pass['s0'], due: pass['s1'], overdue: pass['s2'], unknown: pass['s3'] });

  const counted = countedPieceSql(settings);
  const perUnit = sqlite
    .prepare(`SELECT e.unit_id AS unitId, count(*) AS n FROM equipment e WHERE ${counted.sql} GROUP BY e.unit_id HAVING n >= ? ORDER BY e.unit_id`)
    .all(...counted.params, settings.screeningThreshold);
  const lists = await node.ok('lists.get', {});
  expect({ step, list1: lists.units.map((u) => ({ unitId: u.unitId, n: u.count })).sort((a, b) => (a.unitId < b.unitId ? -1 : 1)) }).toEqual({ step, list1: perUnit });
  expect(summary.list1Units).toBe(lists.units.length);
}

async function importLedger(node: ExchangeNode, name: string, rows: unknown[][]) {
  const file = path.join(node.dir, name);
  await writeXlsx(file, [
    { name: '设备台账', rows: [equipmentHeader, ...rows] as never },
    { name: '安全管理人员', rows: [managerHeader] as never },
  ]);
  const plan = await node.ok('ledger.preview', { source: { kind: 'path', path: file } });
  expect(plan.errors).toEqual([]);
  await node.ok('ledger.apply', { planId: plan.planId });
}

describe('maintained equipment counts', () => {
  it('equal a full recount after an import, edits, status changes, deletes, a unit deleted and bundle merges', async () => {
    // a sample district written in bulk, then a ledger: 22 pieces on unit 1 (listed), gas cylinders and stopped ones on unit 2
    insertModel(office.core.ctx.database.sqlite, generateDistrict({ seed: 11, units: 15 }), { nodeId: office.id, districtId: 'seed-district-03' });
    await expectCountsRight(office, 'bulk insert');
    const rows = [
      ...Array.from({ length: 22 }, (_, i) => equipmentRow(i + 1, 1, { 下次检验日期: i % 3 ? '2025-05-01' : '2099-01-01' })),
      ...Array.from({ length: 6 }, (_, i) => equipmentRow(100 + i, 2, { 设备类别: '气瓶', 设备品种: null, 设备代码: `23503205822015${String(100 + i).padStart(4, '0')}`, 使用登记证编号: null, 下次检验日期: null })),
      ...Array.from({ length: 4 }, (_, i) => equipmentRow(200 + i, 2, { 设备状态: '停用' })),
    ];
    await importLedger(office, 'a.xlsx', rows);
    await expectCountsRight(office, 'ledger import');
    await net.send(office, bureau);
    await expectCountsRight(bureau, 'bundle merge (new rows)');

    // a newer ledger: statuses, dates and kinds change, through the import's updates
    await importLedger(office, 'b.xlsx', [
      ...rows.slice(0, 10),
      ...Array.from({ length: 12 }, (_, i) => equipmentRow(i + 11, 1, { 设备状态: i % 2 ? '报废' : '在用', 下次检验日期: '2027-01-01', 设备类别: '锅炉', 设备品种: null })),
      ...rows.slice(22),
    ]);
    await expectCountsRight(office, 'ledger re-import with changes');

    const { sqlite } = office.core.ctx.database;
    const pick = (sql: string) => sqlite.prepare(sql).get() as { id: string; version: number; unitId: string };
    const first = pick("SELECT id, version, unit_id AS unitId FROM equipment WHERE internal_no = 'DT-1' AND deleted_at IS NULL");
    const form = { equipmentCode: '311032058220159999', category: '曳引驱动乘客电梯', status: 'in_use', location: '新楼', lastInspectionDate: '2025-05-01', nextInspectionDate: '2026-02-01' };
    await office.ok('equipment.update', { id: first.id, version: first.version, data: { unitId: first.unitId, ...form } });
    await expectCountsRight(office, 'edit');
    await office.ok('equipment.update', { id: first.id, version: first.version + 1, data: { unitId: first.unitId, ...form, status: 'stopped' } });
    await expectCountsRight(office, 'status change');
    const created = await office.ok('equipment.create', { unitId: first.unitId, ...form, equipmentCode: '311032058220158888', nextInspectionDate: '' });
    await expectCountsRight(office, 'create');
    await office.ok('equipment.delete', { id: created.equipment.id, version: created.equipment.version });
    await expectCountsRight(office, 'delete');
    const unit2 = sqlite.prepare("SELECT id, version FROM units WHERE name = '张家港市塘桥第2机械有限公司'").get() as { id: string; version: number };
    await office.ok('units.delete', { id: unit2.id, version: unit2.version });
    await expectCountsRight(office, 'unit deleted with its pieces');

    // the edits, the tombstones and the status changes travel: the bureau merges updates
    await net.send(office, bureau);
    await expectCountsRight(bureau, 'bundle merge (updates and tombstones)');
    expect((sqlite.prepare('SELECT count(*) FROM equipment_unit_counts WHERE n < 0').pluck().get() as number)).toBe(0);
  });
});
