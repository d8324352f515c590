import { copyFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { expect, test, writeSampleLedger } from './fixtures.ts';
import { EquipmentPage } from './pages/equipment-page.ts';
import { LedgerPage } from './pages/ledger-page.ts';
import { openArea } from './pages/shell.ts';
import { UnitsPage } from './pages/units-page.ts';
import { cellText, readDownload, rowTexts } from './xlsx.ts';

// The ledger import wizard on a generated ledger with the generator's documented defects
// (scripts/sample-data/defects.ts): every defective row is listed with its Excel row number
// and a Chinese message, the rest is imported, and a fixed problem row imports on a second pass.

/** GB 11643 check character of the first 17 digits of an ID number. */
function idCheckChar(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((n, d, i) => n + Number(d) * weights[i]!, 0);
  return '10X98765432'[sum % 11]!;
}

test('imports a ledger with defects: lists every error row, imports the rest, the grids show the counts', async ({ app, workspace }, testInfo) => {
  const written = await writeSampleLedger(testInfo.outputPath('ledger.xlsx'), { units: 30, seed: 7, defects: true });
  const defects = written.defects!;
  const model = written.facts;
  const expectedErrorRows = new Set(defects.errors.map((e) => `${e.sheet}#${e.row}`));

  const wizard = new LedgerPage(app);
  await wizard.goto();
  await wizard.choose(written.file);
  await expect(wizard.summary).toBeVisible();

  // What the importer understood of the two sheets.
  const sheets = app.getByTestId('sheet-card');
  await expect(sheets).toHaveCount(2);
  await expect(sheets.nth(0)).toContainText('设备台账');
  await expect(sheets.nth(0)).toContainText(`表头在第 ${written.sheets[0]!.headerRow} 行`);
  await expect(sheets.nth(1)).toContainText('安全管理人员');

  // Counts before anything is written.
  await expect(wizard.count('preview-counts', 'units', 'inserted')).toHaveText(String(model.units.length));
  await expect(wizard.count('preview-counts', 'equipment', 'inserted')).toHaveText(String(defects.imported.equipment));
  await expect(wizard.count('preview-counts', 'managers', 'inserted')).toHaveText(String(defects.imported.managers));
  await expect(app.getByTestId('summary-folded')).toHaveText(`合并重复行 ${defects.folded.length} 行`);
  await expect(app.getByTestId('summary-errors')).toContainText(`出错 ${expectedErrorRows.size} 行`);

  // Every error row, with its sheet, Excel row number and a Chinese explanation.
  await wizard.showIssues('错误');
  await expect(wizard.issues.rows).toHaveCount(defects.errors.length);
  const sheetsShown = await wizard.issues.texts('sheet');
  const rowsShown = await wizard.issues.texts('row');
  expect(new Set(sheetsShown.map((s, i) => `${s}#${rowsShown[i]}`))).toEqual(expectedErrorRows);
  for (const message of await wizard.issues.texts('message')) expect(message).toMatch(/[\u4e00-\u9fa5]{4,}/);
  const usccDefect = defects.errors.find((e) => e.code === 'USCC_CHECK')!;
  const usccRow = wizard.issues.rows.filter({ has: app.locator('[col-id="row"]', { hasText: new RegExp(`^${usccDefect.row}$`) }) });
  await expect(usccRow.locator('[col-id="message"]')).toContainText('统一社会信用代码校验位错误');
  await expect(usccRow.locator('[col-id="value"]')).toHaveText(usccDefect.value);
  await expect(usccRow.locator('[col-id="column"]')).toHaveText('统一社会信用代码（C）');
  // warnings are listed too
  await wizard.showIssues('提示');
  await expect(wizard.issues.rows).toHaveCount(defects.warnings.length);
  await wizard.showIssues('全部');
  await expect(wizard.issues.rows).toHaveCount(defects.errors.length + defects.warnings.length);

  const picture = testInfo.outputPath('wizard-summary.png');
  await app.screenshot({ path: picture, fullPage: true });
  await testInfo.attach('wizard summary', { path: picture, contentType: 'image/png' });
  if (process.env['QKL_SCREENSHOTS']) await copyFile(picture, `${process.env['QKL_SCREENSHOTS']}/qkl-wizard-summary.png`);

  // Nothing is written before the import.
  expect((await workspace.stats()).equipment).toBe(0);

  const records = model.units.length + defects.imported.equipment + defects.imported.managers;
  expect(await wizard.importAndConfirm()).toBe(`将写入 ${records} 条记录，出错的 ${expectedErrorRows.size} 行不会导入。`);
  await expect(wizard.count('result-counts', 'equipment', 'inserted')).toHaveText(String(defects.imported.equipment));
  await expect(app.getByTestId('import-done')).toContainText(`出错的 ${expectedErrorRows.size} 行未导入`);

  // The grids show what was imported.
  await app.getByRole('link', { name: '查看使用单位' }).click();
  const units = new UnitsPage(app);
  await expect(units.total).toHaveText(`共 ${model.units.length} 家`);
  await openArea(app, '特种设备');
  const equipment = new EquipmentPage(app);
  await equipment.expectShown();
  await expect(equipment.total).toHaveText(`共 ${defects.imported.equipment} 台`);
  await openArea(app, '安全管理员');
  await expect(app.getByTestId('managers-total')).toHaveText(`共 ${defects.imported.managers} 人`);
  expect(await workspace.stats()).toMatchObject({ units: model.units.length, equipment: defects.imported.equipment, managers: defects.imported.managers });

  // Importing the same file again changes nothing.
  await wizard.goto();
  await wizard.choose(written.file);
  await expect(wizard.count('preview-counts', 'equipment', 'unchanged')).toHaveText(String(defects.imported.equipment));
  await expect(app.getByRole('button', { name: '导入…' })).toBeDisabled();
});

/** GB 32100 check character of the first 17 characters of a unified social credit code. */
function usccCheckChar(first17: string): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...first17].reduce((n, c, i) => n + alphabet.indexOf(c) * weights[i]!, 0);
  return alphabet[(31 - (sum % 31)) % 31]!;
}

/** The sheet of a workbook whose header row (within the first rows) has all these headers, and that row's number. */
function sheetWith(workbook: Awaited<ReturnType<typeof readDownload>>, headers: string[]) {
  for (const sheet of workbook.worksheets) {
    for (let r = 1; r <= Math.min(sheet.rowCount, 5); r++) {
      const texts = rowTexts(sheet, r);
      if (headers.every((h) => texts.includes(h))) return { sheet, headerRow: r, column: (h: string) => texts.indexOf(h) + 1 };
    }
  }
  throw new Error(`no sheet with ${headers.join(', ')}`);
}

test('the problem-rows file, fixed in one row, imports that row', async ({ app, workspace }, testInfo) => {
  const written = await writeSampleLedger(testInfo.outputPath('ledger.xlsx'), { units: 12, seed: 11, defects: true });
  const usccDefect = written.defects!.errors.find((e) => e.code === 'USCC_CHECK')!;
  const unitName = '张家港市鹿苑永兴五金加工厂'; // the unit of that row (scripts/sample-data/defects.ts)

  const wizard = new LedgerPage(app);
  await wizard.goto();
  await wizard.choose(written.file);
  const download = await wizard.exportProblems();
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  await expect(wizard.notice).toContainText('已导出');
  await wizard.importAndConfirm();
  const before = await workspace.stats();

  // In the downloaded file, correct the credit code's check character, as the office would in Excel.
  const workbook = await readDownload(download);
  const equipmentSheet = sheetWith(workbook, ['错误原因', '工作表', '行号', '统一社会信用代码', '设备代码']);
  expect(rowTexts(equipmentSheet.sheet, equipmentSheet.headerRow).slice(0, 4)).toEqual(['错误原因', '导入情况', '工作表', '行号']);
  const usccColumn = equipmentSheet.column('统一社会信用代码');
  let fixed = 0;
  for (let r = equipmentSheet.headerRow + 1; r <= equipmentSheet.sheet.rowCount; r++) {
    const row = equipmentSheet.sheet.getRow(r);
    if (cellText(row.getCell(usccColumn)) !== usccDefect.value) continue;
    expect(cellText(row.getCell(1))).toContain('校验位错误');
    expect(cellText(row.getCell(equipmentSheet.column('行号')))).toBe(String(usccDefect.row));
    row.getCell(usccColumn).value = usccDefect.value.slice(0, 17) + usccCheckChar(usccDefect.value.slice(0, 17));
    fixed++;
  }
  expect(fixed, 'the USCC_CHECK row is in the problem-rows file once').toBe(1);
  // Both rows of the conflicting pair are given back (the earlier one marked), and every warning row shown on screen.
  const conflict = written.defects!.errors.find((e) => e.code === 'EQUIPMENT_CODE_CONFLICT')!;
  const outcomes = new Map<string, string>();
  for (let r = equipmentSheet.headerRow + 1; r <= equipmentSheet.sheet.rowCount; r++) {
    const row = equipmentSheet.sheet.getRow(r);
    outcomes.set(cellText(row.getCell(equipmentSheet.column('行号'))), cellText(row.getCell(2)));
  }
  expect(outcomes.get(String(conflict.row))).toBe('不导入（有错误）');
  expect([...outcomes.values()]).toContain('导入（冲突两行中较早的一行，请核对）');
  for (const w of written.defects!.warnings.filter((x) => x.sheet === conflict.sheet)) expect(outcomes.has(String(w.row)), `warning row ${w.row}`).toBe(true);
  // The office sends back the sheet it worked on. (Re-reading the report's 安全管理人员 sheet is
  // broken in the core today: see the expected-failure test below.)
  for (const sheet of [...workbook.worksheets]) if (sheet.id !== equipmentSheet.sheet.id) workbook.removeWorksheet(sheet.id);
  const fixedFile = testInfo.outputPath('问题行-已改正.xlsx');
  await workbook.xlsx.writeFile(fixedFile);

  await wizard.another();
  await wizard.choose(fixedFile);
  await expect(wizard.summary).toBeVisible();
  await expect(wizard.count('preview-counts', 'units', 'inserted')).toHaveText('1');
  await expect(wizard.count('preview-counts', 'equipment', 'inserted')).toHaveText('1');
  // The fixed row is no longer an error; the rows not fixed still are.
  await wizard.showIssues('错误');
  await expect(wizard.issues.rows.first()).toBeVisible();
  expect(await wizard.issues.texts('message')).not.toContainEqual(expect.stringContaining('校验位错误'));
  // the conflicting pair conflicts again: nothing the first preview called an error becomes an update
  expect(await wizard.issues.texts('message')).toContainEqual(expect.stringContaining('两行内容不同'));
  await expect(app.getByTestId('updates-panel')).toHaveCount(0);
  await expect(wizard.count('preview-counts', 'equipment', 'updated')).toHaveText('0');
  await wizard.importAndConfirm();
  await expect(wizard.count('result-counts', 'equipment', 'inserted')).toHaveText('1');
  expect(await workspace.stats()).toMatchObject({ units: before.units + 1, equipment: before.equipment + 1 });

  await app.getByRole('link', { name: '查看使用单位' }).click();
  const units = new UnitsPage(app);
  await expect(units.total).toHaveText(`共 ${before.units + 1} 家`);
  await units.search.fill('鹿苑永兴');
  await expect(units.total).toHaveText('共 1 家');
  await expect(units.cell(unitName, 'equipmentInUse')).toHaveText('1');
});

test('the problem-rows file re-imports its 安全管理人员 sheet (fixed ID number)', async ({ app }, testInfo) => {
  // The report's first problem row holds header-like text (错误原因 “身份证号：…”): it must stay a data row.
  const written = await writeSampleLedger(testInfo.outputPath('ledger.xlsx'), { units: 12, seed: 11, defects: true });
  const idDefect = written.defects!.errors.find((e) => e.code === 'ID_CHECK')!;

  const wizard = new LedgerPage(app);
  await wizard.goto();
  await wizard.choose(written.file);
  const download = await wizard.exportProblems();
  await wizard.importAndConfirm();

  const workbook = await readDownload(download);
  const managers = sheetWith(workbook, ['错误原因', '身份证号', '证书编号']);
  const idColumn = managers.column('身份证号');
  for (let r = managers.headerRow + 1; r <= managers.sheet.rowCount; r++) {
    const cell = managers.sheet.getRow(r).getCell(idColumn);
    if (cellText(cell) === idDefect.value) cell.value = idDefect.value.slice(0, 17) + idCheckChar(idDefect.value.slice(0, 17));
  }
  const fixedFile = testInfo.outputPath('问题行-已改正.xlsx');
  await workbook.xlsx.writeFile(fixedFile);

  await wizard.another();
  await wizard.choose(fixedFile);
  await expect(wizard.summary).toBeVisible({ timeout: 5_000 });
  await expect(wizard.count('preview-counts', 'managers', 'inserted')).toHaveText('1', { timeout: 5_000 });
});

test('a required column under an unknown header is mapped in the wizard, and the mapping is remembered', async ({ app }, testInfo) => {
  const written = await writeSampleLedger(testInfo.outputPath('ledger.xlsx'), { units: 6, seed: 5, defects: false });
  // The office's export calls the credit-code column something the importer does not know.
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(written.file);
  const sheet = workbook.getWorksheet(written.sheets[0]!.name)!;
  const headerRow = sheet.getRow(written.sheets[0]!.headerRow);
  const column = rowTexts(sheet, headerRow.number).indexOf('统一社会信用代码') + 1;
  headerRow.getCell(column).value = '证照号码（组织机构）';
  const renamed = testInfo.outputPath('改了表头.xlsx');
  await workbook.xlsx.writeFile(renamed);

  const wizard = new LedgerPage(app);
  await wizard.goto();
  await wizard.choose(renamed);
  const mapping = app.getByTestId('mapping-step');
  await expect(mapping).toBeVisible();
  await expect(mapping).toContainText('缺少必需的列：统一社会信用代码');
  await mapping.getByLabel('证照号码（组织机构）').selectOption({ label: '统一社会信用代码（必需）' });
  await mapping.getByLabel('记住此对应关系').check();
  await mapping.getByRole('button', { name: '按此对应重新检查' }).click();
  await expect(wizard.summary).toBeVisible({ timeout: 60_000 });
  await expect(wizard.count('preview-counts', 'units', 'inserted')).toHaveText(String(written.facts.units.length));
  await expect(app.getByTestId('sheet-card').first()).toContainText('证照号码（组织机构） → 统一社会信用代码');

  // The next import of a file with that header needs no mapping.
  await app.getByRole('button', { name: '重新选择文件' }).click();
  await wizard.choose(renamed);
  await expect(wizard.summary).toBeVisible();
  await expect(mapping).toHaveCount(0);
});

test('取消 during the check cancels that job and says nothing changed', async ({ app, workspace }, testInfo) => {
  const written = await writeSampleLedger(testInfo.outputPath('ledger.xlsx'), { units: 6, seed: 5, defects: false });
  // Hold the preview in flight, so the click on 取消 is not a race with a fast core; then answer
  // as the core answers a cancelled job.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let previewJobId = '';
  await app.route('**/api/ledger.preview', async (route) => {
    previewJobId = (JSON.parse(route.request().postData() ?? '{}') as { jobId: string }).jobId;
    await held;
    await route.fulfill({ json: { ok: false, code: 'CANCELLED', message: '操作已取消，数据未改变。' } });
  });
  const cancelRequest = app.waitForRequest('**/api/jobs.cancel');

  const wizard = new LedgerPage(app);
  await wizard.goto();
  await wizard.fileInput.setInputFiles(written.file);
  const progress = app.getByTestId('preview-progress');
  await expect(progress.getByRole('progressbar')).toBeVisible();
  await progress.getByRole('button', { name: '取消' }).click();
  const cancelled = JSON.parse((await cancelRequest).postData() ?? '{}') as { jobId: string };
  expect(cancelled.jobId).toBe(previewJobId);
  expect(previewJobId).toMatch(/^[0-9a-f-]{36}$/);
  release();

  await expect(wizard.notice).toHaveText('已取消，数据未改变。');
  // back at step 1 with the file kept, ready to check again
  await expect(app.getByRole('button', { name: '重新检查' })).toBeVisible();
  expect((await workspace.stats()).units).toBe(0);
});
