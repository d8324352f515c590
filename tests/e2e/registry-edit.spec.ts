import { equipmentHeader, equipmentRow, managerHeader, managerRow, uscc, writeXlsx } from '../../electron/core/ledger/test-fixtures.ts';
import { cli, expect, test } from './fixtures.ts';
import { EquipmentPage } from './pages/equipment-page.ts';
import { openArea } from './pages/shell.ts';

// Equipment and safety managers edited one at a time in their grids, through the
// browser host on the real core: the import's checks at the field, the saved row in
// the grid and in the database (read back with qkl), deletion after confirmation.

interface Piece {
  internalNo: string;
  registrationNo: string | null;
  location: string | null;
  nextInspectionDate: string | null;
  nextInspectionSource: string | null;
  version: number;
}

async function pieces(databaseFile: string): Promise<Record<string, Piece>> {
  const page = JSON.parse(await cli(['call', 'equipment.query', '--db', databaseFile, '--input', '{}'])) as { rows: Piece[] };
  return Object.fromEntries(page.rows.map((r) => [r.internalNo, r]));
}

test('one piece of equipment is edited, refused at its field when wrong, added and deleted in the grid', async ({ app, workspace }, testInfo) => {
  const ledger = testInfo.outputPath('台账.xlsx');
  await writeXlsx(ledger, [
    {
      name: '设备台账',
      rows: [equipmentHeader, equipmentRow(1, 1, { 上次检验日期: '2025-06-01', 下次检验日期: null }), equipmentRow(2), equipmentRow(3)] as never,
    },
    { name: '安全管理人员', rows: [managerHeader, managerRow(1)] as never },
  ]);
  await cli(['import-ledger', '--db', workspace.databaseFile, ledger]);

  const equipment = new EquipmentPage(app);
  await equipment.goto();
  const actions = app.getByRole('group', { name: '记录操作' });
  await expect(equipment.total).toHaveText('共 3 台');
  const row = (internalNo: string) => equipment.grid.rows.filter({ has: app.locator('[col-id="internalNo"]', { hasText: new RegExp(`^${internalNo}$`) }) });
  // a next date derived from the last inspection says so
  await expect(row('DT-1').locator('[col-id="nextInspectionDate"]')).toHaveText('2026-06-01（推算）');

  // 修改 is offered once a row is selected
  await expect(actions.getByRole('button', { name: '修改' })).toBeDisabled();
  await row('DT-2').locator('[col-id="location"]').click();
  await actions.getByRole('button', { name: '修改' }).click();
  const dialog = app.getByRole('dialog', { name: '修改特种设备' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('使用登记证编号')).toHaveValue('梯11苏E00002(17)');

  // A category the catalogue does not know is refused at its field, as the import refuses it.
  await dialog.getByLabel('设备类别').fill('不是设备');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByRole('alert')).toContainText('在《特种设备目录》中找不到');
  await expect(dialog.getByLabel('设备类别')).toBeFocused();
  expect((await pieces(workspace.databaseFile))['DT-2']).toMatchObject({ version: 1 });

  const picture = testInfo.outputPath('equipment-dialog.png');
  await app.screenshot({ path: picture });
  await testInfo.attach('equipment dialog', { path: picture, contentType: 'image/png' });
  await dialog.getByLabel('设备类别').fill('曳引驱动载货电梯');
  await dialog.getByLabel('使用登记证编号').fill('梯11苏E00222(17)');
  await dialog.getByLabel('设备使用地点').fill('2号楼货梯');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(app.getByTestId('equipment-status')).toHaveText('已保存“311032058220150002”。');
  await expect(row('DT-2').locator('[col-id="location"]')).toHaveText('2号楼货梯');
  await expect(row('DT-2').locator('[col-id="varietyName"]')).toHaveText('曳引驱动载货电梯');
  expect((await pieces(workspace.databaseFile))['DT-2']).toMatchObject({ registrationNo: '梯11苏E00222(17)', location: '2号楼货梯', version: 2 });

  // 新增: a piece of the same unit, its next date derived.
  await actions.getByRole('button', { name: '新增' }).click();
  const add = app.getByRole('dialog', { name: '新增特种设备' });
  await add.getByLabel('输入单位名称或信用代码查找').fill('塘桥第1机械');
  await add.getByLabel('使用单位').selectOption({ label: `张家港市塘桥第1机械有限公司（${uscc(1)}）` });
  await add.getByLabel('设备类别').fill('叉车');
  await add.getByLabel('设备代码').fill('511032058220200001');
  await add.getByLabel('单位内编号').fill('CC-1');
  await add.getByLabel('上次检验日期').fill('2025-09-15');
  await add.getByRole('button', { name: '保存' }).click();
  await expect(add).toHaveCount(0);
  await expect(equipment.total).toHaveText('共 4 台');
  expect((await pieces(workspace.databaseFile))['CC-1']).toMatchObject({ nextInspectionDate: '2026-09-15', nextInspectionSource: 'derived' });

  // 删除 after confirmation: the dialog names the piece, Cancel has the focus.
  await row('DT-3').locator('[col-id="location"]').click();
  await actions.getByRole('button', { name: '删除' }).click();
  const confirm = app.getByRole('dialog', { name: '删除特种设备' });
  await expect(confirm).toContainText('确定删除设备“311032058220150003（张家港市塘桥第1机械有限公司）”吗？');
  await expect(confirm.getByRole('button', { name: '取消' })).toBeFocused();
  await confirm.getByRole('button', { name: '删除' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(equipment.total).toHaveText('共 3 台');
  expect(Object.keys(await pieces(workspace.databaseFile)).sort()).toEqual(['CC-1', 'DT-1', 'DT-2']);

  // The safety managers grid offers the same, the ID number kept unless retyped.
  await openArea(app, '安全管理员');
  const managers = app.getByTestId('managers-grid');
  await managers.locator('.ag-row [col-id="name"]').first().click();
  await actions.getByRole('button', { name: '修改' }).click();
  const person = app.getByRole('dialog', { name: '修改安全管理员' });
  await expect(person).toContainText('已登记 3205**********');
  await person.getByLabel('有效期至').fill('2031-01-09');
  await person.getByRole('button', { name: '保存' }).click();
  await expect(person).toHaveCount(0);
  await expect(managers.locator('.ag-row [col-id="expiryDate"]').first()).toHaveText('2031-01-09');
  const manager = JSON.parse(await cli(['call', 'managers.query', '--db', workspace.databaseFile, '--input', '{}'])).rows[0];
  expect(manager).toMatchObject({ expiryDate: '2031-01-09', idNumberMasked: expect.stringMatching(/^3205\*+\d{3}[\dX]$/) });

  // A shorter elevator interval in 设置 moves the derived date, not the recorded ones.
  await openArea(app, '设置');
  const intervals = app.getByLabel('定期检验周期（月）');
  await expect(intervals).toHaveValue(/3000=12/);
  await intervals.fill(((await intervals.inputValue()) as string).replace('3000=12', '3000=6'));
  await app.getByRole('form', { name: '筛查与提醒规则' }).getByRole('button', { name: '保存' }).click();
  await expect(app.getByRole('form', { name: '筛查与提醒规则' }).getByRole('status')).toBeVisible();
  await equipment.goto();
  await expect(row('DT-1').locator('[col-id="nextInspectionDate"]')).toHaveText('2025-12-01（推算）');
  await expect(row('DT-2').locator('[col-id="nextInspectionDate"]')).toHaveText('2025-05-01');
});
