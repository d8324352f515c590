import { afterEach, describe, expect, it } from 'vitest';
import { districtCore, type TestCore } from '../../../tests/support/core.ts';
import type { PlanDetail, RecordDetail } from '../../api/schemas/inspections.ts';
import { verifyAuditChain } from '../audit.ts';
import { samplePng } from '../acceptance/testing/fill.ts';
import { parseShippedChecklists, shippedChecklists } from './shipped-checklists.ts';
import { office, type Office } from './testing/fixtures.ts';

// 专项检查 of the 塘桥 office on a real SQLite file: checklists, plans and their scope,
// the two-person rule as a flag, a visit recorded and made final, a finding that
// becomes a hazard. The clock is China 10:00 on `day`, a second further per reading.
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
const counts = () =>
  sqlite()
    .prepare(
      `SELECT (SELECT count(*) FROM inspection_plans) AS plans, (SELECT count(*) FROM inspection_records) AS records, (SELECT count(*) FROM inspection_checklists) AS lists,
         (SELECT count(*) FROM hazards) AS hazards, (SELECT count(*) FROM audit_log) AS audit`,
    )
    .get();

let o: Office;
async function setup() {
  day = '2026-04-27';
  t = await districtCore({ now });
  o = await office(t);
}

const planInput = (more: Record<string, unknown> = {}) => ({
  title: '2026年电梯专项检查',
  type: 'special',
  periodStart: '2026-04-20',
  periodEnd: '2026-05-31',
  scope: { kind: 'block', blockId: o.blockId },
  checklistKey: 'elevator',
  checklistVersion: 1,
  team: [{ kind: 'inspector', id: o.chen }],
  ...more,
});

async function activePlan(more: Record<string, unknown> = {}): Promise<PlanDetail> {
  const plan = await t.ok('inspections.createPlan', planInput({ team: [{ kind: 'inspector', id: o.chen }, { kind: 'inspector', id: o.li }], ...more }));
  return t.ok('inspections.setPlanState', { id: plan.id, version: plan.version, state: 'active' });
}

describe('checklists', () => {
  it('ships one list per kind, each starting with the common items, with their basis', async () => {
    await setup();
    const shipped = shippedChecklists();
    expect(shipped.map((c) => [c.key, c.equipmentKind])).toEqual([
      ['amusement', '6000'],
      ['boiler', '1000'],
      ['common', null],
      ['crane', '4000'],
      ['elevator', '3000'],
      ['field-vehicle', '5000'],
      ['pressure-piping', '8000'],
      ['pressure-vessel', '2000'],
      ['ropeway', '9000'],
    ]);
    const common = shipped.find((c) => c.key === 'common')!;
    const elevator = shipped.find((c) => c.key === 'elevator')!;
    expect(elevator.items.slice(0, common.items.length)).toEqual(common.items);
    expect(elevator.items.slice(common.items.length).every((i) => i.code.startsWith('T'))).toBe(true);
    expect(common.items.find((i) => i.text.includes('日管控、周排查、月调度'))?.basis).toContain('总局令第74号');
    expect(common.items.find((i) => i.text.includes('使用登记'))?.basis).toBe('《中华人民共和国特种设备安全法》第三十三条');
    const listed = await t.ok('inspections.checklists', { equipmentKind: '5000' });
    expect(listed.map((c) => c.key)).toEqual(['common', 'field-vehicle']);
  });

  it('refuses a broken file: schema, name, duplicate code, unknown kind, missing common list', () => {
    const good = { key: 'crane', version: 1, name: '起重机械', equipmentKind: '4000', issuedAt: '2026-11-29', items: [{ code: 'Q01', text: '持证' }] };
    expect(() => parseShippedChecklists({ 'crane-v1.json': { ...good, items: [] } })).toThrow(/items/);
    expect(() => parseShippedChecklists({ 'crane-v2.json': good })).toThrow('代号或版本与文件名不符');
    expect(() => parseShippedChecklists({ 'crane-v1.json': { ...good, items: [good.items[0], good.items[0]] } })).toThrow('Q01 重复');
    expect(() => parseShippedChecklists({ 'crane-v1.json': { ...good, equipmentKind: '4100' } })).toThrow('不是目录中的种类代码');
    expect(() => parseShippedChecklists({ 'crane-v1.json': { ...good, common: { key: 'common', version: 9 } } })).toThrow('common v9 不存在');
    expect(parseShippedChecklists({ 'crane-v1.json': good })[0]!.items).toEqual([{ code: 'Q01', text: '持证', basis: null }]);
  });

  it('saves an office version on the newest one only, and new lists of its own', async () => {
    await setup();
    const elevator = (await t.ok('inspections.checklists', {})).find((c) => c.key === 'elevator')!;
    const items = [...elevator.items, { code: 'T10', text: '电梯应急救援演练每年至少一次' }];
    const v2 = await t.ok('inspections.saveChecklist', { key: 'elevator', basedOnVersion: 1, name: '电梯专项检查表（塘桥）', equipmentKind: '3000', items });
    expect(v2).toMatchObject({ key: 'elevator', version: 2, source: 'office', latest: true });
    expect(v2.items.at(-1)).toEqual({ code: 'T10', text: '电梯应急救援演练每年至少一次', basis: null });
    const stale = await refused('inspections.saveChecklist', { key: 'elevator', basedOnVersion: 1, name: '又改', equipmentKind: '3000', items });
    expect(stale).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('已有第 2 版') });
    const all = await t.ok('inspections.checklists', {});
    expect(all.filter((c) => c.key === 'elevator').map((c) => [c.version, c.source, c.latest])).toEqual([
      [1, 'shipped', false],
      [2, 'office', true],
    ]);
    const own = await t.ok('inspections.saveChecklist', { name: '燃气专项', equipmentKind: null, items: [{ code: 'A1', text: '燃气报警' }] });
    expect(own).toMatchObject({ key: expect.stringMatching(/^office-/), version: 1, latest: true });
    expect((await refused('inspections.saveChecklist', { name: '重复', items: [{ code: 'A1', text: '甲' }, { code: 'A1', text: '乙' }] })).message).toContain('A1 重复');
    expect((await refused('inspections.saveChecklist', { name: '错', equipmentKind: '3100', items: [{ code: 'A1', text: '甲' }] })).message).toContain('不是目录中的种类代码');
  });

  it("offers an office its own versions only, not another node's it holds", async () => {
    await setup();
    const elevator = (await t.ok('inspections.checklists', {})).find((c) => c.key === 'elevator')!;
    const v2 = await t.ok('inspections.saveChecklist', { key: 'elevator', basedOnVersion: 1, name: '电梯专项检查表（塘桥）', equipmentKind: '3000', items: elevator.items });
    // another node's version of the same key, as a bundle would have brought it
    sqlite()
      .prepare(
        `INSERT INTO inspection_checklists (id, origin_node, created_at, updated_at, version, district_id, key, name, equipment_kind, checklist_version, items)
         VALUES ('foreign-list', 'other-node', 't', 't', 1, ?, 'elevator', '电梯专项检查表（外局）', '3000', 3, '[]')`,
      )
      .run(v2.districtId);
    const listed = (await t.ok('inspections.checklists', {})).filter((c) => c.key === 'elevator');
    expect(listed.map((c) => [c.version, c.source, c.latest])).toEqual([
      [1, 'shipped', false],
      [2, 'office', true],
    ]);
  });
});

describe('plans', () => {
  it('resolves a block to its members at the time, and keeps them when the block changes', async () => {
    await setup();
    const plan = await t.ok('inspections.createPlan', planInput());
    expect(plan).toMatchObject({ state: 'draft', scopeKind: 'block', scopeBlockName: '塘桥第一组', unitCount: 6, checklistName: '电梯使用单位专项检查表', actions: ['edit', 'activate', 'cancel'] });
    expect(plan.units.map((u) => u.id).sort()).toEqual([...o.units].sort());
    const block = await t.ok('blocks.get', { id: o.blockId });
    await t.ok('blocks.save', { id: o.blockId, version: block.version, name: '塘桥第一组', memberUnitIds: o.units.slice(0, 5), leadUnitId: o.units[0], inspectorIds: [o.chen] });
    const edited = await t.ok('inspections.updatePlan', { id: plan.id, version: plan.version, ...planInput({ title: '电梯专项检查（改）', team: plan.team }) });
    expect(edited).toMatchObject({ title: '电梯专项检查（改）', unitCount: 6, version: 2 });
    expect(await t.ok('inspections.resolveScope', { scope: { kind: 'block', blockId: o.blockId } })).toHaveLength(5);
  });

  it('resolves a kind to the district’s units with such pieces in use, and a list of units within the district', async () => {
    await setup();
    const forklifts = await t.ok('inspections.resolveScope', { scope: { kind: 'equipment_kind', equipmentKind: '5000' } });
    expect(forklifts.map((u) => u.id).sort()).toEqual([...o.forklifts].sort());
    const options = await t.ok('inspections.planOptions', {});
    expect(options.kinds.find((k) => k.code === '5000')).toEqual({ code: '5000', name: '场（厂）内专用机动车辆', units: 2 });
    expect(options.blocks).toEqual([{ id: o.blockId, name: '塘桥第一组', members: 6 }]);
    expect(options.inspectors.map((i) => i.name)).toEqual(['李监察', '陈监察']);
    expect((await refused('inspections.createPlan', planInput({ scope: { kind: 'equipment_kind', equipmentKind: '9000' } }))).message).toBe(
      '检查范围内没有使用单位：本辖区没有在用客运索道设备的使用单位。请选择其他范围。',
    );
    expect(await refused('inspections.createPlan', planInput({ scope: { kind: 'units', unitIds: [o.forklifts[0], o.elsewhere] } }))).toMatchObject({ code: 'FORBIDDEN', message: '“张家港市锦丰叉车公司”不在本辖区，只能检查本辖区的使用单位。' });
    const byUnits = await t.ok('inspections.createPlan', planInput({ type: 'post_cert', scope: { kind: 'units', unitIds: o.forklifts }, checklistKey: 'field-vehicle' }));
    expect(byUnits).toMatchObject({ scopeKind: 'units', unitCount: 2, type: 'post_cert' });
  });

  it('flags a team under two on the plan and its records, and clears it when the second joins', async () => {
    await setup();
    const plan = await t.ok('inspections.createPlan', planInput());
    expect(plan.warnings).toEqual([{ code: 'team-too-small', message: expect.stringContaining('持执法证的监察人员只有 1 名') }]);
    let active = await t.ok('inspections.setPlanState', { id: plan.id, version: plan.version, state: 'active' });
    const record = await t.ok('inspections.saveRecord', { planId: plan.id, unitId: o.units[0], inspectedOn: '2026-04-27' });
    expect(record.team).toEqual([{ kind: 'inspector', id: o.chen, name: '陈监察', enforcementNo: expect.stringMatching(/^JS/) }]);
    expect(record.warnings.map((w) => w.code)).toEqual(['team-too-small']);
    expect((await t.ok('inspections.stats', {})).smallTeamPlans).toBe(1);
    active = await t.ok('inspections.updatePlan', { id: plan.id, version: active.version, ...planInput({ team: [{ kind: 'inspector', id: o.chen }, { kind: 'inspector', id: o.li }] }) });
    expect(active.warnings).toEqual([]);
    expect(active.team.map((m) => m.name)).toEqual(['陈监察', '李监察']);
    const two = await t.ok('inspections.saveRecord', { id: record.id, version: record.version, planId: plan.id, unitId: o.units[0], inspectedOn: '2026-04-27', team: active.team });
    expect(two.warnings).toEqual([]);
    // someone outside the lists joins by name; an unknown id or a person twice is refused
    const guest = await t.ok('inspections.updatePlan', { id: plan.id, version: active.version, ...planInput({ team: [{ kind: 'inspector', id: o.chen }, { kind: 'supervisor', name: '王监督' }] }) });
    expect(guest.team).toEqual([
      { kind: 'inspector', id: o.chen, name: '陈监察', enforcementNo: expect.stringMatching(/^JS/) },
      { kind: 'supervisor', name: '王监督', enforcementNo: null },
    ]);
    // a supervisor is company staff: a team of one inspector and one supervisor is still under two inspectors
    expect(guest.warnings).toEqual([{ code: 'team-too-small', message: expect.stringContaining('只有 1 名（另有 1 名安全监督员或未登记执法证号的人员，不计入）') }]);
    expect((await t.ok('inspections.stats', {})).smallTeamPlans).toBe(1);
    expect((await refused('inspections.updatePlan', { id: plan.id, version: guest.version, ...planInput({ team: [{ kind: 'inspector', id: 'nobody' }] }) })).message).toContain('不是本辖区在岗的监察人员');
    expect((await refused('inspections.updatePlan', { id: plan.id, version: guest.version, ...planInput({ team: [{ kind: 'inspector', id: o.li }, { kind: 'inspector', id: o.li }] }) })).message).toContain('“李监察”重复');
    // scope and checklist are fixed once a visit is recorded
    expect((await refused('inspections.updatePlan', { id: plan.id, version: guest.version, ...planInput({ checklistKey: 'crane' }) })).message).toContain('检查范围和检查表不能再改');
  });

  it('moves through its states, and refuses what does not fit', async () => {
    await setup();
    const plan = await t.ok('inspections.createPlan', planInput());
    expect((await refused('inspections.saveRecord', { planId: plan.id, unitId: o.units[0], inspectedOn: '2026-04-27' })).message).toBe('检查计划尚未启动，请先启动计划再记录检查。');
    expect((await refused('inspections.setPlanState', { id: plan.id, version: plan.version, state: 'done' })).message).toBe('检查计划当前为“草稿”，不能改为“已完成”。');
    expect((await refused('inspections.setPlanState', { id: plan.id, version: plan.version + 1, state: 'active' })).code).toBe('CONFLICT');
    const active = await t.ok('inspections.setPlanState', { id: plan.id, version: plan.version, state: 'active' });
    const record = await t.ok('inspections.saveRecord', { planId: plan.id, unitId: o.units[1], inspectedOn: '2026-04-27' });
    const again = await refused('inspections.saveRecord', { planId: plan.id, unitId: o.units[1], inspectedOn: '2026-04-27' });
    expect(again).toMatchObject({ code: 'DUPLICATE', details: { recordId: record.id } });
    expect((await refused('inspections.setPlanState', { id: plan.id, version: active.version, state: 'done' })).message).toBe('还有 1 份检查记录未定稿，请定稿后再完成计划。');
    expect((await refused('inspections.saveRecord', { planId: plan.id, unitId: o.forklifts[0], inspectedOn: '2026-04-27' })).message).toBe('该单位不在本计划的检查范围内，请选择范围内的单位。');
    const cancelled = await t.ok('inspections.setPlanState', { id: plan.id, version: active.version, state: 'cancelled' });
    expect(cancelled).toMatchObject({ state: 'cancelled', actions: [], warnings: [] });
    expect((await t.ok('inspections.getRecord', { id: record.id })).actions).toEqual([]);
    expect((await refused('inspections.createPlan', planInput({ periodEnd: '2026-04-01' }))).message).toBe('检查期间的结束日期不能早于开始日期。');
    expect((await refused('inspections.createPlan', planInput({ type: 'big' }))).message).toContain('检查类型应为常规、专项、证后或其他');
  });
});

describe('records', () => {
  it('copies the pinned items, takes results, files and a signer, and is final after that', async () => {
    await setup();
    const plan = await activePlan();
    const photo = await t.ok('files.stage', { name: '机房照片.png', contentBase64: samplePng.toString('base64') });
    let record: RecordDetail = await t.ok('inspections.saveRecord', {
      planId: plan.id,
      unitId: o.units[2],
      inspectedOn: '2026-04-27',
      items: [
        { code: 'C01', result: 'ok' },
        { code: 'T07', result: 'problem', note: '机房堆放杂物' },
      ],
      addFiles: [photo.id],
    });
    expect(record.items).toHaveLength(25);
    expect(record.items.find((i) => i.code === 'T07')).toMatchObject({ result: 'problem', note: '机房堆放杂物', text: expect.stringContaining('机房') });
    expect(record).toMatchObject({ state: 'draft', problems: 1, checklistName: '电梯使用单位专项检查表', actions: ['edit', 'finalize', 'finding', 'order'] });
    expect(record.files).toEqual([expect.objectContaining({ fileName: '机房照片.png', mimeType: 'image/png' })]);
    const file = await t.ok('inspections.recordFile', { attachmentId: record.files[0]!.attachmentId });
    expect(Buffer.from(file.contentBase64, 'base64')).toEqual(samplePng);

    const base = { id: record.id, planId: plan.id, unitId: o.units[2], inspectedOn: '2026-04-27' };
    expect((await refused('inspections.finalizeRecord', { id: record.id, version: record.version })).message).toMatch(/^还有 23 个检查项目未填写结果（如 C02/);
    const all = record.items.map((i) => ({ code: i.code, result: i.code === 'T07' ? 'problem' : i.code === 'T09' ? 'na' : 'ok', note: i.note }));
    record = await t.ok('inspections.saveRecord', { ...base, version: record.version, items: all, findings: '机房有杂物，已要求清理。' });
    expect((await refused('inspections.finalizeRecord', { id: record.id, version: record.version })).message).toContain('请填写被检查单位的签字人');
    expect((await refused('inspections.saveRecord', { ...base, version: record.version - 1, unitSigner: '赵经理' })).code).toBe('CONFLICT');
    expect((await refused('inspections.saveRecord', { ...base, version: record.version, items: [{ code: 'X99', result: 'ok' }] })).message).toContain('X99 不在本记录的检查表中');
    expect((await refused('inspections.saveRecord', { ...base, version: record.version, inspectedOn: '2026-04-28' })).message).toBe('检查日期不能晚于今天。');
    record = await t.ok('inspections.saveRecord', { ...base, version: record.version, unitSigner: '赵经理', removeFiles: [record.files[0]!.attachmentId] });
    expect(record.files).toEqual([]);
    record = await t.ok('inspections.finalizeRecord', { id: record.id, version: record.version });
    expect(record).toMatchObject({ state: 'final', unitSigner: '赵经理', actions: ['finding', 'order'] });
    expect((await refused('inspections.saveRecord', { ...base, version: record.version, unitSigner: '钱' })).message).toBe('检查记录已定稿，不能再修改。');
    // a later checklist version does not change the record
    const elevator = (await t.ok('inspections.checklists', {})).find((c) => c.key === 'elevator')!;
    await t.ok('inspections.saveChecklist', { key: 'elevator', basedOnVersion: 1, name: '电梯 v2', equipmentKind: '3000', items: [{ code: 'Z1', text: '新' }] });
    expect((await t.ok('inspections.getRecord', { id: record.id })).items.map((i) => i.code)).toEqual(elevator.items.map((i) => i.code));
    expect(await t.ok('inspections.listRecords', { planId: plan.id })).toEqual([expect.objectContaining({ id: record.id, state: 'final', problems: 1, hazards: 0 })]);
    expect(verifyAuditChain(t.core.ctx)).toMatchObject({ ok: true });
  });

  it('turns a finding into a hazard of the unit, found on the day by the team, linked to the record', async () => {
    await setup();
    const plan = await activePlan();
    day = '2026-04-29';
    const record = await t.ok('inspections.saveRecord', { planId: plan.id, unitId: o.units[3], inspectedOn: '2026-04-28' });
    const photo = await t.ok('files.stage', { name: '制动器.png', contentBase64: samplePng.toString('base64') });
    const hazard = await t.ok('inspections.addFinding', { recordId: record.id, description: '电梯制动器磨损超标', level: 'major', evidence: [photo.id] });
    expect(hazard).toMatchObject({ unitId: o.units[3], level: 'major', state: 'found', foundOn: '2026-04-28', foundBy: '陈监察、李监察', sourceInspectionId: record.id, blockName: '塘桥第一组' });
    expect(hazard.events[0]).toMatchObject({ action: 'create', comment: '专项检查“2026年电梯专项检查”发现', evidence: [expect.objectContaining({ fileName: '制动器.png' })] });
    const listed = await t.ok('hazards.list', { unitId: o.units[3] });
    expect(listed.map((h) => [h.id, h.sourceInspectionId])).toEqual([[hazard.id, record.id]]);
    const detail = await t.ok('inspections.getRecord', { id: record.id });
    expect(detail.foundHazards).toEqual([{ id: hazard.id, description: '电梯制动器磨损超标', level: 'major', state: 'found', deadline: null }]);
    expect(detail.hazards).toBe(1);
    const audited = sqlite().prepare("SELECT call FROM audit_log WHERE call IN ('hazards.create', 'inspections.addFinding') ORDER BY seq").all();
    expect(audited).toEqual([{ call: 'hazards.create' }, { call: 'inspections.addFinding' }]);
    // a refused finding leaves no hazard behind
    const before = counts();
    expect((await refused('inspections.addFinding', { recordId: record.id, description: '', level: 'general' })).message).toContain('请描述发现的问题');
    expect((await refused('inspections.addFinding', { recordId: record.id, description: '某', level: 'general', equipmentId: 'no-such-piece' })).message).toBe('所选设备不属于该使用单位，请重选。');
    expect(counts()).toEqual(before);
  });

  it('refuses a node that is not a district office, and changes nothing', async () => {
    t = await districtCore({ init: false, now });
    await t.ok('node.init', { role: 'bureau', name: '市局特设科' });
    const before = counts();
    expect(await refused('inspections.createPlan', { title: '某', type: 'routine', periodStart: '2026-04-01', periodEnd: '2026-04-30', scope: { kind: 'units', unitIds: ['u'] }, checklistKey: 'common', checklistVersion: 1, team: [] })).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('本机不是分局节点'),
    });
    expect((await refused('inspections.saveChecklist', { name: '某', items: [{ code: 'A', text: '甲' }] })).code).toBe('FORBIDDEN');
    expect((await refused('inspections.updateSettings', { orderPrefix: '某' })).code).toBe('FORBIDDEN');
    expect(await t.ok('inspections.listPlans', {})).toEqual([]);
    expect(counts()).toEqual(before);
  });
});

describe('queries', () => {
  it('find a plan’s records, a record’s orders and a district’s plans and visits through their indexes', async () => {
    await setup();
    const plan = (sql: string) => (sqlite().prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>).map((r) => r.detail).join(' | ');
    expect(plan("SELECT id FROM inspection_records WHERE plan_id = 'p' AND unit_id = 'u' AND deleted_at IS NULL")).toMatch(/USING INDEX inspection_records_(plan|unit)/);
    expect(plan("SELECT id FROM supervision_orders WHERE record_id = 'r' AND deleted_at IS NULL ORDER BY year, seq")).toContain('USING INDEX supervision_orders_record');
    expect(plan("SELECT id FROM inspection_plans p WHERE p.district_id = 'seed-district-03' AND p.period_start >= '2026-01-01'")).toContain('USING INDEX inspection_plans_district_period');
    expect(plan("SELECT id FROM inspection_records r WHERE r.district_id = 'seed-district-03' AND r.inspected_on LIKE '2026-04-%'")).toContain('USING INDEX inspection_records_district_date');
  });
});

describe('the two-person rule counts only inspectors with an enforcement card', () => {
  it('does not count a registered inspector without 执法证号 until it is entered', async () => {
    await setup();
    const wang = await t.ok('inspectors.save', { name: '王监察' });
    const plan = await t.ok('inspections.createPlan', planInput({ team: [{ kind: 'inspector', id: o.chen }, { kind: 'inspector', id: wang.id }] }));
    expect(plan.warnings.map((w) => w.message)).toEqual([expect.stringContaining('持执法证的监察人员只有 1 名（另有 1 名')]);
    expect((await t.ok('inspections.stats', {})).smallTeamPlans).toBe(1);
    await t.ok('inspectors.save', { id: wang.id, version: wang.version, name: '王监察', enforcementNo: 'js3205820009' });
    const again = await t.ok('inspections.getPlan', { id: plan.id });
    expect(again.warnings).toEqual([]);
    expect(again.team.map((m) => m.enforcementNo)).toEqual([expect.stringMatching(/^JS/), 'JS3205820009']);
    expect((await t.ok('inspections.stats', {})).smallTeamPlans).toBe(0);
  });

  it('checks an inspector’s phone and 执法证号', async () => {
    await setup();
    expect((await refused('inspectors.save', { name: '赵监察', phone: '12' })).message).toContain('电话号码格式不正确');
    expect((await refused('inspectors.save', { name: '赵监察', enforcementNo: '12' })).message).toContain('执法证号应为 6–30 位');
    const ok = await t.ok('inspectors.save', { name: '赵监察', phone: '１３９ 1234 5678', enforcementNo: 'js-3205-8200' });
    expect(ok).toMatchObject({ phone: '13912345678', enforcementNo: 'JS-3205-8200' });
  });
});
