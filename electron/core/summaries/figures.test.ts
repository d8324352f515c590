import { afterEach, describe, expect, it } from 'vitest';
import { districtCore, type TestCore } from '../../../tests/support/core.ts';
import { addAcceptanceFile, addUnit, addUnits } from '../blocks/testing/fixtures.ts';
import { computeFigures } from './figures.ts';
import { complaint, hazard, insertRow, inspectionPlan, inspectionRecord, reward, supervisionOrder } from './testing/fixtures.ts';

// The month's figures of the 塘桥 office from rows in a real SQLite file. The clock
// is set per step (UTC instants), so the China-time month boundaries are exercised:
// 2026-11-30T16:30Z is already 1 December in Zhangjiagang.

let t: TestCore;
let clock = '2026-12-20T02:00:00Z';
afterEach(() => t?.cleanup());

const sqlite = () => t.core.ctx.database.sqlite;
const figures = (month: string) => computeFigures(t.core.ctx, 'seed-district-03', month);

async function setup() {
  clock = '2026-12-20T02:00:00Z';
  t = await districtCore({ now: () => new Date(clock) });
  // 8 list-1 units with a certified manager each, one small unit without, one unit of 锦丰
  const units = addUnits(sqlite(), 8, { prefix: '塘桥' });
  const small = addUnit(sqlite(), { name: '张家港市塘桥小店', pieces: 3, managerExpiry: null });
  addUnit(sqlite(), { name: '锦丰某公司', pieces: 30 });
  sqlite().prepare("UPDATE units SET district_id = 'seed-district-04' WHERE name = '锦丰某公司'").run();
  return { units, small };
}

describe('monthly summary figures', () => {
  it('counts the ledger, the two lists, blocks and their problems, with China-time month bounds', async () => {
    const { units } = await setup();
    addAcceptanceFile(sqlite(), units[0]!, 'passed');
    const chen = await t.ok('inspectors.save', { name: '陈监察', enforcementNo: 'JS3205820001', phone: '0512-58123456' });
    clock = '2026-11-30T15:30:00Z'; // 23:30 on 30 November in China
    await t.ok('blocks.save', { name: '塘桥第二组', memberUnitIds: units.slice(5, 7), leadUnitId: null, inspectorIds: [] });
    clock = '2026-11-30T16:30:00Z'; // 00:30 on 1 December in China
    await t.ok('blocks.save', { name: '塘桥第一组', memberUnitIds: units.slice(0, 5), leadUnitId: units[0], inspectorIds: [chen.id] });
    clock = '2026-12-20T02:00:00Z';

    const december = figures('2026-12');
    expect(december).toMatchObject({ from: '2026-12-01', to: '2026-12-31', asOf: '2026-12-20', registry: { units: 9, list1Units: 8, list2Managers: 8 } });
    expect(december.blocks).toEqual({
      active: 2,
      formed: 1,
      withProblems: 1,
      problems: [
        { code: 'no-inspector', count: 1 },
        { code: 'no-lead', count: 1 },
        { code: 'too-small', count: 1 },
      ],
    });
    const november = figures('2026-11');
    expect(november).toMatchObject({ asOf: '2026-11-30', blocks: { active: 1, formed: 1, withProblems: 1 } });
    // a month in the future of the data: nothing existed yet, snapshots on its first day
    expect(figures('2026-10').blocks).toMatchObject({ active: 0, formed: 0 });
  });

  it('counts demonstration units by state, inspections, orders, hazards, complaints and rewards of the month only', async () => {
    const { units, small } = await setup();
    addAcceptanceFile(sqlite(), units[0]!, 'passed'); // passed in June
    addAcceptanceFile(sqlite(), units[2]!, 'self_check');
    const file = insertRow(sqlite(), 'acceptance_files', { district_id: 'seed-district-03', unit_id: units[1], phase: 'pilot', checklist_version: '1', state: 'city_review', round: 1 });
    insertRow(sqlite(), 'acceptance_decisions', { origin_node: 'bureau', file_id: file, office_node: 'test', round: 1, outcome: 'pass', decided_on: '2026-12-05', decided_by: '市局特设科' });

    const plan = inspectionPlan(sqlite());
    inspectionRecord(sqlite(), plan, units[0]!, '2026-12-01', 'final');
    inspectionRecord(sqlite(), plan, units[1]!, '2026-12-31', 'final');
    inspectionRecord(sqlite(), plan, units[2]!, '2026-12-10', 'draft');
    inspectionRecord(sqlite(), plan, units[3]!, '2026-11-30', 'final');
    inspectionRecord(sqlite(), plan, units[4]!, '2027-01-01', 'final');
    supervisionOrder(sqlite(), units[0]!, '2026-12-03');
    supervisionOrder(sqlite(), units[1]!, '2026-12-04', 'cancelled');
    supervisionOrder(sqlite(), units[2]!, '2026-11-28');

    hazard(sqlite(), units[0]!, { foundOn: '2026-12-01' });
    hazard(sqlite(), units[1]!, { foundOn: '2026-12-15', state: 'rectifying', deadline: '2026-12-18' }); // overdue on the 20th
    hazard(sqlite(), units[2]!, { foundOn: '2026-12-16', state: 'rectifying', deadline: '2026-12-25' });
    hazard(sqlite(), small, { foundOn: '2026-11-30', state: 'closed', deadline: '2026-12-09', closedOn: '2026-12-10' });

    const handled = complaint(sqlite(), { receivedOn: '2026-12-01', handledOn: '2026-12-08' });
    complaint(sqlite(), { receivedOn: '2026-12-19' });
    const old = complaint(sqlite(), { receivedOn: '2026-11-30', handledOn: '2026-12-02' });
    complaint(sqlite(), { receivedOn: '2026-12-05', districtId: 'seed-district-04' });
    reward(sqlite(), handled, { state: 'approved', approvedOn: '2026-12-09', approvedFen: 50_000 });
    reward(sqlite(), old, { state: 'paid', approvedOn: '2026-12-10', approvedFen: 30_050 });
    reward(sqlite(), old, { state: 'proposed' });
    reward(sqlite(), handled, { state: 'approved', approvedOn: '2026-11-29', approvedFen: 10_000 });

    const f = figures('2026-12');
    expect(f.demo).toEqual({ passed: 2, inProgress: 1, returned: 0, revoked: 0, passedInMonth: 1 });
    expect(f.inspections).toEqual({ done: 2, ordersIssued: 1 });
    expect(f.hazards).toEqual({ found: 3, closed: 1, overdue: 1 });
    expect(f.complaints).toEqual({ received: 2, handled: 2, rewardsApproved: 2, rewardsApprovedFen: 80_050 });
    // November: its own events; the overdue count is taken on its last day
    expect(figures('2026-11')).toMatchObject({ inspections: { done: 1, ordersIssued: 1 }, hazards: { found: 1, closed: 0 }, complaints: { received: 1, handled: 0, rewardsApproved: 1 } });

    const detail = await t.ok('summaries.get', { month: '2026-12' });
    const row = (key: string) => detail.rows.find((r) => r.key === key)!;
    expect(row('hazardsOverdue')).toMatchObject({ label: '逾期未整改', value: '1 处', note: '截至2026年12月20日' });
    expect(row('rewardsApproved')).toMatchObject({ value: '2 笔', note: '合计 800.50 元' });
    expect(row('demoPassed')).toMatchObject({ value: '2 家', note: '本月通过 1 家' });
  });

  it('says 无数据 for training this office does not hold, and counts it once it does', async () => {
    const { units } = await setup();
    let f = figures('2026-12');
    expect(f.training).toEqual({ sessions: null, candidates: null, passed: null, passRate: null, supervisorsCertified: null });
    let detail = await t.ok('summaries.get', { month: '2026-12' });
    expect(detail.rows.filter((r) => r.section === '培训考核').map((r) => r.value)).toEqual(['无数据', '无数据', '无数据']);

    insertRow(sqlite(), 'training_sessions', { title: '安全管理员集中培训', district_ids: '["seed-district-03"]', start_date: '2026-12-03' });
    insertRow(sqlite(), 'training_sessions', { title: '锦丰培训', district_ids: '["seed-district-04"]', start_date: '2026-12-04' });
    insertRow(sqlite(), 'training_sessions', { title: '上月培训', district_ids: '["seed-district-03"]', start_date: '2026-11-20' });
    const bank = insertRow(sqlite(), 'question_banks', { title: '题库', imported_at: '2026-11-01T00:00:00Z' });
    const exam = insertRow(sqlite(), 'exams', { title: '监督员考核', bank_id: bank, paper: '{}', pass_mark: 70, full_marks: 100, multi_rule: 'all', exam_date: '2026-12-10' });
    const sit = (n: number, total: number, state: string, districtId = 'seed-district-03') => {
      const candidate = insertRow(sqlite(), 'exam_candidates', { exam_id: exam, candidate_no: `2026${n}`, name: `考生${n}`, district_id: districtId });
      insertRow(sqlite(), 'exam_results', { exam_id: exam, candidate_id: candidate, objective_score: total, total, passed: total >= 70 ? 1 : 0, marks: '{}', graded_at: '2026-12-11T00:00:00Z', state });
    };
    sit(1, 90, 'published');
    sit(2, 75, 'published');
    sit(3, 40, 'published');
    sit(4, 95, 'draft');
    sit(5, 80, 'published', 'seed-district-04');
    const certificate = (no: string, issueDate: string, revokedAt: string | null = null) =>
      insertRow(sqlite(), 'supervisor_certificates', {
        origin_node: 'centre',
        certificate_no: no,
        year: 2026,
        seq: Number(no),
        holder_name: '王建国',
        district_id: 'seed-district-03',
        issue_date: issueDate,
        valid_until: '2030-12-11',
        issuing_node: 'centre',
        revoked_at: revokedAt,
        payload: 'QKL1.test',
      });
    certificate('1', '2026-12-12');
    certificate('2', '2026-12-12', '2026-12-15T00:00:00Z');
    certificate('3', '2026-11-30');

    f = figures('2026-12');
    expect(f.training).toEqual({ sessions: 1, candidates: 3, passed: 2, passRate: 0.667, supervisorsCertified: 1 });
    expect(figures('2026-10').training).toEqual({ sessions: 0, candidates: 0, passed: 0, passRate: null, supervisorsCertified: 0 });
    detail = await t.ok('summaries.get', { month: '2026-12' });
    expect(detail.rows.find((r) => r.key === 'trainingPassRate')).toMatchObject({ value: '66.7%', note: '参考 3 人，合格 2 人' });
    expect(units).toHaveLength(8);
  });
});
