import { expect, test } from './fixtures.ts';
import { UnitsPage } from './pages/units-page.ts';

test('the shell names the node and every mission area; each opens its page', async ({ app }) => {
  await expect(app.getByTestId('node-label')).toHaveText('本机：塘桥分局（分局）');
  const nav = app.getByRole('navigation', { name: '主导航' });
  for (const area of ['概览', '使用单位', '特种设备', '安全管理员', '两项清单', '台账导入', '安全管理小组（块）', '工作联系（链）', '示范单位验收', '培训考核', '数据包交换', '设置', '密钥与信任']) {
    await expect(nav.getByRole('link', { name: area })).toBeVisible();
  }
  await expect(nav).toContainText('辖区与台账');

  await nav.getByRole('link', { name: '培训考核' }).click();
  await expect(app).toHaveURL(/#\/training$/);
  await expect(app.getByRole('heading', { name: '培训考核', level: 1 })).toBeVisible();
  await expect(nav.getByRole('link', { name: '培训考核' })).toHaveAttribute('aria-current', 'page');
  // a district office sees its own work: no sessions yet, and it may start one
  await expect(app.getByText('尚无培训班')).toBeVisible();
  await expect(app.getByRole('button', { name: '新建培训班' })).toBeVisible();
});

test('keyboard: Tab reaches the navigation, Ctrl+N opens 新增, Esc closes it', async ({ app }) => {
  const units = new UnitsPage(app);
  await units.goto();
  await app.locator('body').click({ position: { x: 5, y: 5 } });
  // the header comes first: the 经办人 and its 切换
  await app.keyboard.press('Tab');
  await expect(app.getByRole('banner').getByRole('button', { name: /切换/ })).toBeFocused();
  await app.keyboard.press('Tab');
  await expect(app.getByRole('navigation').getByRole('link', { name: '概览' })).toBeFocused();
  await app.keyboard.press('Tab');
  await expect(app.getByRole('navigation').getByRole('link', { name: '使用单位' })).toBeFocused();
  await app.keyboard.press('Tab');
  await expect(app.getByRole('navigation').getByRole('link', { name: '特种设备' })).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { name: '特种设备', level: 1 })).toBeVisible();

  await units.goto();
  await app.keyboard.press('Control+n');
  await expect(units.dialog).toBeVisible();
  await expect(units.dialog.getByRole('heading')).toHaveText('新增使用单位');
  await expect(units.field('name')).toBeFocused();
  await app.keyboard.press('Escape');
  await expect(units.dialog).toBeHidden();
});

test.describe('设置 on a district node', () => {
  test('shows the identity and the district list read-only', async ({ app }) => {
    await app.getByRole('link', { name: '设置' }).click();
    const identity = app.getByTestId('node-identity');
    await expect(identity).toContainText('塘桥分局');
    await expect(identity).toContainText('分局');
    await expect(app.getByText('浏览器模式（开发与测试）')).toBeVisible();
    await expect(app.getByText('分局列表由市局维护，本机只读')).toBeVisible();
    const grid = app.getByTestId('districts-grid');
    await expect(grid.locator('.ag-row[row-index]')).not.toHaveCount(0);
    await expect(grid.locator('.ag-row [col-id="name"]', { hasText: '塘桥' })).toBeVisible();
    await expect(app.getByRole('button', { name: '新增分局' })).toHaveCount(0);
  });
});

test.describe('设置 on the bureau node', () => {
  test.use({ nodeRole: 'bureau' });

  test('the bureau adds and renames a district', async ({ app, workspace }) => {
    await expect(app.getByTestId('node-label')).toHaveText('本机：市局特设科（市局）');
    await app.getByRole('link', { name: '设置' }).click();
    await expect(app.getByText('分局列表由本机（市局）维护')).toBeVisible();
    const grid = app.getByTestId('districts-grid');
    const row = (name: string) => grid.locator('.ag-row[row-index]').filter({ has: app.locator('[col-id="name"]', { hasText: new RegExp(`^${name}$`) }) });

    await app.getByRole('button', { name: '新增分局' }).click();
    const dialog = app.getByRole('dialog');
    await dialog.getByLabel('分局名称').fill('高新区');
    await dialog.getByLabel('分局名称').press('Enter');
    await expect(dialog).toBeHidden();
    await expect(row('高新区')).toHaveCount(1);

    await row('高新区').locator('[col-id="name"]').click();
    await app.getByRole('button', { name: '修改', exact: true }).click();
    await dialog.getByLabel('分局名称').fill('高新技术开发区');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();
    await expect(row('高新技术开发区')).toHaveCount(1);
    await expect(row('高新区')).toHaveCount(0);
    expect((await workspace.stats()).districts).toBe(17);

    // A duplicate name is refused with the core's message, at the field.
    await app.getByRole('button', { name: '新增分局' }).click();
    await dialog.getByLabel('分局名称').fill('塘桥');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('已有名为“塘桥”的分局');
  });
});

test('the interface switches to English and back', async ({ app }) => {
  await app.getByRole('link', { name: '设置' }).click();
  await app.getByRole('combobox', { name: '界面语言' }).selectOption('en');
  await expect(app.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await app.getByRole('link', { name: 'Units' }).click();
  await expect(app.getByRole('columnheader', { name: 'Unified social credit code' })).toBeVisible();
  await app.getByRole('link', { name: 'Settings' }).click();
  await app.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(app.getByRole('heading', { name: '设置', level: 1 })).toBeVisible();
});
