import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { BundlesPage, CityPage } from './pages/bundles-page.ts';
import { runTool } from './support/tools.ts';
import { BUREAU_PASSPHRASE, OFFICE_PASSPHRASE, officeAndBureau, qkl, startHost, type Host } from './support/two-nodes.ts';

// An office and the city bureau exchange a bundle through the UI, each on its own
// database and browser host: the office exports (passphrase asked in a dialog, a wrong
// one re-asked) and downloads the bundle to the "stick", sees it 未确认; the bureau
// chooses the stick's bundles in the file dialog, previews (新增 counts), imports,
// sees the office in 全市概况 and writes a receipt, downloaded to the stick; the office
// chooses the receipt and sees 已确认. A corrupted copy on the stick is refused in red.
// No path is typed anywhere: a browser picks files and downloads.
// The two databases, their keys and the trust between them are prepared with the CLI
// (the keys page is not part of this spec).

async function open(page: Page, host: Host): Promise<BundlesPage> {
  await page.goto(host.openUrl);
  const bundles = new BundlesPage(page);
  await bundles.goto();
  return bundles;
}

const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

// no database of the fixture: this spec makes its own two
test.use({ initialised: false });

test('an office exports a bundle, the bureau previews, imports and receipts it, the office sees it confirmed; a corrupted copy is refused', async ({ page, workspace }) => {
  test.setTimeout(360_000);
  const officeDb = path.join(workspace.dir, 'office', 'qkl.sqlite');
  const bureauDb = path.join(workspace.dir, 'bureau', 'qkl.sqlite');
  const usb = path.join(workspace.dir, 'usb');
  await Promise.all([mkdir(path.dirname(officeDb)), mkdir(path.dirname(bureauDb))]);

  // Two nodes with keys sealed by their passphrases, trusting each other, and a few units in the office.
  const facts = await officeAndBureau(officeDb, bureauDb);

  const officeHost = await startHost(officeDb);
  let bureauHost: Host | null = null;
  try {
    // ---- the office exports: the passphrase is asked, a wrong one is asked again with the reason
    let office = await open(page, officeHost);
    await expect(office.page.getByText('还没有导出过数据包。')).toBeVisible();
    await office.startExport();
    await office.answerPassphrase('not-the-passphrase');
    await expect(office.passphraseDialog.getByRole('alert')).toContainText('口令不正确');
    await office.answerPassphrase(OFFICE_PASSPHRASE);
    await expect(office.passphraseDialog).toBeHidden();
    await expect(office.exportResult).toContainText('已导出第 1 号完整数据包', { timeout: 60_000 });
    const exported = (await office.page.getByTestId('export-file').textContent())!.trim();
    // written into the office's data folder; the clerk downloads a copy to the stick
    expect(path.dirname(exported)).toBe(path.join(path.dirname(officeDb), 'exchange', 'out'));
    await mkdir(usb);
    const bundleFile = path.join(usb, path.basename(exported));
    await office.downloadExported(bundleFile);
    expect(await readFile(bundleFile)).toEqual(await readFile(exported));
    await expect(office.exportResult.locator('tr[data-table="units"]')).toHaveText(/使用单位\s*3/);
    await expect(office.exportResult.locator('tr[data-table="equipment"]')).toHaveText(new RegExp(`特种设备\\s*${facts.equipment}`));

    // the history: sequence 1, 完整, not yet confirmed by the bureau
    await expect(office.sent.rows).toHaveCount(1);
    const sentRow = office.sent.row(0);
    await expect(sentRow.locator('[col-id="sequence"]')).toHaveText('1');
    await expect(sentRow.locator('[col-id="kind"]')).toHaveText('完整');
    await expect(sentRow.locator('[col-id="createdAt"]')).toHaveText(new RegExp(`^${today()} \\d{2}:\\d{2}$`));
    await expect(sentRow.locator('[col-id="size"]')).toHaveText(/ MB$/);
    await expect(sentRow.locator('[col-id="rows"]')).toContainText('使用单位 3 行');
    await expect(sentRow.locator('[col-id="ack"]')).toHaveText('未确认');
    await expect(office.attention).toContainText('1 个数据包市局尚未确认收到');

    // A corrupted copy beside it on the stick: one byte flipped in the middle.
    const bytes = await readFile(bundleFile);
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
    await writeFile(path.join(usb, 'zz-损坏的副本.qklb'), bytes);

    // ---- the bureau: 全市概况 is in its navigation; scan the stick, preview, import
    bureauHost = await startHost(bureauDb);
    const bureau = await open(page, bureauHost);
    await expect(page.getByRole('navigation').getByRole('link', { name: '全市概况' })).toBeVisible();
    await bureau.chooseBundles([bundleFile, path.join(usb, 'zz-损坏的副本.qklb')]);
    await expect(page.getByTestId('scan-summary')).toHaveText('已选择 2 个数据包');
    await expect(bureau.scannedFiles()).toHaveCount(2);
    // both ticked once chosen
    await expect(bureau.importCard.getByRole('checkbox', { name: '全选' })).toBeChecked();

    await bureau.preview();
    await bureau.answerPassphrase(BUREAU_PASSPHRASE);
    await expect(page.getByTestId('bundle-results-summary')).toHaveText('预览（未写入）：可导入 1 个，已导入过 0 个，拒收 1 个', { timeout: 60_000 });
    const name = path.basename(bundleFile);
    const good = bureau.result(name);
    await expect(good).toHaveAttribute('data-status', 'dry-run');
    await expect(good).toContainText('塘桥分局');
    await expect(good).toContainText('第 1 号');
    await expect(good).toContainText('完整');
    await expect(bureau.change(name, 'units', 'inserted')).toHaveText('3');
    await expect(bureau.change(name, 'equipment', 'inserted')).toHaveText(String(facts.equipment));
    await expect(bureau.change(name, 'safety_managers', 'inserted')).toHaveText(String(facts.managers));
    const bad = bureau.result('zz-损坏的副本.qklb');
    await expect(bad).toHaveAttribute('data-status', 'refused');
    await expect(bad.getByRole('alert')).toContainText('数据包已损坏（校验失败），请向报送单位重新索取。');
    await expect(bad.getByRole('alert')).toContainText('corrupt');
    await expect(bad.getByRole('alert')).toHaveCSS('color', 'rgb(179, 38, 30)');
    // a preview writes nothing
    await expect(page.getByText('还没有导入过数据包。')).toBeVisible();

    // the passphrase that worked is remembered while the page is open: no dialog for the import
    await bureau.importChosen();
    await expect(page.getByTestId('bundle-results-summary')).toHaveText('导入完成：已导入 1 个，已导入过 0 个，拒收 1 个', { timeout: 60_000 });
    await expect(bureau.passphraseDialog).toBeHidden();
    await expect(good).toHaveAttribute('data-status', 'imported');
    await expect(bureau.change(name, 'units', 'inserted')).toHaveText('3');
    await expect(bad).toHaveAttribute('data-status', 'refused');

    const received = bureau.rowWhere(bureau.received, 'node', '塘桥分局');
    await expect(received).toHaveCount(1);
    await expect(received.locator('[col-id="sequence"]')).toHaveText('1');
    await expect(received.locator('[col-id="receipt"]')).toHaveText('未出具');
    await expect(bureau.attention).toContainText('1 个已导入的数据包尚未出具回执');

    // the CLI, an independent witness: the office's rows are in the bureau's database
    const stats = JSON.parse(await qkl(['stats', '--db', bureauDb, '--json'], BUREAU_PASSPHRASE)) as { units: number; equipment: number; managers: number };
    expect(stats).toMatchObject({ units: 3, equipment: facts.equipment, managers: facts.managers });

    // ---- 全市概况: the office with its latest bundle and counts
    const city = new CityPage(page);
    await city.goto();
    const row = city.office('塘桥分局');
    await expect(row).toHaveCount(1);
    await expect(row.locator('[col-id="lastSequence"]')).toHaveText('1');
    await expect(row.locator('[col-id="lastImportedAt"]')).toHaveText(new RegExp(`^${today()} `));
    await expect(row.locator('[col-id="units"]')).toHaveText('3');
    await expect(row.locator('[col-id="equipment"]')).toHaveText(String(facts.equipment));
    await expect(row.locator('[col-id="managers"]')).toHaveText(String(facts.managers));
    await expect(row.locator('[col-id="reporting"]')).toHaveText('正常');
    await expect(row.locator('[col-id="key"]')).toHaveText('有效');
    await expect(page.getByTestId('city-all-fresh')).toBeVisible();

    // ---- receipts: written for the office, the grid says so (the passphrase typed for the preview is still kept:
    // the clerk has not been idle and the screen did not lock, so leaving the page asks nothing again)
    await bureau.goto();
    await bureau.writeReceipts();
    await expect(page.getByTestId('receipts-notice')).toHaveText('已出具 1 份回执，请交给对应单位导入：');
    await expect(bureau.passphraseDialog).toHaveCount(0);
    const receiptName = (await page.getByTestId('receipts-written').locator('.mono').first().textContent())!.trim();
    expect(receiptName).toMatch(/^回执-塘桥分局-.*\.qklr$/);
    const receiptFile = path.join(usb, receiptName);
    await bureau.saveDownload(page.getByTestId('receipts-written').getByRole('button', { name: '下载' }), receiptFile);
    await expect(received.locator('[col-id="receipt"]')).toHaveText(`已出具 ${today()}`);

    // ---- back on the office: import the receipt, the bundle is confirmed
    await bureauHost.stop();
    bureauHost = null;
    office = await open(page, officeHost);
    await expect(office.sent.row(0).locator('[col-id="ack"]')).toHaveText('未确认');
    await office.importReceipt(receiptFile);
    await expect(page.getByTestId('receipt-notice')).toHaveText('回执已导入：新确认 1 个');
    await expect(office.sent.row(0).locator('[col-id="ack"]')).toHaveText(`已确认 ${today()}`);
    await expect(office.attention).toBeHidden();
  } finally {
    await bureauHost?.stop();
    await officeHost.stop();
  }
});

test.describe('on an office', () => {
  test('全市概况 is not in the navigation; without keys the page says what to do', async ({ page, workspace }) => {
    const db = path.join(workspace.dir, 'qkl.sqlite');
    // no QKL_PASSPHRASE: the node is made without keys
    await runTool('cli', ['init', '--db', db, '--role', 'district', '--name', '塘桥分局', '--district', '塘桥'], {
      timeout: 90_000,
      env: { ...process.env, QKL_PASSPHRASE: '' },
    });
    const host = await startHost(db);
    try {
      const bundles = await open(page, host);
      await expect(page.getByRole('navigation').getByRole('link', { name: '全市概况' })).toHaveCount(0);
      await expect(bundles.attention).toContainText('本节点尚未创建密钥');
      await expect(bundles.attention.getByRole('link', { name: '前往“密钥与信任”' })).toHaveAttribute('href', '#/keys');
      // exporting anyway: the core's message, nothing in the history
      await bundles.startExport();
      await expect(bundles.exportNotice).toContainText('密钥');
      await expect(page.getByText('还没有导出过数据包。')).toBeVisible();
    } finally {
      await host.stop();
    }
  });
});
