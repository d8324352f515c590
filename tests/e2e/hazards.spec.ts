import { cli, expect, test } from './fixtures.ts';
import { evidence, HazardsPage } from './pages/hazards-page.ts';

// 隐患闭环 in the UI on a generated district: a hazard is recorded, ordered with a
// deadline in working days (previewed from the official calendar), rectified, fails
// one re-check (the reason is required), is rectified again and closes on the second;
// the list and its figures follow, and the CLI (the same core) witnesses what was saved.

test.use({ sample: { units: 12, seed: 8 } });

test('a hazard goes from 发现 through a failed and a passed re-check to 闭环销号', async ({ app, workspace }, testInfo) => {
  const unit = workspace.sample!.units[3]!;
  const hazards = new HazardsPage(app);
  await app.goto(`${app.url().split('#')[0]}#/hazards`);
  await expect(app.getByRole('heading', { name: '隐患闭环' })).toBeVisible();
  await expect(app.getByText('没有符合条件的隐患。')).toBeVisible();

  await app.getByRole('button', { name: '登记隐患' }).click();
  const form = app.getByRole('dialog', { name: '登记隐患' });
  // nothing chosen: the unit is named as missing, nothing is saved
  await form.getByLabel('隐患描述').fill('曳引机制动器闸瓦磨损超标');
  await form.getByRole('button', { name: '登记隐患' }).click();
  await expect(form.getByRole('alert')).toHaveText('请选择使用单位');
  await form.getByRole('searchbox').fill(unit.name.slice(0, 8));
  await form.getByLabel('使用单位').selectOption({ label: `${unit.name}（${unit.uscc}）` });
  await form.getByLabel('发现人').fill('陈志华');
  await form.getByRole('button', { name: '登记隐患' }).click();

  const detail = hazards.detail;
  await hazards.expectHazard(unit.name, '曳引机制动器闸瓦磨损超标');
  await expect(detail.getByText('尚未下达整改')).toBeVisible();

  // 下达整改: 10 working days by default for a 一般隐患, the date previewed before saving
  let preview = '';
  await hazards.step('下达整改', async (dialog) => {
    await expect(dialog.getByLabel('工作日数')).toHaveValue('10');
    const hint = dialog.getByText(/^截止日期：\d{4}-\d{2}-\d{2}$/);
    await expect(hint).toBeVisible();
    preview = (await hint.textContent())!.replace('截止日期：', '');
  });
  await expect(hazards.figure('hz-deadline')).toContainText(`${preview}（10 个工作日）`);

  await hazards.step('开始整改');
  await hazards.step('提交整改', evidence('整改报告一.pdf'));
  await hazards.step('开始复查');

  // 复查不通过 needs its reason
  await app.getByRole('button', { name: '复查不通过', exact: true }).click();
  const fail = app.getByRole('dialog', { name: '复查不通过' });
  await fail.getByRole('button', { name: '复查不通过', exact: true }).click();
  await expect(fail.getByText('复查不通过请写明原因')).toBeVisible();
  await fail.getByLabel('意见').fill('闸瓦未更换，仅作调整');
  await fail.getByRole('button', { name: '复查不通过', exact: true }).click();
  await expect(fail).toBeHidden();
  await expect(hazards.figure('hz-fail-count')).toHaveText('1');
  await expect(detail.getByText('整改中', { exact: true })).toBeVisible();

  await hazards.step('提交整改', evidence('整改报告二.pdf'));
  await hazards.step('开始复查');
  await hazards.step('复查通过（闭环销号）');
  await expect(detail.getByText('闭环销号', { exact: true }).first()).toBeVisible();
  await expect(app.getByRole('button', { name: '归档' })).toBeVisible();
  const history = hazards.history;
  await expect(history).toHaveCount(9);
  await expect(history.nth(5)).toContainText('闸瓦未更换，仅作调整');
  await expect(history.nth(6)).toContainText('整改报告二.pdf');
  await app.screenshot({ path: testInfo.outputPath('hazard-closed.png'), fullPage: true });

  // the list: no open hazard left; with 全部 the closed one and its figures
  await app.getByRole('link', { name: '返回隐患列表' }).click();
  await expect(hazards.figure('hz-open')).toHaveText('0');
  await expect(hazards.figure('hz-closed')).toHaveText('1');
  await expect(hazards.figure('hz-closure-rate')).toHaveText('100.0%');
  await expect(app.getByTestId('chart-hazard-states')).toBeVisible();
  await app.getByLabel('状态', { exact: true }).selectOption({ label: '全部' });
  await expect(hazards.list.locator('tbody tr')).toHaveCount(1);
  await expect(hazards.list).toContainText('闭环销号');
  await app.screenshot({ path: testInfo.outputPath('hazard-list.png'), fullPage: true });

  // the same core, read by the CLI
  const saved = JSON.parse(await cli(['call', 'hazards.list', '--db', workspace.databaseFile, '--input', '{}', '--json'])) as Array<{ state: string; failCount: number; deadline: string; unitName: string }>;
  expect(saved).toEqual([expect.objectContaining({ state: 'closed', failCount: 1, deadline: preview, unitName: unit.name })]);
});
