import { expect, test } from './fixtures.ts';
import { gotoArea } from './pages/shell.ts';

// 投诉举报 at the 塘桥 office: a 12345 call from a named reporter is registered against a
// unit of the ledger; the register shows the reporter masked, the detail in full; the
// complaint is handled as 查实, a national level-1 reward on ¥200,000 of fines is
// proposed (¥10,000, its basis shown as the fines are typed), approved, and the
// printable approval form shows the amount in capitals. On the way a first proposal is
// refused (不予奖励, with its reason) and the approved one is registered as paid.

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

  // ---- 不予奖励: the reason is required at its field; Esc leaves the proposal as it was
  const first = view.getByRole('article', { name: /举报奖励/ });
  await first.getByRole('button', { name: '不予奖励' }).click();
  const reject = app.getByRole('dialog', { name: '不予奖励' });
  await expect(reject).toContainText('不予奖励后该笔奖励不能恢复');
  await reject.getByRole('button', { name: '确认不予奖励' }).click();
  await expect(reject.getByLabel('不予奖励的理由')).toHaveAttribute('aria-invalid', 'true');
  await expect(reject.getByLabel('不予奖励的理由')).toHaveAccessibleDescription(/请填写不予奖励的理由/);
  await reject.press('Escape');
  await expect(reject).toBeHidden();
  await expect(first.locator('.badge')).toHaveText('待审批');
  await first.getByRole('button', { name: '不予奖励' }).click();
  await reject.getByLabel('不予奖励的理由').fill('举报人系该公司离职员工，线索已由内部核查先行掌握');
  await reject.getByRole('button', { name: '确认不予奖励' }).click();
  await expect(reject).toBeHidden();
  await expect(app.getByRole('status')).toHaveText('已不予奖励');
  await expect(first.locator('.badge')).toHaveText('不予奖励');
  await expect(first).toContainText('不予奖励理由举报人系该公司离职员工，线索已由内部核查先行掌握');
  await expect(first.getByRole('button', { name: '审批' })).toHaveCount(0);

  // ---- a new proposal may be made after a rejection
  await view.getByRole('button', { name: '提出奖励' }).click();
  await propose.getByLabel('罚款（元）').fill('200000');
  await expect(preview).toContainText('建议奖励金额：10,000.00 元');
  await propose.getByRole('button', { name: '提出', exact: true }).click();
  await expect(app.getByRole('status')).toHaveText('已提出奖励：10,000.00 元');
  await expect(view.getByRole('article', { name: /举报奖励/ })).toHaveCount(2);

  // ---- approved by a person
  const reward = view.getByRole('article', { name: /举报奖励/ }).filter({ hasNotText: '不予奖励理由' });
  await expect(reward.getByTestId('reward-proposed')).toHaveText('10,000.00 元');
  await reward.getByRole('button', { name: '审批' }).click();
  const approve = app.getByRole('dialog', { name: '审批举报奖励' });
  await approve.getByLabel('审批人').fill('李局长');
  await approve.getByRole('button', { name: '批准' }).click();
  await expect(app.getByRole('status')).toHaveText('已批准奖励：10,000.00 元');
  await expect(reward.getByTestId('reward-approved')).toContainText('10,000.00 元（李局长，');
  await expect(reward.locator('.badge')).toHaveText('已审批');
  await expect(view.getByRole('button', { name: '提出奖励' })).toHaveCount(0);

  // ---- 登记发放: a day before the approval is refused at its field, today's is recorded
  await reward.getByRole('button', { name: '登记发放' }).click();
  const paid = app.getByRole('dialog', { name: '登记奖励发放' });
  const paidOn = paid.getByLabel('发放日期');
  const today = await paidOn.inputValue();
  await paidOn.fill('2020-01-02');
  await paid.getByLabel('发放说明（如转账凭证号）').fill('转账凭证 ZJG-2026-0088');
  await paid.getByRole('button', { name: '登记发放' }).click();
  await expect(paidOn).toHaveAttribute('aria-invalid', 'true');
  await expect(paidOn).toHaveAccessibleDescription(new RegExp(`发放日期不能早于审批日期（${today}）`));
  await expect(reward.locator('.badge')).toHaveText('已审批');
  await paidOn.fill(today);
  await paid.getByRole('button', { name: '登记发放' }).click();
  await expect(paid).toBeHidden();
  await expect(app.getByRole('status')).toHaveText('已登记发放');
  await expect(reward.locator('.badge')).toHaveText('已发放');
  await expect(reward).toContainText(`发放${today}，转账凭证 ZJG-2026-0088`);
  await expect(reward.getByRole('button', { name: '登记发放' })).toHaveCount(0);

  // ---- the approval form: amounts in figures and capitals, the reporter masked, signature lines
  await reward.getByRole('link', { name: '打印审批表' }).click();
  const form = app.getByTestId('reward-form');
  await expect(form.getByRole('heading', { name: '举报奖励审批表' })).toBeVisible();
  await expect(form).toContainText('张家港市市场监督管理局塘桥分局');
  await expect(form.getByTestId('form-proposed')).toHaveText('10,000.00 元人民币（大写）壹万元整');
  await expect(form.getByTestId('form-approved')).toHaveText('10,000.00 元人民币（大写）壹万元整');
  await expect(form).toContainText('依据国市监稽规〔2021〕4号（一级）：罚没款 200,000.00 元 × 5% = 10,000.00 元，不低于 5,000.00 元');
  await expect(form).toContainText('王**');
  await expect(form).toContainText(`已于 ${today} 发放`);
  await expect(form).not.toContainText(reporter.name);
  for (const line of ['承办人意见', '审核意见', '审批意见', '领奖人签字']) await expect(form).toContainText(line);
  // the print dialog is the browser's; the spec only notes that it was asked for
  await app.evaluate(() => {
    window.print = () => document.body.setAttribute('data-printed', 'yes');
  });
  await app.getByRole('toolbar', { name: '举报奖励审批表' }).getByRole('button', { name: '打印' }).click();
  await expect(app.locator('body')).toHaveAttribute('data-printed', 'yes');
});

test('奖励标准与处理期限: a wrong period is refused at its field, a saved one becomes the new complaints’ default', async ({ app }) => {
  await gotoArea(app, '投诉举报');
  await app.getByRole('button', { name: '奖励标准与期限' }).click();
  const settings = app.getByRole('dialog', { name: '奖励标准与处理期限' });
  const days = settings.getByLabel('默认处理期限（工作日）');
  await expect(days).toHaveValue('15');
  await days.fill('0');
  await settings.getByRole('button', { name: '保存' }).click();
  await expect(days).toHaveAttribute('aria-invalid', 'true');
  await expect(days).toHaveAccessibleDescription(/处理期限应为 1 到 365 个工作日/);
  // a rate that is no number: the message names what to fix, nothing is saved
  await days.fill('20');
  await settings.getByLabel('本地奖励标准 一级 比例（%）').fill('五');
  await settings.getByRole('button', { name: '保存' }).click();
  await expect(settings.getByRole('alert').filter({ hasText: '请填写有效的数字' })).toBeVisible();
  await settings.getByRole('button', { name: '取消' }).click();
  await expect(settings).toBeHidden();
  await app.getByRole('button', { name: '登记投诉举报' }).click();
  const register = app.getByRole('dialog', { name: '登记投诉举报' });
  await expect(register).toContainText('留空则为受理后 15 个工作日');
  await register.getByRole('button', { name: '取消' }).click();

  await app.getByRole('button', { name: '奖励标准与期限' }).click();
  await expect(days).toHaveValue('15');
  await expect(settings.getByLabel('本地奖励标准 一级 比例（%）')).not.toHaveValue('五');
  await days.fill('20');
  await settings.getByRole('button', { name: '保存' }).click();
  await expect(settings).toBeHidden();
  await expect(app.getByRole('status')).toHaveText('已保存奖励标准与处理期限');
  await app.getByRole('button', { name: '登记投诉举报' }).click();
  await expect(register).toContainText('留空则为受理后 20 个工作日');
});

test.describe('on the bureau', () => {
  test.use({ nodeRole: 'bureau', sample: null });

  test('the settings are shown read-only: every field disabled, one 关闭 button', async ({ app }) => {
    await gotoArea(app, '投诉举报');
    await expect(app.getByRole('button', { name: '登记投诉举报' })).toHaveCount(0);
    await app.getByRole('button', { name: '奖励标准与期限' }).click();
    const settings = app.getByRole('dialog', { name: '奖励标准与处理期限' });
    const days = settings.getByLabel('默认处理期限（工作日）');
    await expect(days).toHaveValue('15');
    await expect(days).toBeDisabled();
    await expect(settings.getByLabel('本地奖励标准 一级 比例（%）')).toBeDisabled();
    await expect(settings.getByRole('button', { name: '保存' })).toHaveCount(0);
    await expect(settings.getByRole('button', { name: '取消' })).toHaveCount(0);
    await settings.getByRole('button', { name: '关闭' }).click();
    await expect(settings).toBeHidden();
  });
});
