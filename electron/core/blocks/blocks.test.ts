import { afterEach, describe, expect, it } from 'vitest';
import { districtCore, type TestCore } from '../../../tests/support/core.ts';
import { verifyAuditChain } from '../audit.ts';
import { addAcceptanceFile, addSupervisorCertificate, addUnit, addUnits } from './testing/fixtures.ts';

// 块: blocks of one district on a real SQLite file. The clock moves one second per
// reading, so history entries have distinct times.
let t: TestCore;
afterEach(() => t?.cleanup());

const start = Date.UTC(2026, 10, 28, 2, 0, 0); // 2026-11-28 10:00 China time
async function core() {
  let tick = 0;
  t = await districtCore({ now: () => new Date(start + tick++ * 1000) });
  return t;
}
const sqlite = () => t.core.ctx.database.sqlite;
const count = (sql: string, ...params: unknown[]) => (sqlite().prepare(sql).get(...params) as { n: number }).n;
const codes = (block: { problems: { code: string }[] }) => block.problems.map((p) => p.code);

async function inspector(name = '陈监察', enforcementNo = 'JS3205820001') {
  return t.ok('inspectors.save', { name, enforcementNo, phone: '0512-58123456' });
}

describe('blocks', () => {
  it('creates a block of 6 with a lead, an inspector and a supervisor; the board shows members, counts and problems', async () => {
    await core();
    const ids = addUnits(sqlite(), 5, { prefix: '塘桥', overdue: 2 });
    const without = addUnit(sqlite(), { name: '张家港市塘桥无证纺织有限公司', pieces: 30, managerExpiry: '2025-01-01' });
    const members = [...ids, without];
    const chen = await inspector();
    const [manager] = await t.ok('blocks.managers', { unitIds: [ids[4]!] });
    const block = await t.ok('blocks.save', {
      name: '塘桥第一组',
      memberUnitIds: members,
      leadUnitId: ids[4],
      inspectorIds: [chen.id],
      supervisorManagerIds: [manager!.managerId],
      schedule: '每月',
      notes: '每月第一周互查',
    });
    expect(block).toMatchObject({ name: '塘桥第一组', version: 1, schedule: '每月', leadUnitId: ids[4], districtName: '塘桥', editable: true, dissolvedAt: null });
    expect(block.members).toHaveLength(6);
    expect(block.members[0]).toMatchObject({ unitId: ids[4], isLead: true, equipmentInUse: 24, overdueCount: 2, validManagerCount: 1 });
    expect(block.equipmentInUse).toBe(20 + 21 + 22 + 23 + 24 + 30);
    expect(block.overdueCount).toBe(10);
    expect(block.inspectors).toEqual([{ inspectorId: chen.id, name: '陈监察', enforcementNo: 'JS3205820001', active: true }]);
    expect(block.supervisors).toEqual([expect.objectContaining({ managerId: manager!.managerId, unitId: ids[4], supervisorCertificate: null })]);
    // named before the exam: a warning until the training work certifies them
    expect(codes(block)).toEqual(['lead-not-demo', 'member-without-manager', 'supervisor-not-certified']);
    expect(block.problems[0]).toMatchObject({ severity: 'warning', message: expect.stringContaining('尚未通过示范单位验收') });
    expect(block.problems[1]).toMatchObject({ severity: 'error', unitIds: [without], message: expect.stringContaining('张家港市塘桥无证纺织有限公司') });

    const board = await t.ok('blocks.list', {});
    expect(board).toMatchObject({ settings: { minSize: 5, maxSize: 10 }, asOf: '2026-11-28' });
    expect(board.blocks.map((b) => b.id)).toEqual([block.id]);
    // every row is this node's and audited in the same transaction
    const self = (await t.ok('node.get', {}))!.id;
    expect(count('SELECT count(*) AS n FROM block_members WHERE origin_node = ?', self)).toBe(6);
    const audited = sqlite().prepare("SELECT DISTINCT table_name AS t FROM audit_log WHERE call = 'blocks.save' ORDER BY t").all();
    expect(audited).toEqual([{ t: 'block_inspectors' }, { t: 'block_members' }, { t: 'block_supervisors' }, { t: 'blocks' }]);
    expect(verifyAuditChain(t.core.ctx)).toMatchObject({ ok: true });
    // the change log carries them to the next bundle
    expect(count("SELECT count(*) AS n FROM sync_changes WHERE table_name IN ('blocks', 'block_members', 'block_inspectors', 'block_supervisors', 'inspectors')")).toBe(1 + 6 + 1 + 1 + 1);
  });

  it('shows a block outside the size rule, without a lead or an inspector, as problems, not refusals', async () => {
    await core();
    const four = await t.ok('blocks.save', { name: '四家组', memberUnitIds: addUnits(sqlite(), 4, { prefix: '甲' }) });
    expect(codes(four)).toEqual(['too-small', 'no-lead', 'no-inspector']);
    expect(four.problems[0]!.message).toBe('成员 4 家，少于 5 家');
    const eleven = await t.ok('blocks.save', { name: '十一家组', memberUnitIds: addUnits(sqlite(), 11, { prefix: '乙' }) });
    expect(codes(eleven)).toEqual(['too-large', 'no-lead', 'no-inspector']);
    expect(eleven.problems[0]!.message).toBe('成员 11 家，多于 10 家');

    await t.ok('blocks.updateSettings', { minSize: 4, maxSize: 12 });
    const board = await t.ok('blocks.list', {});
    expect(board.blocks.map((b) => [b.name, codes(b)])).toEqual([
      ['十一家组', ['no-lead', 'no-inspector']],
      ['四家组', ['no-lead', 'no-inspector']],
    ]);
    expect(await t.core.call('blocks.updateSettings', { minSize: 13 })).toMatchObject({ ok: false, code: 'VALIDATION', message: expect.stringContaining('不能大于') });
    expect(await t.core.call('blocks.updateSettings', { maxSize: 1 })).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(await t.ok('blocks.settings', {})).toEqual({ minSize: 4, maxSize: 12 });
  });

  it('shows each supervisor’s certificate; a valid one clears the warning, an expired one does not', async () => {
    await core();
    const ids = addUnits(sqlite(), 5, { prefix: '塘桥' });
    const chen = await inspector();
    const [first] = await t.ok('blocks.managers', { unitIds: [ids[0]!] });
    expect(first!.supervisorCertificate).toBeNull();
    addSupervisorCertificate(sqlite(), first!.managerId, '2026-12-15');
    // 2026-11-28 + 90 days of warning: valid until 12-15 is expiring, still a certificate
    expect((await t.ok('blocks.managers', { unitIds: [ids[0]!] }))[0]!.supervisorCertificate).toEqual({ certificateNo: '张特监〔2026〕第0001号', validUntil: '2026-12-15', status: 'expiring' });
    const block = await t.ok('blocks.save', { name: '塘桥第一组', memberUnitIds: ids, leadUnitId: ids[0], inspectorIds: [chen.id], supervisorManagerIds: [first!.managerId] });
    expect(block.supervisors[0]!.supervisorCertificate).toMatchObject({ status: 'expiring' });
    expect(codes(block)).not.toContain('supervisor-not-certified');
    sqlite().prepare("UPDATE supervisor_certificates SET valid_until = '2026-01-01'").run();
    const later = await t.ok('blocks.list', {});
    expect(later.blocks[0]!.problems.find((p) => p.code === 'supervisor-not-certified')).toMatchObject({ severity: 'warning', message: expect.stringContaining('王建国') });
    expect(codes(later.blocks[0]!)).not.toContain('supervisor-without-a');
  });

  it('shows a supervisor without a valid A certificate as an error: expired, another item, or none; legacy A1–A8 count', async () => {
    await core();
    const ids = addUnits(sqlite(), 5, { prefix: '塘桥' });
    const chen = await inspector();
    const [first] = await t.ok('blocks.managers', { unitIds: [ids[0]!] });
    addSupervisorCertificate(sqlite(), first!.managerId, '2029-12-31');
    const block = await t.ok('blocks.save', { name: '塘桥第一组', memberUnitIds: ids, leadUnitId: ids[0], inspectorIds: [chen.id], supervisorManagerIds: [first!.managerId] });
    expect(codes(block)).toEqual(['lead-not-demo']);
    const problemOn = async () => (await t.ok('blocks.list', {})).blocks[0]!.problems.find((p) => p.code === 'supervisor-without-a');
    const set = (sql: string) => sqlite().prepare(`UPDATE safety_managers SET ${sql} WHERE id = ?`).run(first!.managerId);
    set("expiry_date = '2026-11-27'");
    expect(await problemOn()).toEqual({ code: 'supervisor-without-a', severity: 'error', message: '1 名安全监督员没有有效的安全管理员（A）证：王建国', unitIds: [] });
    set("expiry_date = '2026-11-28', item_code = 'A4'");
    expect(await problemOn()).toBeUndefined();
    set("item_code = 'N1'");
    expect(await problemOn()).toMatchObject({ severity: 'error' });
    // the same person's A certificate on another row (another unit's registration) counts
    set("id_number = '11010519491231002X'");
    const other = addUnit(sqlite(), { name: '张家港市塘桥另一机械有限公司', pieces: 20, managerName: '王建国', managerIdNumber: '11010519491231002X' });
    expect(other).toBeTruthy();
    expect(await problemOn()).toBeUndefined();
  });

  it('shows whether the lead is an accepted demonstration unit, and how far the others’ files are', async () => {
    await core();
    const ids = addUnits(sqlite(), 6, { prefix: '塘桥' });
    const chen = await inspector();
    addAcceptanceFile(sqlite(), ids[0]!, 'passed');
    addAcceptanceFile(sqlite(), ids[1]!, 'self_check');
    const accepted = await t.ok('blocks.save', { name: '塘桥第一组', memberUnitIds: ids, leadUnitId: ids[0], inspectorIds: [chen.id], supervisorManagerIds: [] });
    expect(codes(accepted)).toEqual([]);
    expect(accepted.members.find((m) => m.isLead)).toMatchObject({ unitId: ids[0], demoState: 'passed' });
    expect(accepted.members.find((m) => m.unitId === ids[1])).toMatchObject({ demoState: 'self_check' });
    expect(accepted.members.find((m) => m.unitId === ids[2])).toMatchObject({ demoState: null });

    const inProgress = await t.ok('blocks.save', { id: accepted.id, version: accepted.version, name: '塘桥第一组', memberUnitIds: ids, leadUnitId: ids[1], inspectorIds: [chen.id], supervisorManagerIds: [] });
    expect(inProgress.problems).toEqual([expect.objectContaining({ code: 'lead-not-demo', severity: 'warning', message: expect.stringContaining('（验收档案：自查中）') })]);
    const none = await t.ok('blocks.save', { id: accepted.id, version: inProgress.version, name: '塘桥第一组', memberUnitIds: ids, leadUnitId: ids[2], inspectorIds: [chen.id], supervisorManagerIds: [] });
    expect(none.problems[0]!.message).toContain('（尚未建立验收档案）');
  });

  it('keeps a unit in one active block; moving it records who left, when and why', async () => {
    await core();
    const a = addUnits(sqlite(), 6, { prefix: '甲' });
    const b = addUnits(sqlite(), 5, { prefix: '乙' });
    const first = await t.ok('blocks.save', { name: '甲组', memberUnitIds: a });
    const refused = await t.core.call('blocks.save', { name: '乙组', memberUnitIds: [...b, a[0]!] });
    expect(refused).toMatchObject({ ok: false, code: 'CONFLICT', details: { field: 'memberUnitIds' } });
    expect(refused.ok ? '' : refused.message).toContain('已在小组“甲组”中');
    expect(count('SELECT count(*) AS n FROM blocks')).toBe(1);
    // the index says the same, should a service ever forget
    expect(() =>
      sqlite()
        .prepare("INSERT INTO block_members (id, origin_node, created_at, updated_at, block_id, unit_id, joined_at) SELECT 'x', origin_node, 'now', 'now', block_id, unit_id, 'now' FROM block_members LIMIT 1")
        .run(),
    ).toThrow(/UNIQUE/);

    const edited = await t.ok('blocks.save', { id: first.id, version: first.version, name: '甲组', memberUnitIds: a.slice(1), leaveReason: '迁往乙组' });
    expect(edited).toMatchObject({ version: 2 });
    expect(edited.members).toHaveLength(5);
    const second = await t.ok('blocks.save', { name: '乙组', memberUnitIds: [...b, a[0]!] });
    expect(second.members).toHaveLength(6);

    const history = (await t.ok('blocks.get', { id: first.id })).history;
    expect(history[0]).toMatchObject({ kind: 'created', subject: '甲组' });
    expect(history.filter((e) => e.kind === 'joined')).toHaveLength(6);
    expect(history.at(-1)).toMatchObject({ kind: 'left', subject: '张家港市甲01机械有限公司', reason: '迁往乙组' });
    expect(count('SELECT count(*) AS n FROM block_members WHERE unit_id = ?', a[0])).toBe(2);
  });

  it('checks versions, names, leads, inspectors and supervisors, changing nothing when it refuses', async () => {
    await core();
    const units = addUnits(sqlite(), 6, { prefix: '甲' });
    const other = addUnit(sqlite(), { name: '张家港市塘桥外组机械有限公司', pieces: 25 });
    const block = await t.ok('blocks.save', { name: '甲组', memberUnitIds: units });
    const base = { id: block.id, version: block.version, name: '甲组', memberUnitIds: units };
    expect(await t.core.call('blocks.save', { ...base, version: 7 })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await t.core.call('blocks.save', { ...base, id: undefined })).toMatchObject({ ok: false, code: 'DUPLICATE', details: { field: 'name' } });
    expect(await t.core.call('blocks.save', { ...base, leadUnitId: other })).toMatchObject({ ok: false, code: 'VALIDATION', details: { field: 'leadUnitId' } });
    expect(await t.core.call('blocks.save', { ...base, memberUnitIds: [] })).toMatchObject({ ok: false, code: 'VALIDATION', details: { field: 'memberUnitIds' } });
    const [outsider] = await t.ok('blocks.managers', { unitIds: [other] });
    expect(await t.core.call('blocks.save', { ...base, supervisorManagerIds: [outsider!.managerId] })).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      details: { field: 'supervisorManagerIds' },
    });
    const retired = await inspector('退休者', 'JS0001');
    await t.ok('inspectors.save', { id: retired.id, version: retired.version, name: '退休者', enforcementNo: 'JS0001', active: false });
    expect(await t.core.call('blocks.save', { ...base, inspectorIds: [retired.id] })).toMatchObject({ ok: false, code: 'VALIDATION', message: expect.stringContaining('已停用') });
    const elsewhere = sqlite().prepare("INSERT INTO units (id, origin_node, created_at, updated_at, district_id, name, uscc) VALUES ('far', 'test', 'x', 'x', 'seed-district-04', '外区单位', 'U')");
    elsewhere.run();
    expect(await t.core.call('blocks.save', { ...base, memberUnitIds: [...units, 'far'] })).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect((await t.ok('blocks.get', { id: block.id })).version).toBe(1);
  });

  it('dissolves a block with a reason, keeps its history and frees its units', async () => {
    await core();
    const units = addUnits(sqlite(), 5, { prefix: '甲' });
    const chen = await inspector();
    const block = await t.ok('blocks.save', { name: '甲组', memberUnitIds: units, leadUnitId: units[0], inspectorIds: [chen.id] });
    expect(await t.core.call('blocks.dissolve', { id: block.id, version: block.version, reason: ' ' })).toMatchObject({ ok: false, code: 'VALIDATION' });
    const dissolved = await t.ok('blocks.dissolve', { id: block.id, version: block.version, reason: '企业搬迁' });
    expect(dissolved).toMatchObject({ version: 2, dissolvedReason: '企业搬迁', problems: [], editable: false });
    // a dissolved block still shows who was in it at the end
    expect(dissolved.members).toHaveLength(5);
    expect(dissolved.inspectors).toHaveLength(1);
    expect((await t.ok('blocks.list', {})).blocks).toEqual([]);
    expect((await t.ok('blocks.list', { includeDissolved: true })).blocks.map((b) => b.id)).toEqual([block.id]);
    expect(await t.core.call('blocks.save', { id: block.id, version: 2, name: '甲组', memberUnitIds: units })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect((await t.ok('inspectors.list', {}))[0]!.blockNames).toEqual([]);

    const history = (await t.ok('blocks.get', { id: block.id })).history;
    expect(history.filter((e) => e.kind === 'left').map((e) => e.reason)).toEqual(Array(5).fill('小组解散：企业搬迁'));
    expect(history.at(-1)).toMatchObject({ kind: 'dissolved', reason: '企业搬迁' });
    // the units are free for a new block of the same name
    expect((await t.ok('blocks.save', { name: '甲组', memberUnitIds: units })).members).toHaveLength(5);
  });

  it('lists the district’s units as candidates, marking list 1 and current blocks', async () => {
    await core();
    const [listed] = addUnits(sqlite(), 1, { prefix: '甲' });
    const small = addUnit(sqlite(), { name: '张家港市塘桥小厂', pieces: 3, town: '杨舍镇' });
    await t.ok('blocks.save', { name: '甲组', memberUnitIds: [listed!] });
    const candidates = await t.ok('blocks.candidates', {});
    expect(candidates.find((c) => c.unitId === listed)).toMatchObject({ listed: true, blockName: '甲组', town: '塘桥镇', equipmentInUse: 20, validManagerCount: 1 });
    expect(candidates.find((c) => c.unitId === small)).toMatchObject({ listed: false, blockId: null, town: '杨舍镇' });
  });

  it('keeps the district’s inspectors: unique enforcement numbers, deactivation, their blocks', async () => {
    await core();
    const chen = await inspector('陈监察', ' js3205820001 ');
    expect(chen).toMatchObject({ enforcementNo: 'JS3205820001', active: true, editable: true, blockNames: [] });
    expect(await t.core.call('inspectors.save', { name: '李监察', enforcementNo: 'JS3205820001' })).toMatchObject({
      ok: false,
      code: 'DUPLICATE',
      details: { field: 'enforcementNo' },
    });
    await t.ok('blocks.save', { name: '甲组', memberUnitIds: addUnits(sqlite(), 5, { prefix: '甲' }), inspectorIds: [chen.id] });
    const off = await t.ok('inspectors.save', { id: chen.id, version: chen.version, name: '陈监察', enforcementNo: 'JS3205820001', active: false });
    expect(off).toMatchObject({ active: false, version: 2, blockNames: ['甲组'] });
    expect(await t.core.call('inspectors.save', { id: chen.id, version: 1, name: '陈' })).toMatchObject({ ok: false, code: 'CONFLICT' });
    // an inactive inspector does not count for the block
    const [block] = (await t.ok('blocks.list', {})).blocks;
    expect(codes(block!)).toContain('no-inspector');
    expect((await t.ok('inspectors.list', { includeInactive: false })).length).toBe(0);
  });

  it('leaves the bureau to read: it cannot make blocks or inspectors', async () => {
    t = await districtCore({ init: false });
    await t.ok('node.init', { role: 'bureau', name: '市局特设科' });
    expect(await t.core.call('inspectors.save', { name: '陈监察' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await t.core.call('blocks.save', { name: '甲组', memberUnitIds: ['x'] })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await t.ok('blocks.list', {})).toMatchObject({ blocks: [] });
  });
});
