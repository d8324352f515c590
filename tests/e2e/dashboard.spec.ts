import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { toNumber } from './pages/shell.ts';
import type { Dashboard } from '../../electron/api/schemas/dashboard.ts';

// 概览 answers "what needs my attention" with the core's own figures (dashboard.get):
// overdue inspections by kind, hazards by state (and their attention cards), acceptance,
// exams, open complaints; each chart is drawn from those numbers, and the hazard figures open the hazard list.

test.use({ sample: { units: 40, seed: 3 } });

async function read<T>(app: Page, name: string, input: unknown): Promise<T> {
  return (await app.evaluate(
    async ([n, i]) => {
      const bridge = window.qkl as unknown as Record<string, (input: unknown) => Promise<{ ok: boolean; value?: unknown; message?: string }>>;
      const result = await bridge[n as string]!(i);
      if (!result.ok) throw new Error(result.message);
      return result.value;
    },
    [name, input] as const,
  )) as T;
}

test('the overview charts the district’s overdue inspections by kind and its hazards by state; the hazard card opens the list', async ({ app, workspace }, testInfo) => {
  const unit = workspace.sample!.units[0]!;
  const units = await read<{ rows: Array<{ id: string; name: string }> }>(app, 'units.query', { search: unit.uscc, startRow: 0, endRow: 1 });
  await read(app, 'hazards.create', { unitId: units.rows[0]!.id, description: '锅炉安全阀校验过期', level: 'major', foundBy: '陈志华', foundOn: workspace.sample!.asOf });
  await read(app, 'complaints.create', { receivedOn: workspace.sample!.asOf, channel: '12345', anonymous: true, content: '小区电梯经常困人', unitId: units.rows[0]!.id });
  await app.reload();

  const dashboard = await read<Dashboard>(app, 'dashboard.get', {});
  expect(dashboard.inspectionByKind.length).toBeGreaterThan(0);
  await expect(app.getByRole('heading', { name: '概览', level: 1 })).toBeVisible();
  await expect(app.getByTestId('stat-hazards-open').locator('.stat-value')).toHaveText('1');
  expect(toNumber(await app.getByTestId('stat-hazards-overdue').locator('.stat-value').textContent())).toBe(0);
  await expect(app.getByTestId('stat-complaints-open').locator('.stat-value')).toHaveText(String(dashboard.complaints.open));
  expect(dashboard.complaints.open).toBe(1);

  const byKind = app.getByTestId('chart-inspection-by-kind');
  await expect(byKind).toBeVisible();
  // the chart is SVG with real text: every kind with overdue or due pieces is named on its axis
  for (const kind of dashboard.inspectionByKind) await expect(byKind.locator('svg')).toContainText(kind.kindName);
  const biggest = Math.max(...dashboard.inspectionByKind.map((k) => k.overdue));
  await expect(byKind.locator('svg text', { hasText: new RegExp(`^${biggest}$`) }).first()).toBeVisible();
  await expect(app.getByTestId('chart-hazards-by-state').locator('svg')).toContainText('发现');
  await expect(app.getByTestId('chart-acceptance')).toBeVisible();
  await expect(app.getByText('尚无已发布成绩的考试。')).toBeVisible();

  // the summary countdown: shown from the countdown day (15th by default); from the 1st here, due the month's last day
  await read(app, 'summaries.updateSettings', { dueDay: 31, countdownFromDay: 1 });
  const status = await read<{ daysLeft: number; dueOn: string }>(app, 'summaries.status', {});
  await app.reload();
  const [, month, day] = status.dueOn.split('-').map(Number);
  const countdown = app.getByTestId('summary-countdown');
  await expect(countdown).toContainText(status.daysLeft === 0 ? `本月工作小结今天（${month}月${day}日）截止报送` : `本月工作小结距报送截止还有 ${status.daysLeft} 天（${month}月${day}日）`);
  await app.screenshot({ path: testInfo.outputPath('overview.png'), fullPage: true });
  await countdown.getByRole('link', { name: '填写工作小结' }).click();
  await expect(app.getByRole('heading', { name: '月度工作小结', level: 1 })).toBeVisible();
  await app.goBack();
  await app.getByTestId('stat-hazards-open').click();
  await expect(app.getByRole('heading', { name: '隐患闭环' })).toBeVisible();
  await expect(app.getByTestId('hazard-list').locator('tbody tr')).toHaveCount(1);
  await expect(app.getByTestId('hazard-list')).toContainText('锅炉安全阀校验过期');
  await app.goBack();
  await app.getByTestId('stat-complaints-open').click();
  await expect(app.getByRole('heading', { name: '投诉举报', level: 1 })).toBeVisible();
  await expect(app.getByText('小区电梯经常困人')).toBeVisible();
});
