import { afterEach, describe, expect, it } from 'vitest';
import { districtCore, type TestCore } from '../../../tests/support/core.ts';
import { SummaryFigures } from '../../api/schemas/summaries.ts';
import { commonItems, routineBlock } from '../routine/testing/fixtures.ts';
import { figureRows } from './figure-rows.ts';
import { computeFigures } from './figures.ts';

// The month's figures of 块的日常 and 链's 问题反馈 at the 塘桥 office, on a real SQLite
// file: checks and meetings by their date in the month, overdue activities as a snapshot,
// reports by the day they were received, answered, turned into hazards and closed.

let t: TestCore;
let day = '2026-11-02';
let tick = 0;
const now = () => new Date(Date.parse(`${day}T02:00:00Z`) + tick++ * 1000);
afterEach(() => t?.cleanup());
const figures = (month: string) => computeFigures(t.core.ctx, 'seed-district-03', month);

describe('monthly summary: the block routine and the chain’s reports', () => {
  it('counts final checks, meetings and reports of the month, and the overdue activities on its last day', async () => {
    day = '2026-11-02';
    t = await districtCore({ now });
    const { blockId, units, managers, inspectorId } = await routineBlock(t);
    await t.ok('blocks.saveScheduleRule', { blockId, kind: 'mutual_check', frequency: 'monthly', dueDay: 25, startsOn: '2026-11-01' });
    await t.ok('blocks.saveScheduleRule', { blockId, kind: 'meeting', frequency: 'monthly', startsOn: '2026-11-01' });
    const final = async (kind: 'self' | 'mutual', unit: number, checker: number, on: string) => {
      const c = await t.ok('blocks.saveCheck', { blockId, kind, checkedUnitId: units[unit], checkerManagerId: managers[checker], checkedOn: on, items: commonItems(), checkedSigner: '负责人' });
      return t.ok('blocks.finalizeCheck', { id: c.id, version: c.version });
    };
    const report = (content: string, on: string) => t.ok('chain.saveFeedback', { managerId: managers[1], reportedOn: on, takenBy: { kind: 'inspector', inspectorId }, content });

    // November: a 互查 on the 10th, a report received; no meeting
    day = '2026-11-20';
    await final('mutual', 1, 0, '2026-11-10');
    const november = await report('安全阀铅封缺失', '2026-11-18');
    // December: a 互查, a 自查, a draft; a meeting; November's report answered and closed, a new one made a hazard
    day = '2026-12-20';
    await final('mutual', 2, 1, '2026-12-03');
    await final('self', 3, 3, '2026-12-04');
    await t.ok('blocks.saveCheck', { blockId, kind: 'self', checkedUnitId: units[4], checkerManagerId: managers[4], checkedOn: '2026-12-05', items: [] });
    await t.ok('blocks.saveMeeting', { blockId, kind: 'meeting', heldOn: '2026-12-08', topic: '冬季防冻', participants: [{ kind: 'manager', id: managers[0] }] });
    const answered = await t.ok('chain.answerFeedback', { id: november.id, version: november.version, answer: '已督促整改', answeredBy: '陈监察', answeredOn: '2026-12-01' });
    await t.ok('chain.closeFeedback', { id: answered.id, version: answered.version, closedOn: '2026-12-02' });
    const december = await report('起重机吊钩防脱装置损坏', '2026-12-10');
    const hazard = await t.ok('chain.feedbackToHazard', { id: december.id, version: december.version, description: '吊钩防脱装置损坏', level: 'general' });
    expect(hazard).toMatchObject({ state: 'hazard' });

    // November's meeting is due on its last day: not yet overdue on the snapshot's day
    expect(figures('2026-11')).toMatchObject({
      asOf: '2026-11-30',
      routine: { selfChecks: 0, mutualChecks: 1, meetings: 0, activitiesOverdue: 0 },
      feedback: { received: 1, answered: 0, toHazard: 0, closed: 0 },
    });
    const dec = figures('2026-12');
    // on 20 December nothing of December is past due yet; November's meeting still is
    expect(dec).toMatchObject({ asOf: '2026-12-20', routine: { selfChecks: 1, mutualChecks: 1, meetings: 1, activitiesOverdue: 1 }, feedback: { received: 1, answered: 1, toHazard: 1, closed: 1 } });
    const rows = figureRows(dec).filter((r) => r.key.startsWith('block') || r.key.startsWith('feedback'));
    expect(rows.map((r) => [r.label, r.value, r.note])).toEqual([
      ['已组建安全管理小组', '1 个', '本月新组建 0 个'],
      ['存在问题的小组', '1 个', expect.stringContaining('活动逾期未开展 1 个')],
      ['成员单位自查', '1 家次', '自查记录已定稿'],
      ['成员单位互查', '1 家次', '互查记录已定稿'],
      ['小组会议、交流学习', '1 次', null],
      ['逾期未开展的小组活动', '1 项', '截至2026年12月20日'],
      ['受理安全管理员问题反馈', '1 件', '答复 1 件，转为隐患 1 件'],
      ['办结安全管理员问题反馈', '1 件', null],
    ]);
  });

  it('reads figures frozen before these were counted, without their rows', () => {
    const old = {
      version: 1,
      computedAt: '2026-06-25T02:00:00Z',
      from: '2026-06-01',
      to: '2026-06-30',
      asOf: '2026-06-25',
      registry: { units: 1, list1Units: 1, list2Managers: 1 },
      blocks: { active: 0, formed: 0, withProblems: 0, problems: [] },
      demo: { passed: 0, inProgress: 0, returned: 0, revoked: 0, passedInMonth: 0 },
      training: { sessions: null, candidates: null, passed: null, passRate: null, supervisorsCertified: null },
      inspections: { done: 0, ordersIssued: 0 },
      hazards: { found: 0, closed: 0, overdue: 0 },
      complaints: { received: 0, handled: 0, rewardsApproved: 0, rewardsApprovedFen: 0 },
    };
    const parsed = SummaryFigures.safeParse(old);
    expect(parsed.success).toBe(true);
    const keys = figureRows(parsed.data!).map((r) => r.key);
    expect(keys).toContain('blocksActive');
    expect(keys.filter((k) => k.startsWith('feedback') || k === 'blockMutualChecks')).toEqual([]);
  });
});
