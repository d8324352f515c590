import { expect, test } from './fixtures.ts';
import { FirstStartPage } from './pages/first-start-page.ts';

test.describe('首次启动', () => {
  test.use({ initialised: false });

  test('an uninitialised database asks who this node is, then lands in the app', async ({ app, workspace }) => {
    const firstStart = new FirstStartPage(app);
    await firstStart.expectShown();

    // 分局 needs its district and the person setting up: every missing field is named at once, nothing is created.
    await firstStart.chooseRole('分局');
    await firstStart.fillName('塘桥分局');
    await firstStart.submit();
    const fieldErrors = app.locator('.field-error');
    await expect(fieldErrors.filter({ hasText: '请选择本分局所管辖的分局' })).toBeVisible();
    await expect(fieldErrors.filter({ hasText: '请填写您的姓名' })).toBeVisible();
    await expect(fieldErrors.filter({ hasText: '请填写您的职务（如科长、监察员、办事员）' })).toBeVisible();
    await expect(app.getByTestId('form-errors')).toContainText('有 3 处需要修改');
    await firstStart.expectShown();
    await firstStart.fillOperator('张丽', '科长');

    await firstStart.chooseDistrict('塘桥');
    // the keys are made now: a passphrase of 8+ characters, twice, with the warning that it cannot be recovered
    await expect(app.getByText('口令丢失后无法找回，请妥善保管')).toBeVisible();
    await firstStart.fillPassphrase('short');
    await firstStart.submit();
    await expect(app.getByText('口令至少需要 8 个字符')).toBeVisible();
    await firstStart.fillPassphrase('塘桥分局口令 2026', '塘桥分局口令 2027');
    await firstStart.submit();
    await expect(app.getByText('两次输入的口令不一致')).toBeVisible();
    await firstStart.fillPassphrase('塘桥分局口令 2026');
    await firstStart.submit();

    await expect(app.getByTestId('node-label')).toHaveText('本机：塘桥分局（分局）');
    // the person who set up is the 经办人, shown in the header
    await expect(app.getByTestId('operator-label')).toContainText('经办人：张丽（科长）');
    await expect(app.getByRole('heading', { name: '使用单位', level: 1 })).toBeVisible();
    await expect(app.getByTestId('units-total')).toHaveText('共 0 家');

    // The identity is stored: a reload goes straight to the app, and 设置 shows it.
    await app.reload();
    await expect(app.getByTestId('node-label')).toHaveText('本机：塘桥分局（分局）');
    await app.getByRole('link', { name: '设置' }).click();
    await expect(app.getByTestId('node-identity')).toContainText('塘桥分局');
    await expect(app.getByTestId('node-identity')).toContainText('塘桥');
    await expect(app.getByTestId('staff-section').locator('tbody tr')).toHaveText([/张丽（当前经办人）\s*科长\s*在用/]);
    // and its keys exist: the fingerprint is on 密钥与信任
    await app.getByRole('link', { name: '密钥与信任' }).click();
    await expect(app.getByTestId('own-fingerprint')).toHaveText(/^\d{5}( \d{5}){7}$/);
    expect((await workspace.stats()).units).toBe(0);
  });

  test('choosing a district proposes the node name', async ({ app }) => {
    const firstStart = new FirstStartPage(app);
    await firstStart.expectShown();
    await firstStart.chooseDistrict('东城');
    await expect(app.getByLabel('本节点名称')).toHaveValue('东城分局');
  });
});
