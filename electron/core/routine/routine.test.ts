import { afterEach, describe, expect, it } from 'vitest';
import { districtCore, type TestCore } from '../../../tests/support/core.ts';
import { verifyAuditChain } from '../audit.ts';
import { addUnit } from '../blocks/testing/fixtures.ts';
import { stagedPhoto } from '../hazards/testing/fixtures.ts';
import { commonItems, routineBlock } from './testing/fixtures.ts';

// A block's routine at the 塘桥 office on a real SQLite file: its 活动安排, a 互查 made by
// one member's manager at another member, final, whose finding becomes a hazard that
// closes; 自查 that every member owes; meetings; the calendar and the board's flag.
let t: TestCore;
let day = '2026-02-02';
let tick = 0;
const now = () => new Date(Date.parse(`${day}T02:00:00Z`) + tick++ * 1000);
afterEach(() => t?.cleanup());

const sqlite = () => t.core.ctx.database.sqlite;
async function refused(name: string, input: unknown) {
  const result = await t.core.call(name as never, input);
  if (result.ok) throw new Error(`${name} should have been refused`);
  return result;
}
const rows = () => sqlite().prepare('SELECT (SELECT count(*) FROM block_checks) AS c, (SELECT count(*) FROM block_meetings) AS m, (SELECT count(*) FROM hazards) AS h, (SELECT count(*) FROM audit_log) AS a').get();
const overdueOf = async (blockId: string) => (await t.ok('blocks.list', {})).blocks.find((b) => b.id === blockId)!;

async function setup() {
  day = '2026-02-02';
  t = await districtCore({ now });
  return routineBlock(t);
}

describe('a block’s 互查', () => {
  it('is made by one member’s manager at another member, made final, and its finding becomes a hazard reported by that manager, which closes', async () => {
    const { blockId, units, managers } = await setup();
    const rule = await t.ok('blocks.saveScheduleRule', { blockId, kind: 'mutual_check', frequency: 'monthly', dueDay: 25, startsOn: '2026-02-01' });
    expect(rule).toMatchObject({ label: '每月（25 日前）互查', endedOn: null });

    // March: February's 互查 was due on the 25th and nothing is recorded
    day = '2026-03-02';
    let block = await overdueOf(blockId);
    expect(block).toMatchObject({ activitiesOverdue: 1, scheduleRules: ['每月（25 日前）互查'] });
    expect(block.problems.find((p) => p.code === 'activity-overdue')).toEqual({ code: 'activity-overdue', severity: 'error', message: '1 项活动逾期未开展：2026年2月互查', unitIds: [] });
    expect((await t.ok('dashboard.get', {})).routine).toEqual({ activitiesOverdue: 1, feedbackOpen: 0 });
    const calendar = await t.ok('blocks.calendar', { blockId });
    expect(calendar.blocks[0]!.activities.map((a) => [a.period, a.dueOn, a.status])).toEqual([
      ['2026年2月', '2026-02-25', 'overdue'],
      ['2026年3月', '2026-03-25', 'open'],
    ]);

    // never the unit's own manager, never a manager from outside the block, 自查 only by the unit's own
    const before = rows();
    const base = { blockId, kind: 'mutual', checkedUnitId: units[1], checkedOn: '2026-02-20' };
    expect((await refused('blocks.saveCheck', { ...base, checkerManagerId: managers[1] })).message).toBe(
      '互查不能由被检查单位自己的安全管理员进行（李二是“张家港市塘桥02机械有限公司”的安全管理员）：请选择另一家成员单位的安全管理员，或改记为自查。',
    );
    const outsider = addUnit(sqlite(), { name: '张家港市塘桥外组机械有限公司', pieces: 20 });
    const outsiderManager = (sqlite().prepare('SELECT id FROM safety_managers WHERE unit_id = ?').get(outsider) as { id: string }).id;
    expect((await refused('blocks.saveCheck', { ...base, checkerManagerId: outsiderManager })).message).toBe('互查的检查人应是本小组成员单位的安全管理员：“张家港市塘桥外组机械有限公司”不是小组“塘桥第一组”的现有成员。');
    expect((await refused('blocks.saveCheck', { ...base, kind: 'self', checkerManagerId: managers[0] })).message).toBe(
      '自查应由被检查单位自己的安全管理员进行：张一是“张家港市塘桥01机械有限公司”的安全管理员，不是“张家港市塘桥02机械有限公司”的。',
    );
    expect((await refused('blocks.saveCheck', { ...base, checkedUnitId: outsider, checkerManagerId: managers[0] })).message).toBe('所选被检查单位不是小组“塘桥第一组”的现有成员单位，请重新选择。');
    expect((await refused('blocks.saveCheck', { ...base, checkedOn: '2026-03-03', checkerManagerId: managers[0] })).message).toBe('检查日期不能晚于今天。');
    expect(rows()).toEqual(before);

    // a draft with two items open and a photo; no finding, no final without every result and the signer
    const photo = await stagedPhoto(t, '互查现场.png');
    const partial = commonItems({ C12: '储气罐安全阀超期未校验' }).slice(0, 14);
    let check = await t.ok('blocks.saveCheck', { ...base, checkerManagerId: managers[0], items: partial, addFiles: [photo] });
    expect(check).toMatchObject({ state: 'draft', checkerManagerName: '张一', checkerUnitId: units[0], checkedUnitId: units[1], checklistKey: 'common', checklistVersion: 1, problems: 1, actions: ['edit', 'finalize'] });
    expect(check.files.map((f) => f.fileName)).toEqual(['互查现场.png']);
    expect((await refused('blocks.checkFinding', { checkId: check.id, description: '安全阀超期', level: 'general' })).message).toBe(
      '互查记录尚未定稿：请填完检查项目、由被检查单位签字并定稿后，再把发现的问题登记为隐患。',
    );
    expect((await refused('blocks.finalizeCheck', { id: check.id, version: check.version })).message).toMatch(/^还有 2 个检查项目未填写结果（如 C15 /);
    check = await t.ok('blocks.saveCheck', { ...base, id: check.id, version: check.version, checkerManagerId: managers[0], items: commonItems({ C12: '储气罐安全阀超期未校验' }) });
    expect((await refused('blocks.finalizeCheck', { id: check.id, version: check.version })).message).toBe('请填写被检查单位的签字人后再定稿（检查人为记录上的安全管理员）。');
    check = await t.ok('blocks.saveCheck', { ...base, id: check.id, version: check.version, checkerManagerId: managers[0], checkedSigner: '李二', findings: '储气罐安全阀超期未校验' });
    expect(check.files).toHaveLength(1);
    expect((await refused('blocks.finalizeCheck', { id: check.id, version: check.version - 1 })).code).toBe('CONFLICT');
    check = await t.ok('blocks.finalizeCheck', { id: check.id, version: check.version });
    expect(check).toMatchObject({ state: 'final', actions: ['finding'] });
    expect((await refused('blocks.saveCheck', { ...base, id: check.id, version: check.version, checkerManagerId: managers[0] })).message).toBe('互查记录已定稿，不能再修改。');

    // the month's 互查 is done: the flag goes
    expect((await t.ok('blocks.calendar', { blockId })).blocks[0]!.activities[0]).toMatchObject({ status: 'done', recordIds: [check.id] });
    block = await overdueOf(blockId);
    expect(block.activitiesOverdue).toBe(0);
    expect(block.problems.map((p) => p.code)).not.toContain('activity-overdue');

    // the finding: a hazard of the checked unit, found on the day by the checker, who is its reporting manager
    let hazard = await t.ok('blocks.checkFinding', { checkId: check.id, description: '储气罐安全阀超期未校验', level: 'general', measures: '送检安全阀', evidence: [await stagedPhoto(t, '安全阀.png')] });
    expect(hazard).toMatchObject({
      unitId: units[1],
      blockId,
      foundOn: '2026-02-20',
      foundBy: '张一（张家港市塘桥01机械有限公司安全管理员）',
      state: 'found',
      sourceCheckId: check.id,
      sourceCheckKind: 'mutual',
      sourceInspectionId: null,
      reporterManagerId: managers[0],
      reporterManagerName: '张一',
    });
    expect(hazard.events[0]).toMatchObject({ action: 'create', comment: '安全管理小组“塘桥第一组”互查发现', evidence: [expect.objectContaining({ fileName: '安全阀.png' })] });
    expect(await t.ok('blocks.getCheck', { id: check.id })).toMatchObject({ hazards: 1, foundHazards: [{ id: hazard.id, level: 'general', state: 'found' }] });
    expect((await t.ok('hazards.list', {})).map((h) => h.reporterManagerName)).toEqual(['张一']);

    // the existing closure takes it to 闭环销号
    const step = (action: string, more: Record<string, unknown> = {}) => t.ok('hazards.transition', { id: hazard.id, version: hazard.version, action, ...more });
    hazard = await step('order', { workingDays: 5 });
    hazard = await step('start');
    hazard = await step('submit', { evidence: [await stagedPhoto(t, '已送检.png')] });
    hazard = await step('review');
    hazard = await step('pass', { comment: '安全阀已校验' });
    expect(hazard).toMatchObject({ state: 'closed', closedOn: '2026-03-02', reporterManagerName: '张一' });
    expect(verifyAuditChain(t.core.ctx).ok).toBe(true);
  });
});

describe('a block’s 活动安排', () => {
  it('refuses overlapping rules of one kind and custom rules without dates, and lets an ended rule be followed', async () => {
    const { blockId } = await setup();
    const monthly = await t.ok('blocks.saveScheduleRule', { blockId, kind: 'meeting', frequency: 'monthly', startsOn: '2026-01-01' });
    expect((await refused('blocks.saveScheduleRule', { blockId, kind: 'meeting', frequency: 'quarterly', startsOn: '2026-04-01' })).message).toBe(
      '本小组已有“每月会议（交流学习）”的安排（自 2026-01-01 起），同一类活动（会议（交流学习））的安排不能在时间上重叠。请先为原安排填写结束日期，或修改原安排。',
    );
    expect((await refused('blocks.saveScheduleRule', { blockId, kind: 'self_check', frequency: 'custom', startsOn: '2026-04-01' })).message).toBe('“指定日期”的安排请至少填写一个日期。');
    expect((await refused('blocks.saveScheduleRule', { blockId, kind: 'self_check', frequency: 'monthly', dates: ['2026-04-01'], startsOn: '2026-04-01' })).details).toEqual({ field: 'dates' });
    expect((await refused('blocks.saveScheduleRule', { blockId, kind: 'self_check', frequency: 'monthly', startsOn: '2026-04-01', endedOn: '2026-03-01' })).details).toEqual({ field: 'endedOn' });
    const ended = await t.ok('blocks.saveScheduleRule', { id: monthly.id, version: monthly.version, blockId, kind: 'meeting', frequency: 'monthly', startsOn: '2026-01-01', endedOn: '2026-03-31' });
    const quarterly = await t.ok('blocks.saveScheduleRule', { blockId, kind: 'meeting', frequency: 'quarterly', startsOn: '2026-04-01' });
    day = '2026-07-02';
    const calendar = (await t.ok('blocks.calendar', { blockId })).blocks[0]!;
    expect(calendar.rules.map((r) => r.id)).toEqual([ended.id, quarterly.id]);
    expect(calendar.activities.map((a) => `${a.period}:${a.status}`)).toEqual(['2026年1月:overdue', '2026年2月:overdue', '2026年3月:overdue', '2026年第2季度:overdue', '2026年第3季度:open']);
    expect((await overdueOf(blockId)).problems.find((p) => p.code === 'activity-overdue')!.message).toBe('4 项活动逾期未开展：2026年1月会议、2026年2月会议、2026年3月会议、2026年第2季度会议');
  });
});

describe('a block’s 自查', () => {
  it('is done only when every member unit has checked itself in the period', async () => {
    const { blockId, units, managers } = await setup();
    await t.ok('blocks.saveScheduleRule', { blockId, kind: 'self_check', frequency: 'quarterly', startsOn: '2026-01-01' });
    day = '2026-03-10';
    for (const i of [0, 1]) {
      const draft = await t.ok('blocks.saveCheck', { blockId, kind: 'self', checkedUnitId: units[i], checkerManagerId: managers[i], checkedOn: '2026-03-09', items: commonItems(), checkedSigner: '负责人' });
      await t.ok('blocks.finalizeCheck', { id: draft.id, version: draft.version });
    }
    // a draft does not count
    await t.ok('blocks.saveCheck', { blockId, kind: 'self', checkedUnitId: units[2], checkerManagerId: managers[2], checkedOn: '2026-03-09', items: commonItems() });
    let q1 = (await t.ok('blocks.calendar', { blockId })).blocks[0]!.activities[0]!;
    expect(q1).toMatchObject({ period: '2026年第1季度', status: 'open', unitsDue: 6 });
    expect(q1.unitsMissing.map((u) => u.name)).toEqual(['张家港市塘桥03机械有限公司', '张家港市塘桥04机械有限公司', '张家港市塘桥05机械有限公司', '张家港市塘桥06机械有限公司']);
    day = '2026-04-01';
    q1 = (await t.ok('blocks.calendar', { blockId })).blocks[0]!.activities[0]!;
    expect(q1.status).toBe('overdue');
    expect((await overdueOf(blockId)).problems.find((p) => p.code === 'activity-overdue')!.message).toBe('1 项活动逾期未开展：2026年第1季度自查（4 家未完成）');
    expect((await t.ok('blocks.checks', { blockId, kind: 'self' })).map((c) => c.state)).toEqual(['draft', 'final', 'final']);
  });

  it('is refused in the words of the record at hand: changed since read, without its version, another node’s; nothing changes', async () => {
    const { blockId, units, managers } = await setup();
    const input = { blockId, kind: 'self', checkedUnitId: units[0], checkerManagerId: managers[0], checkedOn: '2026-02-02', items: commonItems() };
    const draft = await t.ok('blocks.saveCheck', input);
    const rule = await t.ok('blocks.saveScheduleRule', { blockId, kind: 'meeting', frequency: 'monthly', startsOn: '2026-01-01' });
    const meeting = await t.ok('blocks.saveMeeting', { blockId, kind: 'exchange', heldOn: '2026-02-01', topic: '交流', place: '会议室', minutes: '纪要', participants: [{ kind: 'other', name: '王工' }] });
    const before = rows();
    const stale = { message: '该自查记录已被修改（可能在另一窗口），请刷新后再操作。', code: 'CONFLICT', details: { currentVersion: draft.version } };
    expect(await refused('blocks.saveCheck', { ...input, id: draft.id, version: draft.version + 1 })).toMatchObject(stale);
    expect(await refused('blocks.finalizeCheck', { id: draft.id, version: draft.version + 1 })).toMatchObject(stale);
    expect(await refused('blocks.saveCheck', { ...input, id: draft.id })).toMatchObject({ code: 'VALIDATION', message: '修改自查记录需要其版本号，请刷新后重试。' });
    expect((await refused('blocks.saveMeeting', { blockId, kind: 'exchange', heldOn: '2026-02-01', topic: '交流', place: '会议室', minutes: '纪要', participants: [{ kind: 'other', name: '王工' }], id: meeting.id, version: 9 })).message).toBe(
      '该会议记录已被修改（可能在另一窗口），请刷新后再操作。',
    );
    expect((await refused('blocks.saveScheduleRule', { blockId, kind: 'meeting', frequency: 'monthly', startsOn: '2026-01-01', id: rule.id })).message).toBe('修改活动安排需要其版本号，请刷新后重试。');
    sqlite().prepare("UPDATE block_checks SET origin_node = 'other-office' WHERE id = ?").run(draft.id);
    expect(await refused('blocks.finalizeCheck', { id: draft.id, version: draft.version })).toMatchObject({ code: 'FORBIDDEN', message: '该自查记录由其他节点登记，只能由登记它的分局修改。' });
    expect(await refused('blocks.saveCheck', { ...input, id: draft.id, version: draft.version })).toMatchObject({ code: 'FORBIDDEN', message: '该自查记录由其他节点登记，只能由登记它的分局修改。' });
    expect(rows()).toEqual(before);
  });
});

describe('a block’s meetings and 交流学习', () => {
  it('name managers and inspectors from the registers, keep minutes and photos, and fulfil a meeting of the schedule', async () => {
    const { blockId, managers, inspectorId } = await setup();
    await t.ok('blocks.saveScheduleRule', { blockId, kind: 'meeting', frequency: 'custom', dates: ['2026-01-30', '2026-03-20'], startsOn: '2026-01-01' });
    const base = { blockId, kind: 'exchange', heldOn: '2026-01-30', topic: '电梯维保质量交流', place: '塘桥01 公司会议室', minutes: '交流了维保合同中的检查项目。' };
    const before = rows();
    expect((await refused('blocks.saveMeeting', { ...base, participants: [] })).message).toBe('请至少选择一名参加人员。');
    expect((await refused('blocks.saveMeeting', { ...base, participants: [{ kind: 'manager', id: 'nobody', name: '某人' }] })).message).toBe('参加人员“某人”不是本辖区台账中的安全管理员，请重新选择。');
    expect((await refused('blocks.saveMeeting', { ...base, participants: [{ kind: 'manager', id: managers[0] }, { kind: 'manager', id: managers[0] }] })).message).toBe('参加人员中“张一”重复，请删去一个。');
    expect((await refused('blocks.saveMeeting', { ...base, heldOn: '2026-02-03', participants: [{ kind: 'other', name: '王工' }] })).message).toBe('会议日期不能晚于今天：会议开过后再记录。');
    expect(rows()).toEqual(before);
    const meeting = await t.ok('blocks.saveMeeting', {
      ...base,
      participants: [{ kind: 'manager', id: managers[0], name: '随便写' }, { kind: 'manager', id: managers[3] }, { kind: 'inspector', id: inspectorId }, { kind: 'other', name: '维保公司王工' }],
      addFiles: [await stagedPhoto(t, '交流现场.png')],
    });
    expect(meeting.participants).toEqual([
      { kind: 'manager', id: managers[0], name: '张一', unitName: '张家港市塘桥01机械有限公司' },
      { kind: 'manager', id: managers[3], name: '赵四', unitName: '张家港市塘桥04机械有限公司' },
      { kind: 'inspector', id: inspectorId, name: '陈监察' },
      { kind: 'other', name: '维保公司王工' },
    ]);
    expect(meeting.files.map((f) => f.fileName)).toEqual(['交流现场.png']);
    const file = await t.ok('blocks.routineFile', { attachmentId: meeting.files[0]!.attachmentId });
    expect(file.fileName).toBe('交流现场.png');
    expect((await t.ok('blocks.calendar', { blockId })).blocks[0]!.activities.map((a) => `${a.period}:${a.status}`)).toEqual(['2026-01-30:done', '2026-03-20:open']);
    const edited = await t.ok('blocks.saveMeeting', { ...base, id: meeting.id, version: meeting.version, topic: '电梯维保质量交流（二）', participants: meeting.participants, removeFiles: [meeting.files[0]!.attachmentId] });
    expect(edited).toMatchObject({ topic: '电梯维保质量交流（二）', files: [], version: meeting.version + 1 });
    expect(await t.ok('blocks.meetings', { blockId })).toHaveLength(1);
  });
});
