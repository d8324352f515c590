import { cli, expect, test } from './fixtures.ts';
import { BlocksPage, ChainPage } from './pages/blocks-page.ts';
import { HazardsPage } from './pages/hazards-page.ts';
import { tinyPng } from './sample-files.ts';

// 块的日常 on a generated district: a block with a monthly 互查 since last month shows the
// missed month as overdue on the board; a member's safety manager checks another member,
// finds a problem, the 互查 is finalised and the problem becomes a hazard reported by that
// manager; the hazard is closed the usual way and the check, the calendar and the board
// follow. The CLI (the same core) witnesses what was saved.

test.use({ sample: { units: 60, seed: 5 } });

/** The first day of the month before `iso`, and a day inside that month. */
function lastMonth(iso: string): { first: string; day: string; label: string } {
  const [y, m] = iso.split('-').map(Number) as [number, number];
  const [py, pm] = m === 1 ? [y - 1, 12] : [y, m - 1];
  const mm = String(pm).padStart(2, '0');
  return { first: `${py}-${mm}-01`, day: `${py}-${mm}-15`, label: `${py}年${pm}月` };
}

test('a block’s 互查 finds a problem → a hazard reported by the checking manager → closed; the calendar and the board follow', async ({ app, workspace }, testInfo) => {
  const sample = workspace.sample!;
  const six = sample.units.filter((u) => u.counted >= 20).slice(0, 6);
  const [checked] = six as [(typeof six)[number]];
  const month = lastMonth(sample.asOf);

  const chain = new ChainPage(app);
  await chain.goto();
  await chain.addInspector('陈志华', 'JS32058200017', '0512-58671234');
  const blocks = new BlocksPage(app);
  await blocks.goto();
  await app.getByRole('button', { name: '新建小组' }).click();
  await blocks.fill({ name: '塘桥第1组', members: six.map((u) => u.name), lead: six[1]!.name, inspectors: ['陈志华'] });
  await blocks.save();
  const card = blocks.card('塘桥第1组');
  await expect(card.getByTestId('block-activities-overdue')).toHaveCount(0);

  // 活动安排: 每月互查 since the first of last month; last month has passed without one
  await card.getByRole('link', { name: '小组活动：塘桥第1组' }).click();
  await expect(app.getByRole('heading', { name: '小组活动：塘桥第1组' })).toBeVisible();
  await expect(app.getByText('尚未制定活动安排')).toBeVisible();
  await app.getByRole('link', { name: '活动安排' }).click();
  await app.getByRole('button', { name: '添加活动安排' }).click();
  const rule = app.getByRole('dialog', { name: '添加活动安排' });
  await rule.getByLabel('活动类型').selectOption({ label: '互查' });
  await rule.getByLabel('频次').selectOption({ label: '每月' });
  await rule.getByLabel('开始日期').fill(month.first);
  await rule.getByRole('button', { name: '保存', exact: true }).click();
  await expect(rule).toBeHidden();
  await expect(app.getByRole('status')).toHaveText('已保存活动安排：每月互查');

  await app.getByRole('link', { name: '活动日历' }).click();
  const calendar = app.getByTestId('routine-calendar');
  const missed = calendar.locator('tbody tr', { hasText: month.label });
  await expect(missed).toHaveAttribute('data-status', 'overdue');
  await expect(missed).toContainText('逾期');
  await expect(app.getByText('逾期 1 项', { exact: true })).toBeVisible();

  await blocks.goto();
  await expect(card.getByTestId('block-activities-overdue')).toHaveText('活动逾期 1 项');
  await expect(card.locator('[data-problem="activity-overdue"]')).toContainText(`${month.label}互查`);
  await app.screenshot({ path: testInfo.outputPath('board-overdue.png'), fullPage: true });

  // 互查: another member's safety manager checks the first unit, one item 不符合
  await card.getByRole('link', { name: '小组活动：塘桥第1组' }).click();
  await app.getByRole('link', { name: '自查互查' }).click();
  await expect(app.getByText('还没有自查、互查记录。')).toBeVisible();
  await app.getByRole('button', { name: '记录互查' }).click();
  const form = app.getByRole('dialog', { name: '记录互查' });
  await form.getByRole('combobox', { name: /^被检查单位/ }).selectOption({ label: checked.name });
  const checker = form.getByLabel('检查人（安全管理员）');
  // a 互查 is by another member's manager: the checked unit's own are not offered
  await expect(checker.locator('option', { hasText: `（${checked.name}）` })).toHaveCount(0);
  await expect(checker.locator('option')).not.toHaveCount(1);
  await checker.selectOption({ index: 1 });
  const checkerLabel = (await checker.locator('option:checked').textContent())!;
  const checkerName = checkerLabel.replace(/（.*$/, '');
  expect(checkerName.length).toBeGreaterThan(0);
  await form.getByLabel('检查日期').fill(month.day);
  await expect(form.getByTestId('record-items').locator('tbody tr').first()).toBeVisible();
  await form.getByRole('button', { name: '未填的项目全部填为“符合”' }).click();
  await form.getByRole('radio', { name: 'C03 不符合' }).check();
  await form.getByLabel('C03 说明').fill('叉车未粘贴使用登记标志');
  await form.getByLabel('检查情况及发现的问题').fill('现场抽查叉车 3 台，1 台未粘贴使用登记标志');
  await form.getByLabel('被检查单位签字人').fill('周建平');
  await form.getByRole('button', { name: '保存', exact: true }).click();
  await expect(form).toBeHidden();

  const check = app.getByTestId('block-check');
  await expect(check.getByRole('heading', { name: `互查记录：${checked.name}` })).toBeVisible();
  await expect(check.getByTestId('check-checker')).toHaveText(checkerLabel);
  await expect(check.getByTestId('check-problems')).toHaveText('1');
  // a draft does not fulfil the month, and gives no hazard yet
  await expect(check.getByRole('button', { name: '登记隐患' })).toHaveCount(0);
  app.once('dialog', (d) => void d.accept());
  await check.getByRole('button', { name: '定稿' }).click();
  await expect(app.getByRole('status')).toHaveText('记录已定稿');
  await expect(check.getByRole('button', { name: '修改记录' })).toHaveCount(0);

  // the finding becomes a hazard of the checked unit, reported by the checking manager
  await check.getByRole('button', { name: '登记隐患' }).click();
  const finding = app.getByRole('dialog', { name: '把发现的问题登记为隐患' });
  await expect(finding.getByText(`发现人和报告人为本次检查的安全管理员：${checkerLabel}`)).toBeVisible();
  await expect(finding.getByLabel('隐患描述')).toHaveValue('叉车未粘贴使用登记标志（C03）');
  await finding.getByRole('button', { name: '登记隐患', exact: true }).click();
  await expect(finding).toBeHidden();
  await expect(app.getByRole('status')).toHaveText('已登记一般隐患：叉车未粘贴使用登记标志（C03）');
  const found = check.getByTestId('check-hazards').locator('li');
  await expect(found).toHaveCount(1);
  await expect(found).toHaveAttribute('data-state', 'found');

  // closed the usual way (隐患闭环)
  await found.getByRole('link', { name: '叉车未粘贴使用登记标志（C03）' }).click();
  const detail = app.getByTestId('hazard-detail');
  await expect(detail.getByRole('heading', { name: `${checked.name}：叉车未粘贴使用登记标志（C03）` })).toBeVisible();
  await expect(detail.getByTestId('hz-source')).toContainText(`来源：小组互查（报告人：${checkerName}）`);
  await new HazardsPage(app).closeWithDefaults('整改照片.pdf');

  // the check shows its hazard closed; last month's 互查 is done; the board has nothing overdue
  await detail.getByRole('link', { name: '查看检查记录' }).click();
  await expect(check.getByTestId('check-hazards').locator('li')).toHaveAttribute('data-state', 'closed');
  await expect(check.getByTestId('check-hazards')).toContainText('闭环销号');
  await check.getByRole('link', { name: '小组活动：塘桥第1组' }).click();
  await app.getByRole('link', { name: '活动日历' }).click();
  await expect(missed).toHaveAttribute('data-status', 'done');
  await expect(missed).toContainText('已开展');
  await app.getByRole('link', { name: '自查互查' }).click();
  const row = app.getByTestId('routine-checks').locator('tbody tr');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(checked.name);
  await expect(row).toContainText('已定稿');
  await blocks.goto();
  await expect(card.getByTestId('block-activities-overdue')).toHaveCount(0);
  await expect(card.locator('[data-problem="activity-overdue"]')).toHaveCount(0);
  await expect(card.getByTestId('block-schedule-rules')).toHaveText('每月互查');
  await app.screenshot({ path: testInfo.outputPath('board-after.png'), fullPage: true });

  // the same core, read by the CLI: the hazard names the check and the manager
  const hazards = JSON.parse(await cli(['call', 'hazards.list', '--db', workspace.databaseFile, '--input', '{}', '--json'])) as Array<Record<string, unknown>>;
  expect(hazards).toEqual([expect.objectContaining({ state: 'closed', unitName: checked.name, sourceCheckKind: 'mutual', reporterManagerName: checkerName })]);
  const checks = JSON.parse(await cli(['call', 'blocks.checks', '--db', workspace.databaseFile, '--input', '{}', '--json'])) as Array<Record<string, unknown>>;
  expect(checks).toEqual([expect.objectContaining({ kind: 'mutual', state: 'final', checkedOn: month.day, problems: 1, hazards: 1, checkerManagerName: checkerName })]);
});

test('链: a supervisor attends a 交流学习; their 问题反馈 is answered and closed, another becomes a hazard that must close first; the supervisor shows active with the meeting and reports in the work log', async ({ app, workspace }) => {
  const six = workspace.sample!.units.filter((u) => u.counted >= 20).slice(0, 6);
  const chain = new ChainPage(app);
  await chain.goto();
  await chain.addInspector('陈志华', 'JS32058200017', '0512-58671234');
  const blocks = new BlocksPage(app);
  await blocks.goto();
  await app.getByRole('button', { name: '新建小组' }).click();
  await blocks.fill({ name: '塘桥第1组', members: six.map((u) => u.name), lead: six[1]!.name, inspectors: ['陈志华'] });
  // the first member's first safety manager is the block's 安全监督员
  const supervisorBox = blocks.dialog.locator('label.checkbox', { has: app.locator('input[name="supervisorManagerIds"]') }).first();
  const boxText = (await supervisorBox.innerText()).trim();
  const name = boxText.replace(/（.*$/s, '').trim();
  const unit = /（([^，]+)，/.exec(boxText)![1]!;
  await supervisorBox.locator('input').check();
  await blocks.save();

  // a 交流学习 the supervisor and the inspector attended
  await blocks.card('塘桥第1组').getByRole('link', { name: '小组活动：塘桥第1组' }).click();
  await app.getByRole('link', { name: '会议交流' }).click();
  await app.getByRole('button', { name: '记录会议或交流学习' }).click();
  const meeting = app.getByRole('dialog', { name: '记录会议或交流学习' });
  await meeting.getByLabel('类型').selectOption({ label: '交流学习' });
  await meeting.getByLabel('主题').fill('叉车安全操作交流');
  await meeting.getByRole('checkbox', { name: `${name}（${unit}）` }).check();
  await meeting.getByRole('checkbox', { name: '陈志华' }).check();
  await meeting.getByLabel('添加照片或文件').setInputFiles([
    { name: '签到表.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 签到表') },
    { name: '现场照片.png', mimeType: 'image/png', buffer: tinyPng },
  ]);
  await expect(meeting.getByText('现场照片.png')).toBeVisible();
  await meeting.getByRole('button', { name: '保存', exact: true }).click();
  await expect(meeting).toBeHidden();
  const held = app.getByTestId('routine-meetings').locator('li');
  await expect(held).toHaveCount(1);
  await expect(held).toContainText('交流学习：叉车安全操作交流');
  await expect(held).toContainText(`${name}（${unit}）、陈志华`);
  await expect(held.getByRole('button', { name: '签到表.pdf' })).toBeVisible();

  // a kept file unticked is removed on save; the other stays
  await held.getByRole('button', { name: '修改' }).click();
  const editing = app.getByRole('dialog', { name: '修改会议记录' });
  await editing.getByRole('checkbox', { name: '移除 现场照片.png' }).uncheck();
  await editing.getByRole('button', { name: '保存', exact: true }).click();
  await expect(editing).toBeHidden();
  await expect(held.getByRole('button', { name: '现场照片.png' })).toHaveCount(0);
  await expect(held.getByRole('button', { name: '签到表.pdf' })).toBeVisible();

  await chain.goto();
  await app.getByRole('link', { name: '问题反馈' }).click();
  const panel = app.getByTestId('chain-feedback');
  await expect(panel.getByText('还没有问题反馈。')).toBeVisible();
  const register = async (content: string) => {
    await panel.getByRole('button', { name: '登记问题反馈' }).click();
    const d = app.getByRole('dialog', { name: '登记问题反馈' });
    await d.getByLabel('反馈人（安全管理员）').selectOption({ label: `${name}（${unit}）` });
    await expect(d.getByLabel('接收人')).toHaveValue(/.+/);
    await d.getByLabel('反馈内容').fill(content);
    await d.getByRole('button', { name: '保存', exact: true }).click();
    await expect(d).toBeHidden();
    await expect(panel.getByRole('status')).toHaveText('已登记问题反馈');
  };

  // nothing written: the content is named as missing, nothing saved
  await panel.getByRole('button', { name: '登记问题反馈' }).click();
  const empty = app.getByRole('dialog', { name: '登记问题反馈' });
  await empty.getByLabel('反馈人（安全管理员）').selectOption({ label: `${name}（${unit}）` });
  await empty.getByRole('button', { name: '保存', exact: true }).click();
  await expect(empty.getByText('请填写反馈内容')).toBeVisible();
  await empty.getByRole('button', { name: '取消' }).click();

  await register('叉车年度检验日期如何安排？');
  const rows = panel.getByTestId('feedback-list').locator('tbody tr');
  const first = rows.filter({ hasText: '叉车年度检验日期如何安排？' });
  await expect(first).toHaveAttribute('data-state', 'registered');
  await expect(first).toContainText('陈志华');
  await first.getByRole('button', { name: '答复' }).click();
  const answer = app.getByRole('dialog', { name: '答复问题反馈' });
  await answer.getByLabel('答复内容').fill('检验到期前一个月向检验机构申报');
  await answer.getByRole('button', { name: '答复', exact: true }).click();
  await expect(answer).toBeHidden();
  await expect(first).toHaveAttribute('data-state', 'answered');
  await expect(first).toContainText('答复（陈志华，');
  await first.getByRole('button', { name: '办结' }).click();
  const close = app.getByRole('dialog', { name: '办结问题反馈' });
  await close.getByRole('button', { name: '办结', exact: true }).click();
  await expect(close).toBeHidden();
  await expect(first).toHaveAttribute('data-state', 'closed');
  await expect(first.getByRole('button')).toHaveCount(0);

  await register('锅炉房安全阀铅封缺失');
  const second = rows.filter({ hasText: '锅炉房安全阀铅封缺失' }).first();
  await second.getByRole('button', { name: '转为隐患' }).click();
  const toHazard = app.getByRole('dialog', { name: '把问题反馈登记为隐患' });
  await expect(toHazard.getByLabel(/隐患描述/)).toHaveValue('锅炉房安全阀铅封缺失');
  await toHazard.getByRole('button', { name: '转为隐患', exact: true }).click();
  await expect(toHazard).toBeHidden();
  await expect(second).toHaveAttribute('data-state', 'hazard');
  await expect(second.getByRole('link')).toHaveText('隐患：锅炉房安全阀铅封缺失（发现）');
  // a report that became a hazard closes only once the hazard is closed
  await expect(second.getByRole('button', { name: '办结' })).toHaveCount(0);

  // received 2, open 1 (the hazard's), answered 1 (the closed one was answered), turned into a hazard 1, closed 1
  const byManager = panel.getByTestId('feedback-by-manager').locator(`tr[data-manager="${name}"]`);
  await expect(byManager.locator('td')).toHaveText([name, unit, '塘桥第1组', '2', '1', '1', '1', '1']);

  // the hazard names the manager as its reporter
  await second.getByRole('link').click();
  await expect(app.getByTestId('hz-source')).toHaveText(`来源：安全管理员问题反馈（报告人：${name}）`);

  // the supervisor's work: active, two reports; a manual entry joins the log
  await chain.goto();
  await app.getByRole('link', { name: '监督员工作' }).click();
  const row = app.getByTestId('supervisor-work').locator(`tr[data-supervisor="${name}"]`);
  await expect(row).toHaveAttribute('data-active', 'yes');
  await expect(row).toContainText('反馈 2，会议 1');
  await expect(row).toContainText('活跃');
  await row.getByRole('button', { name: `工作记录：${name}` }).click();
  const log = app.getByRole('dialog', { name: `${name}的工作记录` });
  await expect(log.getByTestId('supervisor-log').locator('li[data-source="feedback"]')).toHaveCount(2);
  await expect(log.getByTestId('supervisor-log').locator('li[data-source="meeting"]')).toHaveCount(1);
  await log.getByLabel('工作类型').selectOption({ label: '培训' });
  await log.getByLabel('工作内容').fill('参加小组交流学习并讲解叉车安全操作');
  await log.getByRole('button', { name: '登记工作' }).click();
  await expect(log.getByTestId('supervisor-log').locator('li[data-source="manual"]')).toContainText('参加小组交流学习并讲解叉车安全操作');
  await log.getByRole('button', { name: '关闭', exact: true }).first().click();
  await expect(row).toContainText('其他 1');

  const saved = JSON.parse(await cli(['call', 'chain.feedback', '--db', workspace.databaseFile, '--input', '{}', '--json'])) as { items: Array<{ state: string; content: string; managerName: string }> };
  expect(saved.items.map((f) => [f.content, f.state, f.managerName]).sort()).toEqual([
    ['叉车年度检验日期如何安排？', 'closed', name],
    ['锅炉房安全阀铅封缺失', 'hazard', name],
  ]);
});
