import { afterEach, describe, expect, it } from 'vitest';
import { districtCore, type TestCore } from '../../../tests/support/core.ts';
import type { RecordDetail } from '../../api/schemas/inspections.ts';
import { office, type Office } from './testing/fixtures.ts';

// 安全监察指令书 of the 塘桥 office on a real SQLite file: numbers per prefix and year
// (张市监特令〔2026〕第1号 …), never given twice, none taken by a refused issue; the
// deadline in working days across 劳动节 2026; the hazards it covers ordered with it;
// the re-check; the dashboard figures.
let t: TestCore;
let day = '2026-04-27';
let tick = 0;
const now = () => new Date(Date.parse(`${day}T02:00:00Z`) + tick++ * 1000);
afterEach(() => t?.cleanup());

const sqlite = () => t.core.ctx.database.sqlite;
async function refused(name: string, input: unknown) {
  const result = await t.core.call(name as never, input);
  if (result.ok) throw new Error(`${name} should have been refused`);
  return result;
}
const orderRows = () => sqlite().prepare('SELECT number, state FROM supervision_orders ORDER BY prefix, year, seq').all();

let o: Office;
let record: RecordDetail;
async function setup() {
  day = '2026-04-27';
  t = await districtCore({ now });
  o = await office(t);
  let plan = await t.ok('inspections.createPlan', {
    title: '2026年电梯专项检查',
    type: 'special',
    periodStart: '2026-04-20',
    periodEnd: '2026-05-31',
    scope: { kind: 'block', blockId: o.blockId },
    checklistKey: 'elevator',
    checklistVersion: 1,
    team: [{ kind: 'inspector', id: o.chen }, { kind: 'inspector', id: o.li }],
  });
  plan = await t.ok('inspections.setPlanState', { id: plan.id, version: plan.version, state: 'active' });
  record = await t.ok('inspections.saveRecord', { planId: plan.id, unitId: o.units[0], inspectedOn: '2026-04-27' });
}
const issue = (more: Record<string, unknown> = {}) => t.ok('inspections.issueOrder', { recordId: record.id, content: '限期更换磨损的制动器。', ...more });

describe('supervision orders', () => {
  it('numbers 第1号, 第2号 … with a deadline in working days across 劳动节, and orders the hazards it covers', async () => {
    await setup();
    const hazard = await t.ok('inspections.addFinding', { recordId: record.id, description: '电梯制动器磨损超标', level: 'major' });
    const first = await issue({ hazardIds: [hazard.id] });
    // 10 working days from 4/27: 4/28–4/30, (5/1–5/5 off), 5/6–5/8, 5/9 (make-up Saturday), 5/11–5/13
    expect(first).toMatchObject({ number: '张市监特令〔2026〕第1号', prefix: '张市监特令', year: 2026, seq: 1, issuedOn: '2026-04-27', deadline: '2026-05-13', state: 'issued', overdue: false, actions: ['recheck', 'cancel'] });
    expect(first).toMatchObject({ unitId: o.units[0], recordId: record.id, inspectedOn: '2026-04-27', districtName: '塘桥', hazards: [{ id: hazard.id, state: 'ordered' }], warnings: [] });
    // the signature lines: the visit's inspectors with their 执法证号
    expect(first.team.map((m) => [m.name, m.enforcementNo])).toEqual([['陈监察', expect.stringMatching(/^JS/)], ['李监察', 'JS3205820002']]);
    const ordered = await t.ok('hazards.get', { id: hazard.id });
    expect(ordered).toMatchObject({ state: 'ordered', deadline: '2026-05-13', workingDays: 10 });
    expect(ordered.events.at(-1)).toMatchObject({ action: 'order', comment: '张市监特令〔2026〕第1号（安全监察指令书）' });
    // the hazard's step is audited first, then the order, naming the hazards it ordered
    const entries = sqlite().prepare("SELECT call, row_ids AS ids FROM audit_log WHERE call IN ('hazards.transition', 'inspections.issueOrder') ORDER BY seq").all();
    expect(entries).toEqual([
      { call: 'hazards.transition', ids: JSON.stringify([hazard.id, ordered.events.at(-1)!.id]) },
      { call: 'inspections.issueOrder', ids: JSON.stringify([first.id, hazard.id]) },
    ]);
    const second = await issue({ workingDays: 3 });
    expect(second).toMatchObject({ number: '张市监特令〔2026〕第2号', deadline: '2026-04-30' });
    const third = await issue({ deadline: '2026-05-09' });
    expect(third).toMatchObject({ number: '张市监特令〔2026〕第3号', deadline: '2026-05-09' });
    expect((await t.ok('inspections.getRecord', { id: record.id })).orders.map((x) => x.number)).toEqual(['张市监特令〔2026〕第1号', '张市监特令〔2026〕第2号', '张市监特令〔2026〕第3号']);
  });

  it('takes no number in a refused issue, never gives a cancelled one again, and starts again each year and prefix', async () => {
    await setup();
    await issue();
    // refused after the number was taken, when ordering the hazard: it was found after the issue date
    const later = await t.ok('hazards.create', { unitId: o.units[0], description: '轿厢照明不亮', level: 'general', foundBy: '陈监察', foundOn: '2026-04-27' });
    const refusal = await refused('inspections.issueOrder', { unitId: o.units[0], issuedOn: '2026-04-24', content: '某', hazardIds: [later.id] });
    expect(refusal.message).toBe('下达整改的日期不能早于发现日期。');
    expect((await refused('inspections.issueOrder', { recordId: record.id, content: '某', hazardIds: ['no-such-hazard'] })).code).toBe('NOT_FOUND');
    expect((await t.ok('hazards.get', { id: later.id })).state).toBe('found');
    expect(orderRows()).toEqual([{ number: '张市监特令〔2026〕第1号', state: 'issued' }]);
    const second = await issue({ hazardIds: [later.id] });
    expect(second.number).toBe('张市监特令〔2026〕第2号');
    await t.ok('inspections.cancelOrder', { id: second.id, version: second.version, reason: '单位名称写错' });
    // even a deleted row keeps its number
    sqlite().prepare("UPDATE supervision_orders SET deleted_at = '2026-04-27T03:00:00Z' WHERE id = ?").run(second.id);
    expect((await issue()).number).toBe('张市监特令〔2026〕第3号');
    await t.ok('inspections.updateSettings', { orderPrefix: '张市监特指' });
    expect((await issue()).number).toBe('张市监特指〔2026〕第1号');
    day = '2027-01-05';
    expect((await issue()).number).toBe('张市监特指〔2027〕第1号');
    await t.ok('inspections.updateSettings', { orderPrefix: '张市监特令' });
    expect((await issue({ issuedOn: '2026-12-31', workingDays: 1 })).number).toBe('张市监特令〔2026〕第4号');
    expect((await issue()).number).toBe('张市监特令〔2027〕第1号');
    const numbers = sqlite().prepare('SELECT number FROM supervision_orders').all() as Array<{ number: string }>;
    expect(new Set(numbers.map((n) => n.number)).size).toBe(numbers.length);
  });

  it('refuses bad deadlines and other units’ hazards, and a stale version', async () => {
    await setup();
    const other = await t.ok('hazards.create', { unitId: o.units[1], description: '别家隐患', level: 'general', foundBy: '陈监察', foundOn: '2026-04-27' });
    const before = orderRows();
    expect((await refused('inspections.issueOrder', { recordId: record.id, content: '某', hazardIds: [other.id] })).message).toBe('隐患“别家隐患”不属于该单位，不能写入这份指令书。');
    expect((await refused('inspections.issueOrder', { recordId: record.id, content: '某', deadline: '2026-05-02' })).message).toBe('2026-05-02 不是工作日，整改截止日期请选工作日。');
    expect((await refused('inspections.issueOrder', { recordId: record.id, content: '某', deadline: '2026-05-06', workingDays: 5 })).message).toBe('整改期限请填工作日数或截止日期之一。');
    expect((await refused('inspections.issueOrder', { recordId: record.id, content: '某', issuedOn: '2026-04-26' })).message).toBe('下达日期不能早于检查日期 2026-04-27。');
    expect((await refused('inspections.issueOrder', { content: '某' })).message).toBe('请选择接受指令书的使用单位。');
    expect((await refused('inspections.issueOrder', { unitId: o.elsewhere, content: '某' })).code).toBe('FORBIDDEN');
    expect((await refused('inspections.issueOrder', { recordId: record.id, content: ' ' })).message).toContain('请填写指令内容');
    expect((await refused('inspections.updateSettings', { orderPrefix: '张市监〔特〕' })).message).toContain('编号前缀不能含空格或括号〔〕');
    expect(orderRows()).toEqual(before);
    const order = await issue();
    expect((await refused('inspections.recheckOrder', { id: order.id, version: order.version + 1, recheckedOn: '2026-04-27', outcome: 'passed' })).code).toBe('CONFLICT');
  });

  it('records the re-check; an order past its deadline is overdue until then; the dashboard counts them', async () => {
    await setup();
    const late = await issue({ workingDays: 2 }); // due 2026-04-29
    const onTime = await issue();
    const photo = await t.ok('files.stage', { name: '现场.png', contentBase64: Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex').toString('base64') });
    await t.ok('inspections.saveRecord', { id: record.id, version: record.version, planId: record.planId, unitId: record.unitId, inspectedOn: '2026-04-27', addFiles: [photo.id] });
    day = '2026-05-06';
    expect((await t.ok('inspections.listOrders', { overdue: true })).map((x) => x.number)).toEqual([late.number]);
    expect((await t.ok('inspections.listOrders', {})).map((x) => [x.number, x.overdue])).toEqual([
      [late.number, true],
      [onTime.number, false],
    ]);
    expect(await t.ok('inspections.stats', {})).toEqual({
      plansActive: 1,
      recordsThisMonth: 0,
      recordsTotal: 0,
      byType: [
        { type: 'routine', plans: 0, records: 0 },
        { type: 'special', plans: 1, records: 0 },
        { type: 'post_cert', plans: 0, records: 0 },
        { type: 'other', plans: 0, records: 0 },
      ],
      ordersOpen: 2,
      ordersOverdue: 1,
      smallTeamPlans: 0,
      smallTeamRecords: 0,
    });
    expect((await refused('inspections.recheckOrder', { id: late.id, version: late.version, recheckedOn: '2026-04-26', outcome: 'passed' })).message).toBe('复查日期不能早于下达日期 2026-04-27。');
    const rechecked = await t.ok('inspections.recheckOrder', { id: late.id, version: late.version, recheckedOn: '2026-05-06', outcome: 'passed', note: '制动器已更换' });
    expect(rechecked).toMatchObject({ state: 'rechecked', recheckedOn: '2026-05-06', recheckOutcome: 'passed', recheckNote: '制动器已更换', overdue: false, actions: [] });
    expect((await refused('inspections.recheckOrder', { id: late.id, version: rechecked.version, recheckedOn: '2026-05-06', outcome: 'passed' })).message).toBe('该指令书已复查。');
    const items = record.items.map((i) => ({ code: i.code, result: 'ok' }));
    const filled = await t.ok('inspections.saveRecord', { id: record.id, version: record.version + 1, planId: record.planId, unitId: record.unitId, inspectedOn: '2026-04-27', items, unitSigner: '赵经理' });
    await t.ok('inspections.finalizeRecord', { id: filled.id, version: filled.version });
    expect(await t.ok('inspections.stats', {})).toMatchObject({ recordsThisMonth: 0, recordsTotal: 1, ordersOpen: 1, ordersOverdue: 0, byType: expect.arrayContaining([{ type: 'special', plans: 1, records: 1 }]) });
    day = '2026-04-30';
    expect(await t.ok('inspections.stats', {})).toMatchObject({ recordsThisMonth: 1 });
    expect(await t.ok('inspections.stats', { districtId: 'seed-district-01' })).toMatchObject({ plansActive: 0, recordsTotal: 0, ordersOpen: 0 });
  });
});

describe('an order after a visit of fewer than two inspectors', () => {
  it('carries the flag of its record', async () => {
    await setup();
    const small = await t.ok('inspections.saveRecord', { id: record.id, version: record.version, planId: record.planId, unitId: o.units[0], inspectedOn: '2026-04-27', team: [{ kind: 'inspector', id: o.chen }, { kind: 'supervisor', name: '王监督' }] });
    const order = await t.ok('inspections.issueOrder', { recordId: small.id, content: '限期更换磨损的制动器。' });
    expect(order.warnings).toEqual([expect.stringContaining('持执法证的监察人员只有 1 名')]);
  });
});
