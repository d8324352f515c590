import { cli, expect, test } from './fixtures.ts';
import { UnitsPage } from './pages/units-page.ts';

// 经办人: the desk asks who works at start, shows them in the header with 切换, and
// every write carries that name into the audit log, never the computer account.
// This spec's host starts with nobody chosen (the other specs start as 王敏).

test.use({ operatorChosen: false });

const unitA = { name: '张家港市华润燃气有限公司', uscc: '91330100716105852F' };
const unitB = { name: '江苏沙钢物流有限公司', uscc: '91110000600037341L' };

const auditActors = async (databaseFile: string) => {
  const log = JSON.parse(await cli(['call', 'audit.list', '--db', databaseFile, '--input', '{"startRow":0,"endRow":50}'])) as { rows: Array<{ actor: string; call: string }> };
  return log.rows;
};

test('the start asks for the 经办人; a new person adds themselves; the header switches by keyboard; writes carry the name into the audit log', async ({ app, workspace, host }) => {
  // a write straight to the host before anyone is chosen is refused, and changes nothing
  const refused = await app.request.post(`${host.url}/api/units.create`, {
    headers: { 'x-qkl-token': host.token, 'content-type': 'application/json' },
    data: { districtId: 'seed-district-03', ...unitA },
  });
  expect(await refused.json()).toMatchObject({ ok: false, code: 'OPERATOR_REQUIRED', message: expect.stringContaining('请先选择经办人') });
  expect((await workspace.stats()).units).toBe(0);

  // the chooser lists the staff list (王敏 from qkl init) and offers 新增人员
  await expect(app.getByRole('heading', { name: '选择经办人', level: 1 })).toBeVisible();
  await expect(app.getByRole('button', { name: '选择 王敏' })).toContainText('科长');
  await app.getByRole('button', { name: '新增人员' }).click();
  const form = app.getByTestId('staff-form');
  // both empty fields are named at once, with their counters
  await form.getByRole('button', { name: '添加' }).click();
  await expect(form.locator('.field-error')).toHaveText(['请填写姓名', '请填写职务（如科长、监察员、办事员）']);
  await expect(form.getByTestId('form-errors')).toContainText('有 2 处需要修改');
  await form.getByLabel(/^姓名/).fill('李强');
  await expect(form.getByTestId('field-counter').first()).toHaveText('2 / 30');
  await form.getByLabel(/^职务/).fill('监察员');
  await form.getByRole('button', { name: '添加' }).click();

  // the person added is the 经办人
  const header = app.getByTestId('operator-label');
  await expect(header).toContainText('经办人：李强（监察员）');
  const units = new UnitsPage(app);
  await units.goto();
  await units.addUnit(unitA);

  // 切换 from the header with the keyboard only: Tab to it, Enter, Tab to 王敏, Enter
  const switchButton = app.getByRole('button', { name: '切换经办人（当前：李强）' });
  await switchButton.focus();
  await app.keyboard.press('Enter');
  const dialog = app.getByRole('dialog', { name: '选择经办人' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: '选择 李强' })).toHaveAttribute('aria-current', 'true');
  await dialog.getByRole('button', { name: '选择 王敏' }).focus();
  await app.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(header).toContainText('经办人：王敏（科长）');
  await units.addUnit(unitB);

  // the host keeps the choice for this run: a reload goes straight in
  await app.reload();
  await expect(header).toContainText('经办人：王敏（科长）');

  // the audit page and the log itself name the people, not the computer account
  await app.getByRole('navigation').getByRole('link', { name: '审计日志', exact: true }).click();
  const entries = app.getByTestId('audit-entries');
  await expect(entries.locator('tbody tr').first()).toContainText('王敏');
  const log = await auditActors(workspace.databaseFile);
  const creations = log.filter((e) => e.call === 'units.create').map((e) => e.actor);
  expect(creations.sort()).toEqual(['李强', '王敏']);
  expect(log.find((e) => e.call === 'staff.add' && e.actor === '李强')).toBeTruthy();
  for (const e of log) expect(e.actor).not.toMatch(/^(root|命令行)/);
});

test('a 经办人 deactivated behind the page’s back: the next save is refused, the chooser opens over the form and the save goes through after choosing', async ({ app, workspace }) => {
  await app.getByRole('button', { name: '选择 王敏' }).click();
  await expect(app.getByTestId('operator-label')).toContainText('经办人：王敏（科长）');
  // a colleague on the list, then 王敏 deactivated by the command line (as another desk on the same file would)
  await cli(['call', 'staff.add', '--db', workspace.databaseFile, '--operator', '王敏', '--input', JSON.stringify({ name: '陈静', title: '办事员' })]);
  const staff = JSON.parse(await cli(['call', 'staff.list', '--db', workspace.databaseFile])) as Array<{ id: string; name: string; version: number }>;
  const wang = staff.find((s) => s.name === '王敏')!;
  await cli(['call', 'staff.update', '--db', workspace.databaseFile, '--operator', '陈静', '--input', JSON.stringify({ id: wang.id, version: wang.version, active: false })]);

  const units = new UnitsPage(app);
  await units.goto();
  await units.button('新增').click();
  await units.fill(unitA);
  await units.save();
  const dialog = app.getByRole('dialog', { name: '选择经办人' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: '选择 王敏' })).toHaveCount(0);
  // nobody to fall back on: the dialog cannot be dismissed without choosing
  await app.keyboard.press('Escape');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: '选择 陈静' }).click();
  await expect(app.getByTestId('operator-label')).toContainText('经办人：陈静（办事员）');
  // the unit form kept what was typed; saving again goes through under 陈静
  await expect(units.field('name')).toHaveValue(unitA.name);
  await units.save();
  await expect(units.row(unitA.name)).toHaveCount(1);
  const log = await auditActors(workspace.databaseFile);
  expect(log.find((e) => e.call === 'units.create')?.actor).toBe('陈静');
});

test.describe('prints', () => {
  test.use({ operatorChosen: true });

  test('the monthly summary’s paper names the 经办人 as 填报人 while a draft, and whoever submitted it after', async ({ app, workspace }) => {
    const month = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 7);
    await app.goto(`${app.url().split('#')[0]}#/summary-print?month=${month}`);
    await expect(app.getByTestId('summary-filled-by')).toHaveText('（填报人：王敏）');
    const text = { experience: '经验', problems: '问题', proposals: '建议' };
    const saved = JSON.parse(await cli(['call', 'summaries.save', '--db', workspace.databaseFile, '--input', JSON.stringify({ month, version: null, ...text })])) as { version: number };
    await cli(['call', 'summaries.submit', '--db', workspace.databaseFile, '--operator', '陈静', '--input', JSON.stringify({ month, version: saved.version })]);
    await app.reload();
    await expect(app.getByTestId('summary-filled-by')).toHaveText('（填报人：陈静）');
  });
});
