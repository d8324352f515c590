import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchangeNode, trustEachOther, type ExchangeNode } from '../../../tests/support/exchange.ts';
import type { Assessment, AssessmentRow } from '../../api/schemas/steering.ts';
import { insertRow } from '../summaries/testing/fixtures.ts';
import { certificate, city, clock, fileInCityReview, hazard, JINFENG, NANFENG, now, TANGQIAO, unitWithPieces, type City } from './testing/city.ts';

// 考核 at the bureau, from the two offices' real bundles: 塘桥 reports its November on
// time and has one piece overdue in twenty, one hazard of three due in November closed
// in time, its pilot unit's plaque and two supervisors; 锦丰 sends a bundle with nothing
// in it. Scored by the program's rules (version 1), then by a version the bureau saves.

let c: City;
let nanfeng: ExchangeNode;
let pilotFile: string;
let rolloutFile: string;

beforeAll(async () => {
  clock.day = '2026-10-15';
  c = await city();
  const { bureau, tangqiao, jinfeng } = c;
  // 塘桥: twenty pieces in use with dates, one overdue at the end of November; a stopped piece and one without a date do not count
  const pilotUnit = unitWithPieces(tangqiao, TANGQIAO, '塘桥示范电梯有限公司', [{ n: 10, next: '2027-06-01' }, { n: 1, next: '2026-01-01', status: 'stopped' }]);
  const rolloutUnit = unitWithPieces(tangqiao, TANGQIAO, '塘桥推广机械有限公司', [{ n: 9, next: '2027-01-15' }, { n: 1, next: '2026-11-10', equipmentCode: '31103205822026000001' }, { n: 1, next: null }]);
  hazard(tangqiao, TANGQIAO, pilotUnit, '曳引机漏油', '2026-11-10', '2026-11-08');
  hazard(tangqiao, TANGQIAO, pilotUnit, '轿厢应急照明失效', '2026-11-20', '2026-11-25');
  hazard(tangqiao, TANGQIAO, rolloutUnit, '叉车制动失灵', '2026-11-28', null);
  hazard(tangqiao, TANGQIAO, rolloutUnit, '安全阀未校验', '2026-12-05', null);
  certificate(tangqiao, TANGQIAO, '王建国', '2026-11-01');
  certificate(tangqiao, TANGQIAO, '李卫东', '2026-11-02');
  certificate(tangqiao, TANGQIAO, '赵调离', '2026-11-03', '2026-11-20T03:00:00.000Z');
  certificate(tangqiao, TANGQIAO, '孙新证', '2026-12-01');
  const pilot = await fileInCityReview(tangqiao, pilotUnit, 'pilot');
  const rollout = await fileInCityReview(tangqiao, rolloutUnit, 'rollout');
  pilotFile = pilot.id;
  rolloutFile = rollout.id;

  clock.day = '2026-11-20';
  const summary = await tangqiao.ok('summaries.save', { month: '2026-11', version: null, experience: '组织互查。', problems: '无。', proposals: '无。' });
  await tangqiao.ok('summaries.submit', { month: '2026-11', version: summary.version });
  clock.day = '2026-11-22';
  await c.send(tangqiao, bureau);
  await c.send(jinfeng, bureau);
  await bureau.ok('acceptance.decide', { fileId: pilot.id, outcome: 'pass', confirmContradictions: true, comments: '已逐项核实', decidedOn: '2026-11-15' });

  // 南丰 enrolled only in December: not assessed for November
  clock.day = '2026-12-03';
  nanfeng = await exchangeNode('district', '南丰分局', NANFENG, undefined, now);
  await trustEachOther(nanfeng, bureau);
  clock.day = '2026-12-05';
  await bureau.ok('acceptance.decide', { fileId: rollout.id, outcome: 'pass', confirmContradictions: true, comments: '已逐项核实', decidedOn: '2026-12-05' });
  clock.day = '2026-12-10';
  await bureau.ok('steering.saveTarget', { districtId: TANGQIAO, version: 0, pilotUnitId: pilotUnit, rolloutTarget: null, supervisorsTarget: 4, note: null });
}, 120_000);
afterAll(() => {
  c.cleanup();
  nanfeng.cleanup();
});

const rowOf = (a: Assessment, districtId: string) => a.rows.find((r) => r.districtId === districtId)!;
const cells = (r: AssessmentRow) => Object.fromEntries(r.cells.map((x) => [x.key, [x.score, x.value]]));

describe('the district assessment', () => {
  it('scores each enrolled district by the month’s indicators, ranks them, and lists the others as not assessed', async () => {
    const a = await c.bureau.ok('steering.assessment', { month: '2026-11' });
    expect(a).toMatchObject({ month: '2026-11', asOf: '2026-11-30', rulesVersion: 1 });
    expect(a.indicators.map((i) => [i.key, i.weight])).toEqual([
      ['summary_on_time', 20],
      ['inspection_overdue', 20],
      ['hazards_on_time', 20],
      ['demo_units', 15],
      ['supervisors', 15],
      ['mutual_checks', 10],
    ]);
    const tq = rowOf(a, TANGQIAO);
    expect(cells(tq)).toEqual({
      summary_on_time: [20, '按时报送，市局2026年11月22日收到'],
      inspection_overdue: [10, '超期 1 台，在用 20 台（5.0%）'],
      hazards_on_time: [6.7, '按期闭环 1 项，到期 3 项（33.3%）'],
      // pilot 1 + the default rollout count 5; the rollout unit passed only in December
      demo_units: [2.5, '持牌 1 家，目标 6 家（16.7%）'],
      // the revoked one and the one issued in December do not count for November
      supervisors: [7.5, '持证 2 人，目标 4 人（50.0%）'],
      mutual_checks: [null, '无安全管理小组'],
    });
    expect(tq).toMatchObject({ status: 'assessed', offices: ['塘桥分局'], total: 46.7, maxScore: 90, normalized: 51.9, rank: 1 });
    expect(tq.cells.find((x) => x.key === 'mutual_checks')).toMatchObject({ noData: false, applicable: false });

    const jf = rowOf(a, JINFENG);
    expect(cells(jf)).toMatchObject({
      summary_on_time: [0, '未报（截止2026年11月25日）'],
      inspection_overdue: [null, '无在用设备（有检验日期的）'],
      hazards_on_time: [null, '本月无到期隐患'],
      demo_units: [0, '持牌 0 家，目标 6 家（0.0%）'],
      supervisors: [0, '持证 0 人，目标 10 人（0.0%）'],
    });
    expect(jf).toMatchObject({ total: 0, maxScore: 50, normalized: 0, rank: 2 });
    expect(rowOf(a, NANFENG)).toMatchObject({ status: 'not_assessed', cells: [], total: null, rank: null });
    expect(rowOf(a, 'seed-district-02')).toMatchObject({ districtName: '东城', status: 'not_assessed' });
    expect(a.rows).toHaveLength(16);

    // December, while it runs: the summary is not yet due, the December plaque and certificate count
    const dec = await c.bureau.ok('steering.assessment', { month: '2026-12' });
    expect(dec.asOf).toBe('2026-12-10');
    expect(cells(rowOf(dec, TANGQIAO))).toMatchObject({
      summary_on_time: [null, '截止日（2026年12月25日）未到'],
      hazards_on_time: [0, '按期闭环 0 项，到期 1 项（0.0%）'],
      demo_units: [5, '持牌 2 家，目标 6 家（33.3%）'],
      supervisors: [11.3, '持证 3 人，目标 4 人（75.0%）'],
    });
    expect(rowOf(dec, NANFENG).status).toBe('assessed');
    expect((await c.bureau.refused('steering.assessment', { month: '2027-01' })).message).toContain('尚未开始');
    expect((await c.tangqiao.refused('steering.assessment', { month: '2026-11' })).code).toBe('FORBIDDEN');
  });

  it('opens each score’s evidence: the summary, the overdue piece, the hazards, the files and the certificates', async () => {
    const hazards = await c.bureau.ok('steering.evidence', { month: '2026-11', districtId: TANGQIAO, indicator: 'hazards_on_time' });
    expect(hazards.columns).toEqual(['隐患', '使用单位', '等级', '整改期限', '闭环日期', '结果']);
    expect(hazards.rows.map((r) => [r.cells[0], r.cells[5], r.tone, r.ref?.kind])).toEqual([
      ['曳引机漏油', '按期闭环', 'ok', 'hazard'],
      ['轿厢应急照明失效', '逾期闭环', 'bad', 'hazard'],
      ['叉车制动失灵', '逾期未闭环', 'bad', 'hazard'],
    ]);
    expect(hazards).toMatchObject({ districtName: '塘桥', total: 3, cell: { score: 6.7 }, indicator: { label: '隐患按期整改率' } });

    const pieces = await c.bureau.ok('steering.evidence', { month: '2026-11', districtId: TANGQIAO, indicator: 'inspection_overdue' });
    expect(pieces.rows.map((r) => r.cells)).toEqual([['31103205822026000001', '', '电梯', '塘桥推广机械有限公司', '2026-11-10', '20']]);

    const summary = await c.bureau.ok('steering.evidence', { month: '2026-11', districtId: TANGQIAO, indicator: 'summary_on_time' });
    expect(summary.rows).toHaveLength(1);
    expect(summary.rows[0]).toMatchObject({ tone: 'ok', ref: { kind: 'summary', month: '2026-11' } });
    expect(summary.rows[0]!.cells.slice(0, 2)).toEqual(['2026年11月', '2026年11月25日']);
    expect(summary.rows[0]!.cells[3]).toMatch(/^2026-11-22 /);

    const demo = await c.bureau.ok('steering.evidence', { month: '2026-11', districtId: TANGQIAO, indicator: 'demo_units' });
    expect(demo.rows.map((r) => [r.cells[0], r.cells[1], r.cells[3], r.cells[5], r.ref])).toEqual([
      ['塘桥示范电梯有限公司', '试点', '张特示〔2026〕第001号', '是', { kind: 'acceptance', id: pilotFile }],
      ['塘桥推广机械有限公司', '推广', '张特示〔2026〕第002号', '否', { kind: 'acceptance', id: rolloutFile }],
    ]);

    const people = await c.bureau.ok('steering.evidence', { month: '2026-11', districtId: TANGQIAO, indicator: 'supervisors' });
    expect(people.rows.map((r) => r.cells[1])).toEqual(['王建国', '李卫东']);
    // no ID number in the evidence
    expect(JSON.stringify(people)).not.toMatch(/32058219800101/);

    expect((await c.bureau.refused('steering.evidence', { month: '2026-11', districtId: NANFENG, indicator: 'summary_on_time' })).message).toContain('尚未启用');
  });

  it('keeps a month scored by the rules in effect for it when the bureau saves new ones', async () => {
    const refuse = async (input: unknown, text: string) => expect((await c.bureau.refused('steering.saveRules', input)).message).toContain(text);
    const weights = (w: number[]) =>
      (['summary_on_time', 'inspection_overdue', 'hazards_on_time', 'demo_units', 'supervisors', 'mutual_checks'] as const).map((key, i) => ({ key, enabled: w[i]! > 0, weight: w[i]!, param: key === 'inspection_overdue' ? 5 : key === 'summary_on_time' ? 0 : null }));
    await refuse({ effectiveFrom: '2026-11', indicators: weights([40, 20, 20, 10, 10, 0]) }, '只能从本月');
    await refuse({ effectiveFrom: '2026-12', indicators: weights([40, 20, 20, 10, 5, 0]) }, '合计应为 100，现为 95');
    await refuse({ effectiveFrom: '2026-12', indicators: [...weights([40, 20, 20, 10, 10, 0]).slice(0, 5), { key: 'supervisors', enabled: true, weight: 10, param: null }] }, '出现了两次');
    const saved = await c.bureau.ok('steering.saveRules', { effectiveFrom: '2026-12', indicators: weights([40, 20, 20, 10, 10, 0]), note: '加大小结权重' });
    expect(saved).toMatchObject({ version: 2, effectiveFrom: '2026-12', builtIn: false });
    expect((await c.bureau.ok('steering.rules', {})).versions.map((v) => v.version)).toEqual([1, 2]);

    const nov = await c.bureau.ok('steering.assessment', { month: '2026-11' });
    expect(nov.rulesVersion).toBe(1);
    expect(rowOf(nov, TANGQIAO).total).toBe(46.7);
    const dec = await c.bureau.ok('steering.assessment', { month: '2026-12' });
    expect(dec.rulesVersion).toBe(2);
    expect(dec.indicators.map((i) => i.key)).not.toContain('mutual_checks');
    // 1 overdue piece in 20 is 5%: the new limit, so no points
    expect(cells(rowOf(dec, TANGQIAO)).inspection_overdue).toEqual([0, '超期 1 台，在用 20 台（5.0%）']);
    const audit = c.bureau.core.ctx.database.sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE call = 'steering.saveRules'").get() as { n: number };
    expect(audit.n).toBe(1);
  });

  it('exports the month in the official layout: title, 考核单位 and month, a column per indicator, totals, rules and signature lines', async () => {
    const file = await c.bureau.ok('steering.exportAssessment', { month: '2026-11' });
    expect(file.fileName).toBe('考核表-2026-11.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('考核表')!;
    const text = (r: number, col: number) => String(sheet.getRow(r).getCell(col).value ?? '');
    expect(text(1, 1)).toBe('张家港市市场监督管理局特种设备“区、块、链”监管工作考核表');
    expect(text(2, 1)).toMatch(/^考核单位：张家港市市场监督管理局\u3000+考核月份：2026年11月\u3000+数据截至：2026-11-30\u3000+考核规则：第 1 版$/);
    const header = sheet.getRow(3).values as unknown[];
    expect(header.slice(1)).toEqual(['序号', '分局', '月度工作小结按时报送（20分）', '设备检验超期率（20分）', '隐患按期整改率（20分）', '示范单位验收（15分）', '安全监督员培训（15分）', '块内互查开展（10分）', '合计', '满分', '折算得分', '排名', '备注']);
    const tq = sheet.getRow(6).values as unknown[];
    expect(tq.slice(1, 13)).toEqual([3, '塘桥', 20, 10, 6.7, 2.5, 7.5, '不计', 46.7, 90, 51.9, 1]);
    expect(sheet.getRow(6).getCell(5).note).toBe('按期闭环 1 项，到期 3 项（33.3%）');
    expect((sheet.getRow(4).values as unknown[]).slice(1, 4)).toEqual([1, '开发区', '—']);
    expect(text(4, 13)).toContain('未启用');
    const last = sheet.rowCount;
    expect(text(last, 1)).toMatch(/^考核人：＿+\u3000+审核人：＿+.*（盖章）.*日期：/);
    const all = Array.from({ length: last }, (_, i) => text(i + 1, 1));
    expect(all).toContain('计分说明：');
    expect(all.some((t) => t.startsWith('3. 隐患按期整改率（20分）：整改期限在本月'))).toBe(true);
    expect(workbook.getWorksheet('得分明细')!.getRow(2).values).toEqual([undefined, '塘桥', '月度工作小结按时报送', 20, 20, '按时报送，市局2026年11月22日收到']);
  });

  it('scores 块内互查 from the block routine’s finished mutual checks, once that table exists', async () => {
    const sqlite = c.bureau.core.ctx.database.sqlite;
    // the block routine's table (issue 19, 块的日常) as its migration makes it; on a database that has it, this changes nothing
    sqlite.exec(`CREATE TABLE IF NOT EXISTS block_checks (id text PRIMARY KEY NOT NULL, origin_node text NOT NULL, created_at text NOT NULL, updated_at text NOT NULL,
      version integer DEFAULT 1 NOT NULL, deleted_at text, district_id text NOT NULL, block_id text NOT NULL, kind text NOT NULL, checked_unit_id text NOT NULL,
      checker_unit_id text NOT NULL, checker_manager_id text NOT NULL, checked_on text NOT NULL, checklist_key text NOT NULL, checklist_version integer NOT NULL,
      items text DEFAULT '[]' NOT NULL, findings text, checked_signer text, attachments text DEFAULT '[]' NOT NULL, state text NOT NULL)`);
    const [unitA, unitB] = (sqlite.prepare('SELECT id FROM units WHERE district_id = ? ORDER BY name').all(TANGQIAO) as Array<{ id: string }>).map((u) => u.id);
    const managerId = 'm-' + Math.random().toString(36).slice(2);
    insertRow(sqlite, 'safety_managers', { id: managerId, origin_node: c.tangqiao.id, unit_id: unitA, name: '王建国' });
    const block = (name: string) => insertRow(sqlite, 'blocks', { origin_node: c.tangqiao.id, district_id: TANGQIAO, name });
    const first = block('塘桥第一组');
    const second = block('塘桥第二组');
    const check = (blockId: string, checkedOn: string, state: string, kind = 'mutual') =>
      insertRow(sqlite, 'block_checks', {
        origin_node: c.tangqiao.id, district_id: TANGQIAO, block_id: blockId, kind, checked_unit_id: unitB, checker_unit_id: unitA, checker_manager_id: managerId,
        checked_on: checkedOn, checklist_key: 'common', checklist_version: 1, state,
      });
    check(first, '2026-11-12', 'final');
    check(second, '2026-11-13', 'draft');
    check(second, '2026-11-14', 'final', 'self');
    check(second, '2026-10-30', 'final');
    const nov = await c.bureau.ok('steering.assessment', { month: '2026-11' });
    expect(cells(rowOf(nov, TANGQIAO)).mutual_checks).toEqual([5, '开展互查 1 个，在册小组 2 个（50.0%）']);
    expect(rowOf(nov, TANGQIAO)).toMatchObject({ total: 51.7, maxScore: 100, normalized: 51.7 });
    const evidence = await c.bureau.ok('steering.evidence', { month: '2026-11', districtId: TANGQIAO, indicator: 'mutual_checks' });
    expect(evidence.rows.map((r) => [...r.cells, r.tone])).toEqual([
      ['塘桥第一组', '1', '2026-11-12', 'ok'],
      ['塘桥第二组', '0', '2026-10-30', 'bad'],
    ]);
  });
});
