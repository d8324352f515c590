import { equipmentHeader, equipmentRow, writeXlsx } from '../../electron/core/ledger/test-fixtures.ts';
import { cli, expect, test } from './fixtures.ts';
import { Grid } from './pages/grid.ts';
import { LedgerPage } from './pages/ledger-page.ts';
import { cellText, readDownload } from './xlsx.ts';

// A re-import changes no record silently: the wizard lists every update with its
// old and new value, filterable by field and exportable, and a row that changes an
// identifying field (使用登记证编号) is written only when the user accepts it.

interface Piece {
  internalNo: string;
  registrationNo: string;
  location: string;
  status: string;
}

async function pieces(databaseFile: string): Promise<Record<string, Piece>> {
  const page = JSON.parse(await cli(['call', 'equipment.query', '--db', databaseFile, '--input', '{}'])) as { rows: Piece[] };
  return Object.fromEntries(page.rows.map((r) => [r.internalNo, r]));
}

test('the wizard lists every update with before and after, and writes an identity change only for the rows accepted', async ({ app, workspace }, testInfo) => {
  const first = testInfo.outputPath('台账.xlsx');
  await writeXlsx(first, [{ name: '设备台账', rows: [equipmentHeader, equipmentRow(1), equipmentRow(2), equipmentRow(3)] as never }]);
  const wizard = new LedgerPage(app);
  await wizard.goto();
  await wizard.choose(first);
  await wizard.importAndConfirm();
  await wizard.another();

  // The newer ledger: two registration numbers change (identity), one location and one status (not identity).
  const newer = testInfo.outputPath('台账-新.xlsx');
  await writeXlsx(newer, [
    {
      name: '设备台账',
      rows: [
        equipmentHeader,
        equipmentRow(1, 1, { 使用登记证编号: '梯11苏E90001(17)' }),
        equipmentRow(2, 1, { 使用登记证编号: '梯11苏E90002(17)', 设备使用地点: '2号楼' }),
        equipmentRow(3, 1, { 设备状态: '停用' }),
      ] as never,
    },
  ]);
  await wizard.choose(newer);
  const panel = app.getByTestId('updates-panel');
  await expect(panel).toBeVisible();
  await expect(app.getByTestId('updates-count')).toHaveText('4 个字段变化，涉及 3 行');
  await expect(app.getByTestId('updates-held')).toHaveText('识别字段改变待确认 2 行，已接受 0 行');
  // held rows are not counted as updates until accepted
  await expect(wizard.count('preview-counts', 'equipment', 'updated')).toHaveText('1');

  const grid = new Grid(app, app.getByTestId('updates-grid'));
  await expect(grid.rows).toHaveCount(4);
  const lines = async () => {
    const [rows, fields, before, after] = await Promise.all([grid.texts('row'), grid.texts('field'), grid.texts('before'), grid.texts('after')]);
    return rows.map((r, i) => [r, fields[i], before[i], after[i]].join(' | ')).sort();
  };
  expect(await lines()).toEqual([
    '2 | 使用登记证编号 | 梯11苏E00001(17) | 梯11苏E90001(17)',
    '3 | 使用登记证编号 | 梯11苏E00002(17) | 梯11苏E90002(17)',
    '3 | 设备使用地点 | 1号楼 | 2号楼',
    '4 | 设备状态 | 在用 | 停用',
  ]);
  // the identity changes are warnings naming their rows
  await wizard.showIssues('提示');
  await expect(wizard.issues.cells('message').filter({ hasText: '使用登记证编号将由' })).toHaveCount(2);

  // Filter by field, and export what is shown.
  await panel.getByLabel('字段', { exact: true }).selectOption({ label: '使用登记证编号' });
  await expect(grid.rows).toHaveCount(2);
  const download = app.waitForEvent('download');
  await panel.getByRole('button', { name: '导出更新明细' }).click();
  const workbook = await readDownload(await download);
  const sheet = workbook.worksheets[0]!;
  expect(sheet.rowCount).toBe(3);
  expect([1, 2, 3, 4, 5, 6, 7, 8].map((c) => cellText(sheet.getRow(1).getCell(c)))).toEqual(['工作表', '行号', '类型', '识别编号', '字段', '原值', '新值', '处理']);
  expect([5, 6, 7, 8].map((c) => cellText(sheet.getRow(2).getCell(c)))).toEqual(['使用登记证编号', '梯11苏E00001(17)', '梯11苏E90001(17)', '暂不更新（识别字段改变，待确认）']);
  await panel.getByLabel('字段', { exact: true }).selectOption({ label: '全部字段' });
  await expect(grid.rows).toHaveCount(4);

  // Accept the change of row 3 only.
  await panel.getByRole('checkbox', { name: '接受第 3 行的识别字段变化' }).first().check();
  await expect(app.getByTestId('updates-held')).toHaveText('识别字段改变待确认 2 行，已接受 1 行');
  await expect(wizard.count('preview-counts', 'equipment', 'updated')).toHaveText('2');

  const picture = testInfo.outputPath('wizard-updates.png');
  await app.screenshot({ path: picture, fullPage: true });
  await testInfo.attach('wizard updates', { path: picture, contentType: 'image/png' });

  await app.getByRole('button', { name: '导入…' }).click();
  await expect(wizard.dialog.getByTestId('confirm-held')).toHaveText('识别字段改变的 2 行中，接受 1 行，其余不更新。');
  await expect(wizard.dialog.getByTestId('confirm-text')).toHaveText('将写入 2 条记录。');
  await app.keyboard.press('Enter');
  await expect(wizard.result).toBeVisible({ timeout: 60_000 });
  await expect(wizard.count('result-counts', 'equipment', 'updated')).toHaveText('2');

  const after = await pieces(workspace.databaseFile);
  expect(after['DT-1']).toMatchObject({ registrationNo: '梯11苏E00001(17)' }); // not accepted: unchanged
  expect(after['DT-2']).toMatchObject({ registrationNo: '梯11苏E90002(17)', location: '2号楼' }); // accepted
  expect(after['DT-3']).toMatchObject({ status: 'stopped' });
});

test('调整列对应 names the headers it could not match, or says there are none', async ({ app }, testInfo) => {
  const file = testInfo.outputPath('台账.xlsx');
  await writeXlsx(file, [{ name: '设备台账', rows: [[...equipmentHeader, '维保单位', '备注'], [...equipmentRow(1), '某维保公司', '']] as never }]);
  const wizard = new LedgerPage(app);
  await wizard.goto();
  await wizard.choose(file);
  await app.getByRole('button', { name: '调整列对应' }).click();
  const mapping = app.getByTestId('mapping-step');
  await expect(app.getByTestId('mapping-intro')).toHaveText('下列 2 个表头没有自动识别，目前作为“其他属性”原样保存：');
  await expect(app.getByTestId('mapping-unmatched').locator('li')).toHaveText([/^维保单位/, /^备注/]);
  await expect(mapping.getByLabel('维保单位')).toHaveValue('extra');

  const plain = testInfo.outputPath('标准.xlsx');
  await writeXlsx(plain, [{ name: '设备台账', rows: [equipmentHeader, equipmentRow(1)] as never }]);
  await mapping.getByRole('button', { name: '返回' }).click();
  await app.getByRole('button', { name: '重新选择文件' }).click();
  await wizard.choose(plain);
  await app.getByRole('button', { name: '调整列对应' }).click();
  await expect(app.getByTestId('mapping-intro')).toHaveText('本文件的表头都已识别，没有需要指定的列。');
});
