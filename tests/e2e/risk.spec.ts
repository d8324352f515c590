import { cli, expect, test } from './fixtures.ts';
import { Grid } from './pages/grid.ts';
import { gotoArea } from './pages/shell.ts';
import { tinyPng as png } from './sample-files.ts';

// 风险分级管控 on a generated 塘桥 district: the page's distribution, the grid filtered and
// sorted by risk, one unit's score explained line by line, the 高 band lowered in the rule
// settings (a new version, every unit rescored), and an inspection plan aimed at the
// district's 高 units. Then the 宣传与进企业培训 log: an activity with a photo, edited,
// deleted after confirmation. The `qkl` CLI (the same core) is the witness of what was stored.

test.use({ sample: { units: 12, seed: 7 } });
test.describe.configure({ timeout: 180_000 });

interface Counts {
  high: number;
  elevated: number;
  general: number;
  low: number;
}
interface UnitRow {
  id: string;
  name: string;
  riskLevel: string;
  riskScore: number;
}

async function call<T>(db: string, name: string, input: unknown): Promise<T> {
  return JSON.parse(await cli(['call', name, '--db', db, '--input', JSON.stringify(input)])) as T;
}

test('a district ranked by risk, one score explained, the rule changed, a plan aimed at its 高 units', async ({ app, workspace }, testInfo) => {
  const db = workspace.databaseFile;
  const before = await call<{ counts: Counts }>(db, 'risk.distribution', {});
  const ranked = (await call<{ rows: UnitRow[] }>(db, 'units.query', { startRow: 0, endRow: 50, sort: [{ colId: 'riskScore', sort: 'desc' }] })).rows;
  // the generated district has units in more than one band, so the filter and the sort mean something
  expect(before.counts.high).toBeGreaterThan(0);
  expect(before.counts.low).toBeGreaterThan(0);
  const top = ranked[0]!;

  // ---- the page: four cards, each a link to the grid at that level
  await gotoArea(app, '风险分级管控');
  for (const level of ['high', 'elevated', 'general', 'low'] as const) {
    await expect(app.getByTestId(`risk-card-${level}`).locator('strong')).toHaveText(String(before.counts[level]));
  }
  await expect(app.getByTestId('risk-months').locator('tbody tr')).toHaveCount(1);
  await app.screenshot({ path: testInfo.outputPath('risk-page.png'), fullPage: true });

  // ---- 高 opens the units grid filtered to 高; sorting by the risk column puts the highest score first
  await app.getByTestId('risk-card-high').click();
  await expect(app.getByTestId('units-risk-filter')).toHaveValue('high');
  await expect(app.getByTestId('units-total')).toHaveText(`共 ${before.counts.high} 家`);
  const grid = new Grid(app, app.locator('.grid-host'));
  await expect(grid.rows).toHaveCount(before.counts.high);
  for (const text of await grid.texts('riskLevel')) expect(text).toMatch(/^高 · \d+ 分$/);
  await app.getByTestId('units-risk-filter').selectOption({ label: '全部' });
  await expect(app.getByTestId('units-total')).toHaveText(`共 ${ranked.length} 家`);
  await grid.header('riskLevel').click();
  await grid.header('riskLevel').click();
  await expect(grid.header('riskLevel')).toHaveAttribute('aria-sort', 'descending');
  await expect(grid.row(0).locator('[col-id="name"]')).toHaveText(top.name);
  const scores = (await grid.texts('riskLevel')).map((s) => Number(/(\d+) 分/.exec(s)?.[1]));
  expect(scores).toEqual([...scores].sort((a, b) => b - a));
  expect(scores[0]).toBe(top.riskScore);

  // ---- the top unit's score, factor by factor: the points add up to the score, with the rule version
  await grid.row(0).locator('[col-id="riskLevel"] button').click();
  const detail = app.getByRole('dialog', { name: `风险分级：${top.name}` });
  await expect(detail.getByTestId('risk-detail-score')).toHaveText(String(top.riskScore));
  await expect(detail.getByTestId('risk-detail-version')).toHaveText('第 1 版');
  const points = (await detail.getByTestId('risk-breakdown').locator('tbody td.num').allInnerTexts()).map(Number);
  expect(points.length).toBeGreaterThan(3);
  expect(points.reduce((a, b) => a + b, 0)).toBe(top.riskScore);
  await expect(detail.getByTestId('risk-breakdown').locator('tbody')).toContainText('超期未检');
  await expect(detail).toContainText('分数线：高 ≥ 60 分，较高 ≥ 35 分，一般 ≥ 15 分');
  await app.screenshot({ path: testInfo.outputPath('risk-breakdown.png') });

  // ---- the rule settings: 高 from 60 down to the third unit's score saves version 2 and rescoring moves that unit up
  await detail.getByRole('link', { name: '查看评分规则' }).click();
  await expect(app.getByTestId('risk-rule-title')).toHaveText('当前规则：第 1 版');
  const third = ranked.find((u) => u.riskLevel !== 'high')!;
  const newHigh = third.riskScore;
  expect(newHigh).toBeGreaterThan(35);
  await app.getByTestId('rule-high').fill(String(newHigh));
  await app.getByTestId('rule-note').fill('高风险分数线下调');
  await app.getByRole('button', { name: '保存为新版本' }).click();
  await expect(app.getByRole('status')).toContainText('已保存为第 2 版');
  await expect(app.getByTestId('risk-rule-title')).toHaveText('当前规则：第 2 版');
  await expect(app.getByTestId('risk-rule-versions').locator('tbody tr')).toHaveCount(2);
  await expect(app.getByTestId('risk-rule-versions')).toContainText('高风险分数线下调');
  const rule = await call<{ version: number; rule: { thresholds: { high: number } } }>(db, 'risk.rule', {});
  expect(rule).toMatchObject({ version: 2, rule: { thresholds: { high: newHigh } } });
  const after = await call<{ counts: Counts; ruleVersion: number }>(db, 'risk.distribution', {});
  const highNow = ranked.filter((u) => u.riskScore >= newHigh);
  expect(after.ruleVersion).toBe(2);
  expect(after.counts.high).toBe(highNow.length);
  expect(after.counts.high).toBeGreaterThan(before.counts.high);
  // an earlier version stays readable, read-only
  await app.getByTestId('risk-rule-versions').getByRole('row', { name: /第 1 版/ }).getByRole('link', { name: '查看' }).click();
  await expect(app.getByTestId('risk-rule-title')).toHaveText('第 1 版规则');
  await expect(app.getByTestId('rule-high')).toHaveValue('60');
  await expect(app.getByRole('button', { name: '保存为新版本' })).toHaveCount(0);

  // ---- a plan over the district's 高 units (较高 unticked)
  await app.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '专项检查' }).click();
  await app.getByRole('button', { name: '制定检查计划' }).click();
  const dialog = app.getByRole('dialog', { name: '制定检查计划' });
  await dialog.getByLabel('计划名称').fill('2026年高风险单位专项检查');
  await dialog.getByLabel('检查类型').selectOption({ label: '专项' });
  await dialog.getByLabel('开始日期').fill('2026-12-01');
  await dialog.getByLabel('结束日期').fill('2026-12-31');
  await dialog.getByRole('radio', { name: '风险等级' }).check();
  await dialog.getByRole('checkbox', { name: /^较高/ }).uncheck();
  await expect(dialog.getByRole('checkbox', { name: `高（${highNow.length} 家）` })).toBeChecked();
  await expect(dialog.getByTestId('scope-count')).toHaveText(`范围内 ${highNow.length} 家单位`);
  await app.screenshot({ path: testInfo.outputPath('risk-plan-dialog.png') });
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(app.getByRole('heading', { name: '2026年高风险单位专项检查', level: 1 })).toBeVisible();
  const planUnits = app.getByTestId('plan-units').locator('tbody tr');
  await expect(planUnits).toHaveCount(highNow.length);
  for (const unit of highNow) await expect(app.getByTestId('plan-units')).toContainText(unit.name);
  const plans = await call<Array<{ title: string; scopeKind: string; scopeRiskLevels: string[]; unitCount: number }>>(db, 'inspections.listPlans', {});
  expect(plans.find((p) => p.title === '2026年高风险单位专项检查')).toMatchObject({ scopeKind: 'risk_level', scopeRiskLevels: ['high'], unitCount: highNow.length });

  // ---- the same levels on list 1 (units with 20+ counted pieces) and on the overview
  const words: Record<string, string> = { high: '高', elevated: '较高', general: '一般', low: '低' };
  const rescored = new Map((await call<{ rows: UnitRow[] }>(db, 'units.query', { startRow: 0, endRow: 50 })).rows.map((u) => [u.name, u]));
  const listed = workspace.sample!.units.filter((u) => u.counted >= 20);
  expect(listed.length).toBeGreaterThan(1);
  await app.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '两项清单' }).click();
  for (const unit of listed) {
    const risk = rescored.get(unit.name)!;
    await expect(app.getByTestId('list1-table').getByRole('row', { name: new RegExp(unit.name) }).getByTestId('list1-risk')).toHaveText(`${words[risk.riskLevel]} · ${risk.riskScore} 分`);
  }
  await app.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '概览' }).click();
  await expect(app.getByTestId('dashboard-risk')).toContainText('评分规则第 2 版');
  await expect(app.getByTestId('dashboard-risk').getByTestId('risk-card-high').locator('strong')).toHaveText(String(highNow.length));
});

test('宣传与进企业培训: an activity logged with a photo, edited, deleted after confirmation', async ({ app, workspace }) => {
  const db = workspace.databaseFile;
  await app.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '宣传与进企业培训' }).click();
  await expect(app.getByText('还没有登记宣传培训活动。')).toBeVisible();
  await app.getByRole('button', { name: '登记活动' }).click();
  const form = app.getByRole('dialog', { name: '登记宣传培训活动' });
  await form.getByLabel('活动类型').selectOption({ label: '送培训进企业' });
  await form.getByLabel('活动名称').fill('电梯安全管理员培训');
  await form.getByLabel('活动日期').fill('2026-11-20');
  await form.getByLabel('地点').fill('塘桥镇会议中心');
  await form.getByLabel('活动对象').fill('辖区电梯使用单位安全管理员');
  // a missing head count is refused with the field named, nothing saved
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByRole('alert')).toContainText('参加人数');
  await form.getByLabel('参加人数').fill('36');
  await form.getByLabel('添加照片（JPG、PNG）').setInputFiles({ name: '培训现场.png', mimeType: 'image/png', buffer: png });
  await expect(form.getByText('培训现场.png')).toBeVisible();
  await form.getByRole('button', { name: '保存' }).click();
  await expect(app.getByRole('status')).toContainText('已保存“电梯安全管理员培训”');
  const row = app.getByTestId('publicity-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('送培训进企业');
  await expect(app.getByTestId('publicity-total')).toHaveText('共 1 次活动，参加 36 人次');
  await row.getByRole('button', { name: '1 张' }).click();
  await expect(app.getByTestId('publicity-photo')).toBeVisible();
  await app.getByRole('button', { name: '关闭' }).click();

  await row.getByRole('button', { name: '修改' }).click();
  const edit = app.getByRole('dialog', { name: '修改宣传培训活动' });
  await edit.getByLabel('参加人数').fill('40');
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(app.getByTestId('publicity-total')).toHaveText('共 1 次活动，参加 40 人次');
  const stored = await call<Array<{ title: string; participants: number; photos: unknown[]; version: number }>>(db, 'publicity.list', {});
  expect(stored).toMatchObject([{ title: '电梯安全管理员培训', participants: 40, version: 2 }]);
  expect(stored[0]!.photos).toHaveLength(1);

  // delete asks first; 取消 keeps it
  await row.getByRole('button', { name: '删除' }).click();
  await app.getByRole('dialog', { name: '删除活动' }).getByRole('button', { name: '取消' }).click();
  await expect(row).toHaveCount(1);
  await row.getByRole('button', { name: '删除' }).click();
  await app.getByRole('dialog', { name: '删除活动' }).getByRole('button', { name: '删除' }).click();
  await expect(app.getByRole('status')).toContainText('已删除“电梯安全管理员培训”');
  await expect(app.getByText('还没有登记宣传培训活动。')).toBeVisible();
  expect(await call<unknown[]>(db, 'publicity.list', {})).toEqual([]);
});
