import { copyFile } from 'node:fs/promises';
import { expect, test } from './fixtures.ts';
import { pinyin } from 'pinyin-pro';
import { EquipmentPage } from './pages/equipment-page.ts';
import { Grid } from './pages/grid.ts';
import { openArea, toNumber } from './pages/shell.ts';
import { UnitsPage } from './pages/units-page.ts';
import { rowTexts, readDownload } from './xlsx.ts';

test.use({ sample: { units: 40, seed: 3 } });

interface Summary {
  equipmentInUse: number;
  inspection: { ok: number; due: number; overdue: number; unknown: number };
}

test('概览 leads with overdue inspections; its number opens the equipment grid filtered to them, and the filter agrees', async ({ app }, testInfo) => {
  // the core's own figure, through the same bridge the page uses
  const summary = await app.evaluate(async () => {
    const result = await window.qkl!['registry.summary']({});
    if (!result.ok) throw new Error(result.message);
    return result.value;
  }) as Summary;
  expect(summary.inspection.overdue).toBeGreaterThan(0);

  await expect(app.getByRole('heading', { name: '概览', level: 1 })).toBeVisible();
  const overdue = app.getByTestId('stat-overdue');
  // the first figure of the page is the overdue count
  await expect(app.locator('.stat').first()).toHaveAttribute('data-testid', 'stat-overdue');
  expect(toNumber(await overdue.locator('.stat-value').textContent())).toBe(summary.inspection.overdue);
  await overdue.click();

  const equipment = new EquipmentPage(app);
  await equipment.expectShown();
  await expect(equipment.total).toHaveText(`共 ${summary.inspection.overdue} 台`);
  await expect(equipment.inspection()).toHaveValue('overdue');
  await expect(equipment.status('在用')).toBeChecked();
  await expect(equipment.grid.rows.first()).toBeVisible();
  for (const text of await equipment.grid.texts('inspectionStatus')) expect(text).toBe('超期');

  // The same question asked through the toolbar.
  await openArea(app, '概览');
  await equipment.goto();
  const all = await equipment.totalCount();
  await equipment.status('在用').check();
  await expect(equipment.total).toHaveText(`共 ${summary.equipmentInUse} 台`);
  await equipment.inspection().selectOption({ label: '超期' });
  await expect(equipment.total).toHaveText(`共 ${summary.inspection.overdue} 台`);
  await equipment.inspection().selectOption({ label: '临期' });
  await expect(equipment.total).toHaveText(`共 ${summary.inspection.due} 台`);
  await expect(equipment.grid.rows.first()).toBeVisible();
  await expect(equipment.grid.cells('inspectionStatus').first()).toHaveText('临期');
  for (const text of await equipment.grid.texts('inspectionStatus')) expect(text).toBe('临期');
  await equipment.inspection().selectOption({ label: '全部' });
  await equipment.status('在用').uncheck();
  await expect(equipment.total).toHaveText(`共 ${all} 台`);

  const picture = testInfo.outputPath('equipment.png');
  await app.screenshot({ path: picture });
  await testInfo.attach('equipment grid', { path: picture, contentType: 'image/png' });
  if (process.env['QKL_SCREENSHOTS']) await copyFile(picture, `${process.env['QKL_SCREENSHOTS']}/qkl-equipment.png`);
});

test('使用单位 shows the 20+ flags and overdue counts; a unit’s 在用设备 count opens its equipment', async ({ app, workspace }) => {
  const units = new UnitsPage(app);
  await units.goto();
  await expect(units.total).toHaveText(`共 ${workspace.sample!.units.length} 家`);

  // the biggest unit by pieces in use: flagged at 20+
  await app.locator('.ag-header-cell[col-id="equipmentInUse"]').click();
  await app.locator('.ag-header-cell[col-id="equipmentInUse"]').click();
  await expect(app.locator('.ag-header-cell[col-id="equipmentInUse"]')).toHaveAttribute('aria-sort', 'descending');
  const first = app.locator('.ag-row[row-index="0"]');
  await expect(first.locator('[col-id="name"]')).not.toBeEmpty();
  const name = (await first.locator('[col-id="name"]').innerText()).trim();
  const inUse = toNumber(await first.locator('[col-id="equipmentInUse"]').innerText());
  const screened = toNumber(await first.locator('[col-id="screenedCount"]').innerText());
  if (screened >= 20) await expect(first.locator('[col-id="needsCertifiedManager"]')).toHaveText('是');
  if (screened >= 50) await expect(first.locator('[col-id="needsSafetyBody"]')).toHaveText('是');
  expect(inUse).toBeGreaterThanOrEqual(20);

  await first.locator('[col-id="equipmentInUse"] a').click();
  const equipment = new EquipmentPage(app);
  await equipment.expectShown();
  await expect(equipment.unitChip).toContainText(name);
  await expect(equipment.total).toHaveText(`共 ${inUse} 台`);
  await expect(equipment.grid.cells('unitName').first()).toHaveText(name);
  for (const unit of await equipment.grid.texts('unitName')) expect(unit).toBe(name);
  await equipment.unitChip.getByRole('button').click();
  await expect(equipment.unitChip).toHaveCount(0);
  await expect(equipment.total).not.toHaveText(`共 ${inUse} 台`);
});

test('列 hides a column, remembered after a reload; 导出 Excel writes only the shown columns and every filtered row', async ({ app }) => {
  const equipment = new EquipmentPage(app);
  await equipment.goto();
  await expect(equipment.grid.header('manufacturer')).toBeVisible();

  const panel = await equipment.openColumns();
  await panel.getByLabel('制造单位').uncheck();
  await panel.getByLabel('型号规格').uncheck();
  await app.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(equipment.grid.header('manufacturer')).toHaveCount(0);
  await expect(equipment.grid.header('model')).toHaveCount(0);

  await app.reload();
  await equipment.expectShown();
  await expect(equipment.grid.header('manufacturer')).toHaveCount(0);
  await expect(equipment.grid.header('equipmentCode')).toBeVisible();

  await equipment.status('在用').check();
  await expect(equipment.total).not.toHaveText('共 0 台');
  const inUse = await equipment.totalCount();
  await equipment.inspection().selectOption({ label: '超期' });
  // the total is read once the 超期 filter has answered, not the in-use count still shown
  await expect(equipment.total).not.toHaveText(`共 ${inUse} 台`);
  await expect(equipment.total).not.toHaveText('共 0 台');
  const total = await equipment.totalCount();
  const shown = await equipment.grid.headerTexts();

  const download = await equipment.export();
  expect(download.suggestedFilename()).toMatch(/^特种设备_\d{4}-\d{2}-\d{2}\.xlsx$/);
  const sheet = (await readDownload(download)).worksheets[0]!;
  const header = rowTexts(sheet, 1);
  expect(header).toEqual(shown);
  expect(header).not.toContain('制造单位');
  expect(header).not.toContain('型号规格');
  expect(sheet.actualRowCount).toBe(total + 1);
  const inspectionColumn = header.indexOf('检验状态');
  for (let r = 2; r <= sheet.rowCount; r++) expect(rowTexts(sheet, r)[inspectionColumn]).toBe('超期');

  // Reset brings the columns back.
  const again = await equipment.openColumns();
  await again.getByRole('button', { name: '恢复默认' }).click();
  await expect(equipment.grid.header('manufacturer')).toBeVisible();
});

test('安全管理员: pinyin initials find a person; the certificate filter shows only that status', async ({ app }) => {
  await openArea(app, '安全管理员');
  await expect(app.getByRole('heading', { name: '安全管理员', level: 1 })).toBeVisible();
  const total = app.getByTestId('managers-total');
  await expect(total).toHaveText(/共 \d+ 人/);
  const all = toNumber(await total.textContent());
  const grid = new Grid(app, app.getByTestId('managers-grid'));
  await expect(grid.rows.first()).toBeVisible();

  const name = (await grid.row(0).locator('[col-id="name"]').innerText()).trim();
  const initials = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' }).join('');
  const toolbar = app.getByRole('toolbar', { name: '安全管理员' });
  await toolbar.getByRole('searchbox').fill(initials);
  await expect(total).not.toHaveText(`共 ${all} 人`);
  expect(await grid.texts('name')).toContain(name);
  await toolbar.getByRole('searchbox').fill('');
  await expect(total).toHaveText(`共 ${all} 人`);

  // ID numbers and phones are masked in the grid
  for (const id of await grid.texts('idNumberMasked')) expect(id).toMatch(/^\d{4}\*+\d{3}[\dX]$|^$/);

  const expired = app.getByTestId('managers-attention').getByRole('button', { name: /证书已过期/ });
  const expiredCount = toNumber(await expired.textContent());
  await toolbar.getByLabel('证书状态').selectOption({ label: '已过期' });
  await expect(total).toHaveText(`共 ${expiredCount} 人`);
  await expect(grid.rows.first()).toBeVisible();
  for (const status of await grid.texts('certificateStatus')) expect(status).toBe('已过期');
});
