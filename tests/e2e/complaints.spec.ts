import { expect, test } from './fixtures.ts';
import { gotoArea } from './pages/shell.ts';

// 投诉举报 at the 塘桥 office: a 12345 call from a named reporter is registered against a
// unit of the ledger; the register shows the reporter masked, the detail in full; the
// complaint is handled as 查实, a national level-1 reward on ¥200,000 of fines is
// proposed (¥10,000, its basis shown as the fines are typed), approved, and the
// printable approval form shows the amount in capitals.

test.use({ sample: { units: 3, seed: 7 } });

const reporter = { name: '王小明', phone: '13812345678', idNumber: '11010519491231002X', address: '张家港市塘桥镇人民路 8 号' };

test('register a 12345 complaint, handle it as 查实, propose and approve a ¥10,000 reward, print the approval form', async ({ app, workspace }) => {
  test.setTimeout(120_000);
  const unit = workspace.sample!.units[0]!;
  await gotoArea(app, '投诉举报');
  await expect(app.getByText('没有符合条件的投诉举报。')).toBeVisible();

  // ---- register: 12345, a named reporter, a unit found in the ledger
  await app.getByRole('button', { name: '登记投诉举报' }).click();
  const dialog = app.getByRole('dialog', { name: '登记投诉举报' });
  await dialog.getByLabel('受理渠道').selectOption('12345');
  await dialog.getByLabel('举报人姓名').fill(reporter.name);
  await dialog.getByLabel('联系电话').fill(reporter.phone);
  await dialog.getByLabel('身份证号').fill(reporter.idNumber);
  await dialog.getByLabel('联系地址').fill(reporter.address);
  await dialog.getByLabel('举报内容').fill('该公司叉车司机无证驾驶，叉车超期未检仍在使用');
  await dialog.getByLabel('被举报单位（在台账中查找）').fill(unit.name);
  const picked = `${unit.name}（${unit.uscc}）`;
  await expect(dialog.getByLabel('台账中的单位').locator('option', { hasText: picked })).toHaveCount(1);
  await dialog.getByLabel('台账中的单位').selectOption({ label: picked });
  await dialog.getByRole('button', { name: '登记', exact: true }).click();

  // ---- the detail: the only place with the reporter in full
  const view = app.getByTestId('complaint-view');
  const panel = view.getByTestId('complaint-reporter');
  await expect(panel.getByRole('heading', { name: '举报人（完整信息，仅本机可见）' })).toBeVisible();
  for (const value of Object.values(reporter)) await expect(panel).toContainText(value);
  await expect(view).toContainText(unit.name);

  // ---- the register: masked
  await view.getByRole('link', { name: '返回登记簿' }).click();
  const grid = app.getByTestId('complaints-register');
  await expect(grid.locator('.ag-row')).toHaveCount(1);
  const row = grid.locator('.ag-row').first();
  await expect(row.locator('[col-id="reporter"]')).toHaveText('王**');
  await expect(row.locator('[col-id="channel"]')).toHaveText('12345');
  await expect(row.locator('[col-id="state"]')).toHaveText('已登记');
  await expect(grid).not.toContainText(reporter.name);
  await expect(app.locator('body')).not.toContainText(reporter.phone);
  await app.getByRole('searchbox', { name: '搜索' }).fill('叉车');
  await expect(grid.locator('.ag-row')).toHaveCount(1);
  await row.getByRole('link', { name: /叉车司机无证驾驶/ }).click();

  // ---- handled as 查实
  await view.getByRole('button', { name: '记录处理情况' }).click();
  const handle = app.getByRole('dialog', { name: '记录处理情况' });
  await handle.getByLabel('处理情况').fill('现场检查属实，已责令停用并立案查处，罚款 20 万元');
  await handle.getByLabel('处理结果').selectOption({ label: '查实' });
  await handle.getByRole('button', { name: '保存' }).click();
  await expect(app.getByRole('status')).toHaveText('已记录处理情况');
  await expect(view.locator('.page-header .badge').first()).toHaveText('已办结');

  // ---- a national level-1 reward on ¥200,000: the proposal follows the typing
  await view.getByRole('button', { name: '提出奖励' }).click();
  const propose = app.getByRole('dialog', { name: '提出举报奖励' });
  await expect(propose.getByLabel('奖励标准')).toHaveValue('national');
  await expect(propose.getByLabel('奖励等级')).toHaveValue('1');
  const preview = propose.getByTestId('reward-preview');
  await expect(preview).toContainText('5,000.00 元'); // no fines yet: the minimum
  await propose.getByLabel('罚款（元）').fill('200000');
  await expect(preview).toContainText('建议奖励金额：10,000.00 元');
  await expect(preview).toContainText('罚没款 200,000.00 元 × 5% = 10,000.00 元，不低于 5,000.00 元');
  await propose.getByRole('button', { name: '提出', exact: true }).click();
  await expect(app.getByRole('status')).toHaveText('已提出奖励：10,000.00 元');

  // ---- approved by a person
  const reward = view.getByRole('article', { name: /举报奖励/ });
  await expect(reward.getByTestId('reward-proposed')).toHaveText('10,000.00 元');
  await reward.getByRole('button', { name: '审批' }).click();
  const approve = app.getByRole('dialog', { name: '审批举报奖励' });
  await approve.getByLabel('审批人').fill('李局长');
  await approve.getByRole('button', { name: '批准' }).click();
  await expect(app.getByRole('status')).toHaveText('已批准奖励：10,000.00 元');
  await expect(reward.getByTestId('reward-approved')).toContainText('10,000.00 元（李局长，');
  await expect(reward.locator('.badge')).toHaveText('已审批');
  await expect(view.getByRole('button', { name: '提出奖励' })).toHaveCount(0);

  // ---- the approval form: amounts in figures and capitals, the reporter masked, signature lines
  await reward.getByRole('link', { name: '打印审批表' }).click();
  const form = app.getByTestId('reward-form');
  await expect(form.getByRole('heading', { name: '举报奖励审批表' })).toBeVisible();
  await expect(form).toContainText('张家港市市场监督管理局塘桥分局');
  await expect(form.getByTestId('form-proposed')).toHaveText('10,000.00 元人民币（大写）壹万元整');
  await expect(form.getByTestId('form-approved')).toHaveText('10,000.00 元人民币（大写）壹万元整');
  await expect(form).toContainText('依据国市监稽规〔2021〕4号（一级）：罚没款 200,000.00 元 × 5% = 10,000.00 元，不低于 5,000.00 元');
  await expect(form).toContainText('王**');
  await expect(form).not.toContainText(reporter.name);
  for (const line of ['承办人意见', '审核意见', '审批意见', '领奖人签字']) await expect(form).toContainText(line);
  // the print dialog is the browser's; the spec only notes that it was asked for
  await app.evaluate(() => {
    window.print = () => document.body.setAttribute('data-printed', 'yes');
  });
  await app.getByRole('toolbar', { name: '举报奖励审批表' }).getByRole('button', { name: '打印' }).click();
  await expect(app.locator('body')).toHaveAttribute('data-printed', 'yes');
});
