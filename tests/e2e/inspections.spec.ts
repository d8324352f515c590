import { cli, expect, test } from './fixtures.ts';
import { gotoArea } from './pages/shell.ts';
import { tinyPng as png } from './sample-files.ts';

// 专项检查 on a generated 塘桥 district: a plan whose team of one is flagged, then two; a
// visit recorded at a unit with a photo; a finding registered as a hazard (checked with
// the `qkl` CLI, the same core); a supervision order numbered 张市监特令〔2026〕第1号 and
// printed as an A4 document with the record.

test.use({ sample: { units: 12, seed: 7 } });
test.describe.configure({ timeout: 180_000 });

test('plan with a flagged team, a visit, a finding that becomes a hazard, an order printed with its number', async ({ app, workspace }, testInfo) => {
  const [first, second] = workspace.sample!.units;
  for (const [name, no] of [
    ['陈志华', 'JS32058200017'],
    ['李明', 'JS32058200018'],
  ]) {
    await cli(['call', 'inspectors.save', '--db', workspace.databaseFile, '--input', JSON.stringify({ name, enforcementNo: no })]);
  }
  app.on('dialog', (dialog) => void dialog.accept());

  // ---- a plan over two chosen units, with a team of one: flagged, not refused
  await gotoArea(app, '专项检查');
  await expect(app.getByText('还没有检查计划。')).toBeVisible();
  await app.getByRole('button', { name: '制定检查计划' }).click();
  const dialog = app.getByRole('dialog', { name: '制定检查计划' });
  await dialog.getByLabel('计划名称').fill('2026年冬季特种设备专项检查');
  await dialog.getByLabel('检查类型').selectOption({ label: '专项' });
  await dialog.getByLabel('开始日期').fill('2026-11-01');
  await dialog.getByLabel('结束日期').fill('2026-12-31');
  await dialog.getByRole('radio', { name: '指定单位' }).check();
  for (const unit of [first!, second!]) {
    await dialog.getByLabel('搜索单位名称、信用代码').fill(unit.name);
    await dialog.getByRole('list', { name: '搜索结果' }).getByRole('checkbox', { name: unit.name }).check();
  }
  await expect(dialog.getByTestId('scope-count')).toHaveText('范围内 2 家单位');
  await expect(dialog.getByLabel('检查表')).toHaveValue('common@1');
  await dialog.getByRole('checkbox', { name: '陈志华' }).check();
  await expect(dialog.getByTestId('team-warning')).toContainText('持执法证的监察人员只有 1 名');
  await app.screenshot({ path: testInfo.outputPath('plan-dialog.png'), fullPage: true });
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(app.getByRole('heading', { name: '2026年冬季特种设备专项检查', level: 1 })).toBeVisible();
  await expect(app.getByTestId('plan-warnings')).toContainText('持执法证的监察人员只有 1 名：现场检查应由至少 2 名监察人员进行');
  await expect(app.getByTestId('plan-units').locator('tbody tr')).toHaveCount(2);

  // ---- the second inspector joins: the flag goes
  await app.getByRole('button', { name: '修改检查计划' }).click();
  const edit = app.getByRole('dialog', { name: '修改检查计划' });
  await edit.getByRole('checkbox', { name: '李明' }).check();
  await expect(edit.getByTestId('team-warning')).toHaveCount(0);
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(app.getByRole('status')).toContainText('已保存检查计划');
  await expect(app.getByTestId('plan-team')).toHaveText('陈志华、李明');
  await expect(app.getByTestId('plan-warnings')).toHaveCount(0);
  await app.getByRole('button', { name: '启动计划' }).click();
  await expect(app.getByRole('status')).toContainText('检查计划已进行中');

  // ---- the visit: every item, one not complying with a note, the unit's signer, a photo
  await app.getByRole('button', { name: `记录检查 ${first!.name}` }).click();
  const visit = app.getByRole('dialog', { name: `记录现场检查：${first!.name}` });
  await visit.getByLabel('检查日期').fill('2026-12-01');
  await visit.getByRole('button', { name: '未填的项目全部填为“符合”' }).click();
  await visit.getByRole('radio', { name: 'C12 不符合' }).check();
  await visit.getByLabel('C12 说明').fill('储气罐安全阀超期未校验');
  await expect(visit.getByTestId('items-progress')).toHaveText('已填 16 / 16 项');
  await visit.getByLabel('被检查单位签字人').fill('赵经理');
  await visit.getByLabel('检查情况及发现的问题').fill('现场检查在用设备，储气罐安全阀超期未校验。');
  await visit.getByLabel('添加照片或文件').setInputFiles({ name: '安全阀铭牌.png', mimeType: 'image/png', buffer: png });
  await expect(visit.getByText('安全阀铭牌.png')).toBeVisible();
  await app.screenshot({ path: testInfo.outputPath('record-dialog.png') });
  await visit.getByRole('button', { name: '保存' }).click();
  await expect(app.getByRole('heading', { name: `检查记录：${first!.name}`, level: 1 })).toBeVisible();
  await expect(app.getByTestId('record-problems')).toHaveText('1');
  await expect(app.getByTestId('record-team')).toHaveText('陈志华、李明');
  await expect(app.getByRole('button', { name: '安全阀铭牌.png' })).toBeVisible();
  const recordId = new URL(app.url()).hash.split('record=')[1]!;
  await app.screenshot({ path: testInfo.outputPath('record-view.png'), fullPage: true });

  // ---- the finding becomes a 重大隐患 linked to the visit
  await app.getByRole('button', { name: '登记隐患' }).click();
  const finding = app.getByRole('dialog', { name: '将发现的问题登记为隐患' });
  await expect(finding.getByLabel('隐患描述')).toHaveValue('储气罐安全阀超期未校验（C12）');
  await finding.getByLabel('隐患等级').selectOption({ label: '重大隐患' });
  await finding.getByRole('button', { name: '登记为隐患' }).click();
  await expect(app.getByRole('status')).toContainText('已登记为重大隐患：储气罐安全阀超期未校验（C12）');
  await expect(app.getByTestId('record-hazards')).toContainText('储气罐安全阀超期未校验');
  const hazards = JSON.parse(await cli(['call', 'hazards.list', '--db', workspace.databaseFile, '--input', '{}'])) as Array<Record<string, unknown>>;
  expect(hazards).toHaveLength(1);
  expect(hazards[0]).toMatchObject({ sourceInspectionId: recordId, level: 'major', state: 'found', foundOn: '2026-12-01', foundBy: '陈志华、李明', unitName: first!.name });

  // ---- the supervision order: first number of the year, deadline 10 working days on
  await app.getByRole('button', { name: '下达指令书' }).click();
  const order = app.getByRole('dialog', { name: '下达安全监察指令书' });
  await order.getByLabel('下达日期').fill('2026-12-01');
  await expect(order.getByLabel('工作日数')).toHaveValue('10');
  await expect(order.getByText('截止日期：2026-12-15')).toBeVisible();
  await expect(order.getByRole('checkbox', { name: '重大隐患：储气罐安全阀超期未校验（C12）' })).toBeChecked();
  await order.getByRole('button', { name: '下达指令书' }).click();
  await expect(app.getByTestId('order-number')).toHaveText('张市监特令〔2026〕第1号');
  await expect(app.getByTestId('order-deadline')).toHaveText('2026-12-15');
  const ordered = JSON.parse(await cli(['call', 'hazards.list', '--db', workspace.databaseFile, '--input', '{}'])) as Array<Record<string, unknown>>;
  expect(ordered[0]).toMatchObject({ state: 'ordered', deadline: '2026-12-15' });

  // ---- printed: the order with its number, then the record with items and signatures
  await app.getByRole('link', { name: '打印指令书' }).click();
  // the page is not reloaded (hash routing): the dialog is stubbed in place
  await app.evaluate(() => {
    window.print = () => document.body.setAttribute('data-printed', 'yes');
  });
  await expect(app.getByTestId('print-order-number')).toHaveText('张市监特令〔2026〕第1号');
  await expect(app.getByTestId('order-sheet')).toContainText(`${first!.name}：`);
  await expect(app.getByTestId('print-order-demand')).toContainText('现责令你单位于 2026年12月15日 前完成整改');
  await expect(app.getByTestId('order-signatures')).toContainText('执法证号：JS32058200018');
  await expect(app.getByRole('heading', { name: '特种设备安全监察指令书' })).toBeVisible();
  await app.getByRole('toolbar', { name: '特种设备安全监察指令书' }).getByRole('button', { name: '打印' }).click();
  await expect(app.locator('body')).toHaveAttribute('data-printed', 'yes');
  await app.screenshot({ path: testInfo.outputPath('order.png'), fullPage: true });

  await app.goto(app.url().replace(/#.*$/, `#/inspection-print?record=${recordId}`));
  const sheet = app.getByTestId('record-sheet');
  await expect(sheet.getByRole('heading', { name: '特种设备安全监督检查记录（草稿）' })).toBeVisible();
  await expect(sheet.getByTestId('print-items').locator('tbody tr')).toHaveCount(16);
  await expect(sheet.getByTestId('print-items').locator('tr', { hasText: 'C12' })).toContainText('不符合');
  await expect(sheet.getByTestId('print-hazards')).toContainText('重大隐患：储气罐安全阀超期未校验');
  await expect(sheet.getByTestId('inspector-signature')).toHaveCount(2);
  await expect(sheet.getByTestId('inspector-signature').first()).toContainText('执法证号：JS32058200017');
  await expect(sheet.getByText('签字人：赵经理')).toBeVisible();
  await expect(sheet).toContainText('张市监特令〔2026〕第1号');
  await app.screenshot({ path: testInfo.outputPath('record.png'), fullPage: true });

  // ---- made final, the record lists in 检查记录
  await app.getByRole('link', { name: '返回' }).click();
  await app.getByRole('button', { name: '定稿' }).click();
  await expect(app.getByRole('status')).toContainText('检查记录已定稿');
  await expect(app.getByRole('button', { name: '填写检查记录' })).toHaveCount(0);
  await app.getByRole('link', { name: '2026年冬季特种设备专项检查' }).click();
  await expect(app.getByTestId('plan-units').locator('tr', { hasText: first!.name })).toContainText('已定稿');
});
