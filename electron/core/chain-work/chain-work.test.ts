import { afterEach, describe, expect, it } from 'vitest';
import { districtCore, type TestCore } from '../../../tests/support/core.ts';
import { addUnit } from '../blocks/testing/fixtures.ts';
import { stagedPhoto } from '../hazards/testing/fixtures.ts';
import { commonItems, routineBlock } from '../routine/testing/fixtures.ts';

// 链 at work at the 塘桥 office on a real SQLite file: safety managers' 问题反馈 from
// registration to an answer or a hazard and 办结, counted per manager; and each
// supervisor's work read from the records, with manual entries, active or not.
let t: TestCore;
let day = '2026-05-06';
let tick = 0;
const now = () => new Date(Date.parse(`${day}T02:00:00Z`) + tick++ * 1000);
afterEach(() => t?.cleanup());

const sqlite = () => t.core.ctx.database.sqlite;
async function refused(name: string, input: unknown) {
  const result = await t.core.call(name as never, input);
  if (result.ok) throw new Error(`${name} should have been refused`);
  return result;
}
const counts = () => sqlite().prepare('SELECT (SELECT count(*) FROM manager_feedback) AS f, (SELECT count(*) FROM hazards) AS h, (SELECT count(*) FROM audit_log) AS a').get();

async function setup() {
  day = '2026-05-06';
  t = await districtCore({ now });
  return routineBlock(t);
}

describe('问题反馈', () => {
  it('is registered as taken by an inspector or the lead unit, answered and closed, or turned into a hazard closed first', async () => {
    const { units, managers, inspectorId, blockId } = await setup();
    const loner = addUnit(sqlite(), { name: '张家港市塘桥散户机械有限公司', pieces: 3, managerName: '孙七' });
    const lonerManager = (sqlite().prepare('SELECT id FROM safety_managers WHERE unit_id = ?').get(loner) as { id: string }).id;
    const elsewhere = addUnit(sqlite(), { name: '张家港市锦丰机械有限公司', pieces: 3, managerName: '周八' });
    sqlite().prepare("UPDATE units SET district_id = 'seed-district-01' WHERE id = ?").run(elsewhere);
    const elsewhereManager = (sqlite().prepare('SELECT id FROM safety_managers WHERE unit_id = ?').get(elsewhere) as { id: string }).id;

    const before = counts();
    const base = { managerId: managers[2], reportedOn: '2026-05-05', takenBy: { kind: 'inspector', inspectorId }, content: '叉车作业区与人行通道未隔离' };
    expect((await refused('chain.saveFeedback', { ...base, managerId: elsewhereManager })).message).toBe('反馈人应是本辖区台账中的安全管理员，请重新选择。');
    expect((await refused('chain.saveFeedback', { ...base, managerId: lonerManager, takenBy: { kind: 'lead_unit' } })).message).toBe(
      '孙七所在单位未编入安全管理小组，没有牵头单位可以接收：请选择接收的监察人员。',
    );
    expect((await refused('chain.saveFeedback', { ...base, reportedOn: '2026-05-07' })).message).toBe('反馈日期不能晚于今天。');
    expect((await refused('chain.saveFeedback', { ...base, content: ' ' })).message).toBe('请填写反馈内容');
    expect(counts()).toEqual(before);

    // taken by the lead unit: named as the lead unit is now
    let byLead = await t.ok('chain.saveFeedback', { ...base, takenBy: { kind: 'lead_unit' } });
    expect(byLead).toMatchObject({ state: 'registered', takenByKind: 'lead_unit', takenByName: '张家港市塘桥01机械有限公司', blockId, blockName: '塘桥第一组', unitId: units[2], managerName: '王三', actions: ['edit', 'answer', 'hazard'] });
    byLead = await t.ok('chain.saveFeedback', { ...base, id: byLead.id, version: byLead.version, takenBy: { kind: 'lead_unit' }, content: '叉车作业区与人行通道未设隔离栏' });
    expect((await refused('chain.closeFeedback', { id: byLead.id, version: byLead.version })).message).toBe('该反馈尚未答复，也未转为隐患：请先答复或转为隐患，再办结。');
    byLead = await t.ok('chain.answerFeedback', { id: byLead.id, version: byLead.version, answer: '已请单位设置隔离栏，下次互查复核', answeredBy: '陈监察' });
    expect(byLead).toMatchObject({ state: 'answered', answeredOn: '2026-05-06', actions: ['hazard', 'close'] });
    expect((await refused('chain.saveFeedback', { ...base, id: byLead.id, version: byLead.version })).message).toBe('该反馈已答复或已转为隐患，登记内容不能再修改。');
    byLead = await t.ok('chain.closeFeedback', { id: byLead.id, version: byLead.version, note: '隔离栏已设置' });
    expect(byLead).toMatchObject({ state: 'closed', closedOn: '2026-05-06', actions: [] });

    // taken by the inspector, turned into a hazard of the unit reported by the manager: closed only once the hazard is
    let toHazard = await t.ok('chain.saveFeedback', { ...base, content: '储气罐压力表指针不归零', unitId: units[4] });
    expect((await refused('chain.feedbackToHazard', { id: toHazard.id, version: toHazard.version })).message).toBe('请描述隐患（可在反馈内容的基础上修改）。');
    toHazard = await t.ok('chain.feedbackToHazard', { id: toHazard.id, version: toHazard.version, description: '储气罐压力表失准', level: 'general', evidence: [await stagedPhoto(t)] });
    expect(toHazard).toMatchObject({ state: 'hazard', hazardState: 'found', hazardDescription: '储气罐压力表失准', takenByName: '陈监察', actions: [] });
    let hazard = await t.ok('hazards.get', { id: toHazard.hazardId! });
    expect(hazard).toMatchObject({ unitId: units[4], foundOn: '2026-05-05', foundBy: '王三（张家港市塘桥03机械有限公司安全管理员）', reporterManagerId: managers[2], reporterManagerName: '王三', sourceFeedbackId: toHazard.id, sourceCheckId: null });
    expect(hazard.events[0]!.comment).toBe('安全管理员问题反馈转入（陈监察接收）');
    expect((await refused('chain.closeFeedback', { id: toHazard.id, version: toHazard.version })).message).toBe('所转隐患尚未闭环销号（当前：发现），隐患闭环后才能办结此反馈。');
    const step = async (action: string, more: Record<string, unknown> = {}) => (hazard = await t.ok('hazards.transition', { id: hazard.id, version: hazard.version, action, ...more }));
    await step('order', { workingDays: 3 });
    await step('start');
    await step('submit', { evidence: [await stagedPhoto(t, '新压力表.png')] });
    await step('review');
    await step('pass');
    toHazard = await t.ok('chain.getFeedback', { id: toHazard.id });
    expect(toHazard).toMatchObject({ hazardState: 'closed', actions: ['close'] });
    toHazard = await t.ok('chain.closeFeedback', { id: toHazard.id, version: toHazard.version });
    expect(toHazard.state).toBe('closed');

    // linked with a hazard already registered; a hazard of nowhere is refused
    let linked = await t.ok('chain.saveFeedback', { ...base, managerId: managers[0], content: '同一压力表问题' });
    expect((await refused('chain.feedbackToHazard', { id: linked.id, version: linked.version, hazardId: 'no-such-hazard' })).details).toEqual({ field: 'hazardId' });
    linked = await t.ok('chain.feedbackToHazard', { id: linked.id, version: linked.version, hazardId: hazard.id });
    expect(linked).toMatchObject({ state: 'hazard', hazardId: hazard.id, actions: ['close'] });
    // each turn's entry names the report and the hazard it led to (new or linked); the new hazard has its own entry first
    const turned = sqlite().prepare("SELECT call, row_ids AS ids FROM audit_log WHERE call IN ('chain.feedbackToHazard', 'hazards.create') ORDER BY seq").all() as Array<{ call: string; ids: string }>;
    expect(turned.map((e) => [e.call, JSON.parse(e.ids)[0], JSON.parse(e.ids)[1]])).toEqual([
      ['hazards.create', hazard.id, expect.any(String)],
      ['chain.feedbackToHazard', toHazard.id, hazard.id],
      ['chain.feedbackToHazard', linked.id, hazard.id],
    ]);
    const open = await t.ok('chain.saveFeedback', { ...base, managerId: lonerManager, content: '起重机限位器失灵' });

    // per manager on the chain page
    const list = await t.ok('chain.feedback', {});
    expect(list.items.map((f) => f.state)).toEqual(['registered', 'hazard', 'closed', 'closed']);
    expect(list.byManager).toEqual([
      { managerId: lonerManager, managerName: '孙七', unitName: '张家港市塘桥散户机械有限公司', blockName: null, received: 1, open: 1, answered: 0, hazards: 0, closed: 0 },
      { managerId: managers[0], managerName: '张一', unitName: '张家港市塘桥01机械有限公司', blockName: '塘桥第一组', received: 1, open: 1, answered: 0, hazards: 1, closed: 0 },
      { managerId: managers[2], managerName: '王三', unitName: '张家港市塘桥03机械有限公司', blockName: '塘桥第一组', received: 2, open: 0, answered: 1, hazards: 1, closed: 2 },
    ]);
    expect((await t.ok('chain.feedback', { managerId: managers[2] })).items).toHaveLength(2);
    expect((await t.ok('chain.feedback', { open: true })).items.map((f) => f.id)).toEqual([open.id, linked.id]);
    expect((await t.ok('dashboard.get', {})).routine).toEqual({ activitiesOverdue: 0, feedbackOpen: 2 });
  });
});

describe('监督员工作记录', () => {
  it('reads what each supervisor did from the records, adds manual entries, and tells active from inactive', async () => {
    const { units, managers, blockId, inspectorId } = await setup();
    const block = await t.ok('blocks.get', { id: blockId });
    await t.ok('blocks.save', { id: blockId, version: block.version, name: block.name, memberUnitIds: units, leadUnitId: units[0], inspectorIds: [inspectorId], supervisorManagerIds: [managers[0], managers[3], managers[5]] });

    // 张一: a final 互查 (a draft does not count) and a 问题反馈
    const check = await t.ok('blocks.saveCheck', { blockId, kind: 'mutual', checkedUnitId: units[1], checkerManagerId: managers[0], checkedOn: '2026-04-20', items: commonItems({ C03: '作业人员证书过期' }), checkedSigner: '李二' });
    await t.ok('blocks.finalizeCheck', { id: check.id, version: check.version });
    await t.ok('blocks.saveCheck', { blockId, kind: 'mutual', checkedUnitId: units[2], checkerManagerId: managers[0], checkedOn: '2026-04-21', items: [] });
    await t.ok('chain.saveFeedback', { managerId: managers[0], reportedOn: '2026-04-22', takenBy: { kind: 'inspector', inspectorId }, content: '建议组织一次叉车司机培训' });
    // 赵四: a meeting, an inspection joined as supervisor, a manual entry — all long ago
    day = '2026-01-20';
    await t.ok('blocks.saveMeeting', { blockId, kind: 'meeting', heldOn: '2026-01-15', topic: '年度工作部署', participants: [{ kind: 'manager', id: managers[3] }, { kind: 'inspector', id: inspectorId }] });
    const li = await t.ok('inspectors.save', { name: '李监察', enforcementNo: 'JS3205820002' });
    const plan = await t.ok('inspections.createPlan', {
      title: '2026年春节前专项检查',
      type: 'special',
      periodStart: '2026-01-10',
      periodEnd: '2026-01-31',
      scope: { kind: 'units', unitIds: [units[4]] },
      checklistKey: 'common',
      checklistVersion: 1,
      team: [{ kind: 'inspector', id: inspectorId }, { kind: 'inspector', id: li.id }, { kind: 'supervisor', id: managers[3] }],
    });
    const active = await t.ok('inspections.setPlanState', { id: plan.id, version: plan.version, state: 'active' });
    await t.ok('inspections.saveRecord', { planId: active.id, unitId: units[4], inspectedOn: '2026-01-18' });
    day = '2026-05-06';
    const before = counts();
    expect((await refused('chain.addSupervisorWork', { managerId: managers[1], doneOn: '2026-01-10', kind: 'other', content: '走访' })).message).toBe(
      '李二不是安全监督员（未在小组中担任监督员，也没有监督员证），不能登记监督员工作。',
    );
    expect((await refused('chain.addSupervisorWork', { managerId: managers[3], doneOn: '2026-05-07', kind: 'other', content: '走访' })).message).toBe('工作日期不能晚于今天。');
    expect(counts()).toEqual(before);
    const manual = await t.ok('chain.addSupervisorWork', { managerId: managers[3], doneOn: '2026-01-25', kind: 'training', content: '在塘桥镇安全生产月活动中讲解叉车安全', blockId });
    expect(manual).toMatchObject({ source: 'manual', removable: true, text: '培训：在塘桥镇安全生产月活动中讲解叉车安全', blockName: '塘桥第一组' });

    let work = await t.ok('chain.supervisorWork', {});
    expect(work).toMatchObject({ asOf: '2026-05-06', activeDays: 90, activeSince: '2026-02-05' });
    expect(work.supervisors.map((s) => [s.name, s.active, s.lastActiveOn, s.counts])).toEqual([
      ['张一', true, '2026-04-22', { checks: 1, feedback: 1, meetings: 0, inspections: 0, manual: 0 }],
      ['赵四', false, '2026-01-25', { checks: 0, feedback: 0, meetings: 1, inspections: 1, manual: 1 }],
      ['陆六', false, null, { checks: 0, feedback: 0, meetings: 0, inspections: 0, manual: 0 }],
    ]);
    expect(work.supervisors[0]!.blockNames).toEqual(['塘桥第一组']);

    expect((await t.ok('chain.supervisorLog', { managerId: managers[3] })).map((e) => [e.on, e.source, e.text])).toEqual([
      ['2026-01-25', 'manual', '培训：在塘桥镇安全生产月活动中讲解叉车安全'],
      ['2026-01-18', 'inspection', '参加专项检查“2026年春节前专项检查”：张家港市塘桥05机械有限公司'],
      ['2026-01-15', 'meeting', '参加小组会议：年度工作部署'],
    ]);
    expect((await t.ok('chain.supervisorLog', { managerId: managers[0] })).map((e) => e.text)).toEqual(['问题反馈（已登记）：建议组织一次叉车司机培训', '互查“张家港市塘桥02机械有限公司”，发现问题 1 项']);

    // a longer window makes 赵四 active; removing the manual entry is a tombstone that travels
    await t.ok('chain.updateWorkSettings', { activeDays: 120 });
    expect((await t.ok('chain.supervisorWork', {})).supervisors.find((s) => s.name === '赵四')!.active).toBe(true);
    expect((await refused('chain.updateWorkSettings', { activeDays: 3 })).message).toContain('活跃天数应在 7 到 730 之间');
    await t.ok('chain.removeSupervisorWork', { id: manual.id, version: manual.version! });
    expect(sqlite().prepare('SELECT deleted_at IS NOT NULL AS gone FROM supervisor_work_entries WHERE id = ?').get(manual.id)).toEqual({ gone: 1 });
    expect(sqlite().prepare("SELECT count(*) AS n FROM sync_changes WHERE table_name = 'supervisor_work_entries'").get()).toEqual({ n: 1 });
    work = await t.ok('chain.supervisorWork', {});
    expect(work.supervisors.find((s) => s.name === '赵四')).toMatchObject({ lastActiveOn: '2026-01-18', counts: { manual: 0 } });
  });
});
