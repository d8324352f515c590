import type { Locator, Page } from '@playwright/test';
import { cli, expect, test } from './fixtures.ts';

// The form kit on real pages: a limit is shown as a counter and never cuts what was
// typed; a save refused for several reasons names every one at once; an impossible
// phone and a negative amount are refused with a message at their field.

test.use({ sample: { units: 2, seed: 5 } });

/** The field around a control, for its counter and its message ("has" looks inside each field). */
const fieldOf = (scope: Locator, page: Page, label: string) => scope.locator('.field').filter({ has: page.getByLabel(label, { exact: false }) });

const complaintsCount = async (databaseFile: string) => (JSON.parse(await cli(['call', 'complaints.list', '--db', databaseFile])) as unknown[]).length;

test('complaint text: a visible 4,000 counter, text past it kept and refused, every problem of the save shown at once', async ({ app, workspace }) => {
  const unit = workspace.sample!.units[0]!;
  await app.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '投诉举报' }).click();
  await app.getByRole('button', { name: '登记投诉举报' }).click();
  const dialog = app.getByRole('dialog', { name: '登记投诉举报' });
  const content = dialog.getByLabel('举报内容');
  const field = fieldOf(dialog, app, '举报内容');
  await expect(field.getByTestId('field-counter')).toHaveText('0 / 4000');
  await content.fill('叉'.repeat(4001));
  // nothing cut: all 4,001 characters stay, the counter and the message say by how much it is over
  await expect(content).toHaveValue('叉'.repeat(4001));
  await expect(field.getByTestId('field-counter')).toHaveText('4001 / 4000');
  await expect(field.locator('.field-error')).toHaveText('超出 1 个字，请删减（最多 4000 个字）');

  await dialog.getByLabel('联系电话').fill('12');
  await dialog.getByRole('button', { name: '登记', exact: true }).click();
  // both problems of the contract at once, each at its field, and listed together
  await expect(fieldOf(dialog, app, '联系电话').locator('.field-error')).toContainText('电话号码格式不正确');
  await expect(field.locator('.field-error')).toContainText('超出 1 个字');
  await expect(dialog.getByTestId('form-errors')).toContainText('有 2 处需要修改');
  expect(await complaintsCount(workspace.databaseFile)).toBe(0);

  // fixed; now the register's own checks, again all at once: no reporter named, no unit chosen
  await content.fill('叉'.repeat(4000));
  await expect(field.getByTestId('field-counter')).toHaveText('4000 / 4000');
  await dialog.getByLabel('联系电话').fill('0512-58123456');
  await dialog.getByRole('button', { name: '登记', exact: true }).click();
  await expect(fieldOf(dialog, app, '举报人姓名').locator('.field-error')).toHaveText('请填写举报人姓名，或选择“匿名举报”。');
  await expect(dialog.getByTestId('form-errors')).toContainText('请选择被举报的使用单位，或填写单位名称。');
  expect(await complaintsCount(workspace.databaseFile)).toBe(0);

  await dialog.getByLabel('举报人姓名').fill('王小明');
  await dialog.getByLabel('被举报单位（在台账中查找）').fill(unit.name);
  await dialog.getByLabel('台账中的单位').selectOption({ label: `${unit.name}（${unit.uscc}）` });
  await dialog.getByRole('button', { name: '登记', exact: true }).click();
  await expect(dialog).toBeHidden();
  const saved = JSON.parse(await cli(['call', 'complaints.list', '--db', workspace.databaseFile])) as Array<{ content: string }>;
  expect(saved.map((c) => c.content.length)).toEqual([4000]);
});

test('inspector: the 30-character name counts and is refused past it together with an impossible phone', async ({ app, workspace }) => {
  await app.getByRole('navigation').getByRole('link', { name: '工作联系（链）', exact: true }).click();
  await app.getByRole('button', { name: '新增监察人员' }).click();
  const dialog = app.getByRole('dialog', { name: '新增监察人员' });
  const name = dialog.getByLabel('姓名');
  const nameField = fieldOf(dialog, app, '姓名');
  await name.fill('陈'.repeat(31));
  await expect(name).toHaveValue('陈'.repeat(31));
  await expect(nameField.getByTestId('field-counter')).toHaveText('31 / 30');
  await dialog.getByLabel('联系电话').fill('12');
  await dialog.getByRole('button', { name: '保存', exact: true }).click();
  await expect(fieldOf(dialog, app, '联系电话').locator('.field-error')).toContainText('电话号码格式不正确');
  await expect(dialog.getByTestId('form-errors')).toContainText('有 2 处需要修改');
  await expect(dialog.getByTestId('form-errors')).toContainText('姓名不能超过 30 个字符');
  await name.fill('陈'.repeat(30));
  await dialog.getByLabel('联系电话').fill('13912345678');
  await dialog.getByRole('button', { name: '保存', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(app.getByTestId('inspectors-table').locator(`tr[data-inspector="${'陈'.repeat(30)}"]`)).toBeVisible();
  const inspectors = JSON.parse(await cli(['call', 'inspectors.list', '--db', workspace.databaseFile])) as Array<{ name: string; phone: string }>;
  expect(inspectors).toEqual([expect.objectContaining({ name: '陈'.repeat(30), phone: '13912345678' })]);
});

test('reward: a negative fine is refused at its field with a message, and the reward cannot be proposed until it is fixed', async ({ app, workspace }) => {
  const unit = workspace.sample!.units[1]!;
  const db = ['--db', workspace.databaseFile];
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  const { rows } = JSON.parse(await cli(['call', 'units.query', ...db, '--input', JSON.stringify({ search: unit.name })])) as { rows: Array<{ id: string }> };
  const created = JSON.parse(await cli(['call', 'complaints.create', ...db, '--input', JSON.stringify({ receivedOn: today, channel: 'phone', reporter: { name: '李四' }, content: '电梯困人', unitId: rows[0]!.id })])) as { id: string; version: number };
  await cli(['call', 'complaints.handle', ...db, '--input', JSON.stringify({ id: created.id, version: created.version, handlingResult: '查实，已罚款', outcome: 'substantiated' })]);

  await app.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '投诉举报' }).click();
  await app.getByTestId('complaints-register').getByRole('link', { name: /电梯困人/ }).click();
  await app.getByTestId('complaint-view').getByRole('button', { name: '提出奖励' }).click();
  const propose = app.getByRole('dialog', { name: '提出举报奖励' });
  const fines = propose.getByLabel('罚款（元）');
  await fines.fill('-100');
  await expect(fieldOf(propose, app, '罚款（元）').locator('.field-error')).toContainText('金额应为不小于 0 的元数');
  await expect(propose.getByRole('button', { name: '提出', exact: true })).toBeDisabled();
  await fines.fill('200000');
  await expect(propose.getByTestId('reward-preview')).toContainText('建议奖励金额：10,000.00 元');
  await expect(propose.locator('.field-error')).toHaveCount(0);
  await propose.getByRole('button', { name: '提出', exact: true }).click();
  await expect(app.getByRole('status')).toHaveText('已提出奖励：10,000.00 元');
  // the approval form names the 经办人 on the 承办人 line; the review and approval lines stay for hand signatures
  await app.getByTestId('complaint-view').getByRole('article', { name: /举报奖励/ }).getByRole('link', { name: '打印审批表' }).click();
  const opinions = app.getByTestId('reward-form').locator('.complaint-opinion');
  await expect(opinions.filter({ hasText: '承办人意见' })).toContainText('签字：（王敏）');
  await expect(opinions.filter({ hasText: '审核意见' })).not.toContainText('王敏');
});
