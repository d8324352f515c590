import { expect, test } from './fixtures.ts';
import { UnitsPage } from './pages/units-page.ts';

const validA = { name: '张家港市华润燃气有限公司', uscc: '91330100716105852F', address: '塘桥镇人民中路 88 号', contactPerson: '王建国', contactPhone: '13812345678' };
const validB = { name: '江苏沙钢物流有限公司', uscc: '91110000600037341L', address: '锦丰镇沙钢大道 1 号', contactPerson: '李明', contactPhone: '0512-58561234' };

test('adds a unit with a valid credit code; it survives a reload and is in the database', async ({ app, workspace }) => {
  const units = new UnitsPage(app);
  await units.goto();
  await expect(units.total).toHaveText('共 0 家');
  await expect(units.empty).toBeVisible();

  await units.button('新增').click();
  // 所属分局 defaults to this node's district.
  await expect(units.dialog.getByLabel('所属分局')).toHaveValue('seed-district-03');
  await expect(units.dialog.getByLabel('所属分局').locator('option:checked')).toHaveText('塘桥');
  await units.fill(validA);
  // Enter submits the form.
  await units.field('contactPhone').press('Enter');
  await expect(units.dialog).toBeHidden();

  await expect(units.row(validA.name)).toHaveCount(1);
  await expect(units.total).toHaveText('共 1 家');
  await expect(units.status).toHaveText(`已新增“${validA.name}”`);
  await expect(units.cell(validA.name, 'uscc')).toHaveText(validA.uscc);
  await expect(units.cell(validA.name, 'districtName')).toHaveText('塘桥');
  await expect(units.cell(validA.name, 'equipmentInUse')).toHaveText('0');
  // People's mobile numbers are masked in the list.
  await expect(units.cell(validA.name, 'contactPhone')).toHaveText('138****5678');
  await expect(units.cell(validA.name, 'updatedAt')).toHaveText(/^\d{4}-\d{2}-\d{2}$/);

  await app.reload();
  await expect(units.row(validA.name)).toHaveCount(1);
  await expect(units.total).toHaveText('共 1 家');
  expect((await workspace.stats()).units).toBe(1);
});

test('an invalid credit code shows the core’s Chinese message at the field and saves nothing', async ({ app, workspace }) => {
  const units = new UnitsPage(app);
  await units.goto();
  await units.button('新增').click();
  await units.fill({ name: '错误代码测试单位', uscc: '91330100716105852A' });
  await units.save();

  const error = units.dialog.getByRole('alert');
  await expect(error).toHaveText('统一社会信用代码校验位错误：第 18 位应为“F”，实际为“A”，请核对是否抄错');
  // The message sits at the credit-code field, which is marked invalid and focused.
  await expect(units.field('uscc')).toHaveAttribute('aria-invalid', 'true');
  await expect(units.field('uscc')).toBeFocused();
  await expect(units.dialog).toBeVisible();
  await expect(units.field('name')).toHaveValue('错误代码测试单位');

  // Esc closes the dialog; nothing was saved.
  await app.keyboard.press('Escape');
  await expect(units.dialog).toBeHidden();
  await expect(units.total).toHaveText('共 0 家');
  await expect(units.rows).toHaveCount(0);
  expect((await workspace.stats()).units).toBe(0);
});

test('edits a unit’s name (double-click opens the editor)', async ({ app, workspace }) => {
  const units = new UnitsPage(app);
  await units.goto();
  await units.addUnit(validA);

  await units.cell(validA.name, 'name').dblclick();
  await expect(units.dialog).toBeVisible();
  await expect(units.dialog.getByRole('heading')).toHaveText('编辑使用单位');
  await expect(units.field('name')).toHaveValue(validA.name);
  await expect(units.field('contactPhone')).toHaveValue(validA.contactPhone);
  await units.field('name').fill('张家港华润燃气塘桥供气站');
  await units.save();
  await expect(units.dialog).toBeHidden();

  await expect(units.row('张家港华润燃气塘桥供气站')).toHaveCount(1);
  await expect(units.row(validA.name)).toHaveCount(0);
  await expect(units.total).toHaveText('共 1 家');

  // A second edit of the same row works: the editor starts from the current version.
  await units.select('张家港华润燃气塘桥供气站');
  await units.button('编辑').click();
  await units.field('industry').fill('燃气供应');
  await units.save();
  await expect(units.dialog).toBeHidden();
  await expect(units.status).toHaveText('已保存“张家港华润燃气塘桥供气站”');
  expect((await workspace.stats()).units).toBe(1);
});

test('deletes a unit only after confirmation', async ({ app, workspace }) => {
  const units = new UnitsPage(app);
  await units.goto();
  await units.addUnit(validA);
  await units.addUnit(validB);
  await expect(units.total).toHaveText('共 2 家');

  await expect(units.button('删除')).toBeDisabled();
  await units.select(validB.name);
  await units.button('删除').click();
  await expect(units.dialog).toContainText(`确定删除使用单位“${validB.name}”吗？`);
  await expect(units.dialog).toContainText('其中在用 0 台');
  await expect(units.dialog).toContainText('0 名安全管理员将一并删除');

  // Cancel keeps it.
  await units.dialog.getByRole('button', { name: '取消' }).click();
  await expect(units.dialog).toBeHidden();
  await expect(units.row(validB.name)).toHaveCount(1);
  expect((await workspace.stats()).units).toBe(2);

  // Confirm removes it.
  await units.select(validB.name);
  await units.button('删除').click();
  await units.dialog.getByRole('button', { name: '确认删除' }).click();
  await expect(units.dialog).toBeHidden();
  await expect(units.row(validB.name)).toHaveCount(0);
  await expect(units.row(validA.name)).toHaveCount(1);
  await expect(units.total).toHaveText('共 1 家');
  await expect(units.status).toContainText(`已删除“${validB.name}”`);
  expect((await workspace.stats()).units).toBe(1);
});

test('search filters the grid; the district filter narrows it', async ({ app }) => {
  const units = new UnitsPage(app);
  await units.goto();
  await units.addUnit(validA);
  await units.addUnit(validB);
  await expect(units.total).toHaveText('共 2 家');

  await units.search.fill('沙钢');
  await expect(units.total).toHaveText('共 1 家');
  await expect(units.rows).toHaveCount(1);
  await expect(units.row(validB.name)).toHaveCount(1);

  // Credit codes are found in lower case too.
  await units.search.fill('91330100716105852f');
  await expect(units.rows).toHaveCount(1);
  await expect(units.row(validA.name)).toHaveCount(1);

  await units.search.fill('没有这个单位');
  await expect(units.total).toHaveText('共 0 家');
  await expect(units.rows).toHaveCount(0);
  await expect(units.empty).toHaveText('没有符合条件的使用单位');

  await units.search.fill('');
  await expect(units.total).toHaveText('共 2 家');
  await expect(units.rows).toHaveCount(2);

  await units.districtFilter.selectOption({ label: '东城' });
  await expect(units.total).toHaveText('共 0 家');
  await units.districtFilter.selectOption({ label: '塘桥' });
  await expect(units.total).toHaveText('共 2 家');
});

test('sorting by a header asks the core; only the contract’s sort columns are sortable', async ({ app }) => {
  const units = new UnitsPage(app);
  await units.goto();
  await units.addUnit(validA);
  await units.addUnit(validB);
  // Newest first by default.
  await expect.poll(() => units.names()).toEqual([validB.name, validA.name]);

  const header = (colId: string) => app.locator(`.ag-header-cell[col-id="${colId}"]`);
  await header('name').click();
  await expect(header('name')).toHaveAttribute('aria-sort', 'ascending');
  // by pinyin: 江 (jiang) before 张 (zhang), though 张 (U+5F20) comes first by code point
  await expect.poll(() => units.names()).toEqual([validB.name, validA.name]);
  await header('name').click();
  await expect(header('name')).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(() => units.names()).toEqual([validA.name, validB.name]);

  await expect(header('contactPerson')).not.toHaveClass(/ag-header-cell-sortable/);
  await expect(header('updatedAt')).toHaveClass(/ag-header-cell-sortable/);
});
