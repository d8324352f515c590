import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dataDigest, type ExchangeNode } from '../../../tests/support/exchange.ts';
import { BUREAU, exchangeNetwork, rowsFrom, TANGQIAO, type ExchangeNetwork } from '../../../tests/support/exchange-network.ts';
import { samplePng } from '../acceptance/testing/fill.ts';
import { insertUnit } from '../registry/testing/fixtures.ts';
import { attachmentPath } from '../attachments/store.ts';

// 专项检查 travels up: the office's own checklist version, its plan, the record of the
// visit (with its photo), the hazard found on it and the supervision order reach the
// bureau, which reads them and cannot change them; the re-check follows in the next bundle.

let net: ExchangeNetwork<'office' | 'bureau'>;
let office: ExchangeNode;
let bureau: ExchangeNode;

beforeEach(async () => {
  net = await exchangeNetwork({ office: TANGQIAO, bureau: BUREAU });
  ({ office, bureau } = net);
});
afterEach(() => net.cleanup());

// the registry's rows as a ledger import writes them, owned by the office
const ownUnit = (name: string) => insertUnit(office.core.ctx.database.sqlite, { name, districtId: 'seed-district-03', originNode: office.id });
const tables = ['inspection_checklists', 'inspection_plans', 'inspection_records', 'supervision_orders', 'hazards', 'hazard_events', 'attachments'];

describe('inspections in bundles', () => {
  it('arrive at the bureau with the record’s photo, the hazard and the order, and the bureau cannot change them', async () => {
    const units = [ownUnit('张家港市塘桥甲机械有限公司'), ownUnit('张家港市塘桥乙机械有限公司')];
    const chen = await office.ok('inspectors.save', { name: '陈监察', enforcementNo: 'JS3205820001' });
    const li = await office.ok('inspectors.save', { name: '李监察', enforcementNo: 'JS3205820002' });
    const common = (await office.ok('inspections.checklists', {})).find((c) => c.key === 'common')!;
    const own = await office.ok('inspections.saveChecklist', { key: 'common', basedOnVersion: 1, name: '通用检查项目（塘桥）', items: [...common.items, { code: 'C99', text: '张贴举报电话' }] });
    let plan = await office.ok('inspections.createPlan', {
      title: '证后检查',
      type: 'post_cert',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      scope: { kind: 'units', unitIds: units },
      checklistKey: 'common',
      checklistVersion: own.version,
      team: [{ kind: 'inspector', id: chen.id }, { kind: 'inspector', id: li.id }],
    });
    plan = await office.ok('inspections.setPlanState', { id: plan.id, version: plan.version, state: 'active' });
    const photo = await office.ok('files.stage', { name: '现场照片.png', contentBase64: samplePng.toString('base64') });
    const record = await office.ok('inspections.saveRecord', { planId: plan.id, unitId: units[1], inspectedOn: '2026-02-12', items: [{ code: 'C99', result: 'problem', note: '未张贴' }], addFiles: [photo.id] });
    const hazard = await office.ok('inspections.addFinding', { recordId: record.id, description: '未张贴举报电话', level: 'general' });
    const order = await office.ok('inspections.issueOrder', { recordId: record.id, issuedOn: '2026-02-12', workingDays: 5, content: '限期张贴举报电话。', hazardIds: [hazard.id] });
    expect(order).toMatchObject({ number: '张市监特令〔2026〕第1号', deadline: '2026-02-26' });

    const first = await net.send(office, bureau);
    expect(first.rowCounts).toMatchObject({ inspection_checklists: 1, inspection_plans: 1, inspection_records: 1, supervision_orders: 1, hazards: 1 });
    for (const table of tables) expect(rowsFrom(bureau, table, office.id), table).toBe(rowsFrom(office, table, office.id));
    expect(existsSync(attachmentPath(bureau.core.ctx, photo.id))).toBe(true);

    const seenPlan = await bureau.ok('inspections.getPlan', { id: plan.id });
    expect(seenPlan).toMatchObject({ title: '证后检查', districtName: '塘桥', checklistName: '通用检查项目（塘桥）', unitCount: 2, mine: false, actions: [] });
    const seenRecord = await bureau.ok('inspections.getRecord', { id: record.id });
    expect(seenRecord).toMatchObject({ unitName: '张家港市塘桥乙机械有限公司', mine: false, actions: [], foundHazards: [{ id: hazard.id, state: 'ordered' }], orders: [{ number: '张市监特令〔2026〕第1号' }] });
    expect(seenRecord.items.find((i) => i.code === 'C99')).toMatchObject({ result: 'problem', note: '未张贴' });
    const file = await bureau.ok('inspections.recordFile', { attachmentId: seenRecord.files[0]!.attachmentId });
    expect(file.fileName).toBe('现场照片.png');
    expect(await bureau.ok('inspections.getOrder', { id: order.id })).toMatchObject({ number: '张市监特令〔2026〕第1号', mine: false, actions: [] });
    expect((await bureau.ok('inspections.listOrders', { districtId: 'seed-district-03' })).map((x) => x.id)).toEqual([order.id]);
    expect(await bureau.ok('inspections.stats', { districtId: 'seed-district-03' })).toMatchObject({ plansActive: 1, ordersOpen: 1, recordsTotal: 0 });
    expect((await bureau.ok('inspections.checklists', {})).find((c) => c.id === own.id)).toMatchObject({ source: 'office', originNode: office.id, latest: true });

    const before = dataDigest(bureau);
    expect(await bureau.refused('inspections.recheckOrder', { id: order.id, version: order.version, recheckedOn: '2026-02-26', outcome: 'passed' })).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('本机不是分局节点') });
    expect((await bureau.refused('inspections.saveRecord', { id: record.id, version: record.version, planId: plan.id, unitId: units[1], inspectedOn: '2026-02-12' })).code).toBe('FORBIDDEN');
    expect((await bureau.refused('inspections.addFinding', { recordId: record.id, description: '某', level: 'general' })).code).toBe('FORBIDDEN');
    expect((await bureau.refused('inspections.issueOrder', { recordId: record.id, content: '某' })).code).toBe('FORBIDDEN');
    expect(dataDigest(bureau)).toBe(before);

    // the re-check travels in the next bundle, as a newer version of the same row
    await office.ok('inspections.recheckOrder', { id: order.id, version: order.version, recheckedOn: '2026-02-26', outcome: 'passed', note: '已张贴' });
    const second = await net.send(office, bureau);
    expect(second.rowCounts).toMatchObject({ supervision_orders: 1 });
    expect(await bureau.ok('inspections.getOrder', { id: order.id })).toMatchObject({ state: 'rechecked', recheckOutcome: 'passed', recheckNote: '已张贴', version: 2 });
    expect(rowsFrom(bureau, 'supervision_orders', office.id)).toBe(rowsFrom(office, 'supervision_orders', office.id));
  });
});
