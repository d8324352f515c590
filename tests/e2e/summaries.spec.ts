import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Download, Page } from '@playwright/test';
import { ZipFile } from '../../electron/core/sheets/zip-file.ts';
import { expect, test } from './fixtures.ts';
import { BundlesPage } from './pages/bundles-page.ts';
import { SummariesPage } from './pages/summaries-page.ts';
import { BUREAU_PASSPHRASE, OFFICE_PASSPHRASE, officeAndBureau, startHost, type Host } from './support/two-nodes.ts';

// 月度工作小结 end to end: 塘桥分局 writes its month, is refused while 存在问题 is empty,
// submits after confirming, downloads the .docx, and sends a bundle; the bureau imports
// it and its city view shows the month as 按时报送; it returns it with a comment, the
// office gets the return in a bundle, revises and resubmits, and the bureau marks it 已收.
// The office first sets the due day to 31 (月末) through the settings dialog, so the
// spec gives the same result whatever day of the month it runs on.

const month = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 7);
const monthLabel = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`;

const comment = '请补充本月隐患闭环情况的说明';
const text = {
  experience: '以块带面：组长单位每月组织成员单位互查，本月互查发现并整改问题 6 项。',
  problems: '部分小组的安全监督员尚未取得监督员证。',
  proposals: '建议市局年内再组织一期监督员集中培训和考核。',
};

async function open(page: Page, host: Host, nav: string): Promise<void> {
  await page.goto(host.openUrl);
  await page.getByRole('navigation').getByRole('link', { name: nav, exact: true }).click();
  await expect(page.getByRole('heading', { name: nav, level: 1 })).toBeVisible();
}

/** A fresh page load: the app keeps the passphrase in memory for the session, so a reload makes it ask again. */
async function reload(page: Page, host: Host): Promise<void> {
  await page.goto('about:blank');
  await page.goto(host.openUrl);
}

/** Exports this node's bundle (to the office named, from the bureau) and downloads it into the folder. */
async function sendBundle(page: Page, host: Host, passphrase: string, folder: string, target?: string): Promise<void> {
  await reload(page, host);
  const bundles = new BundlesPage(page);
  await bundles.goto();
  await bundles.startExport(target ? { target } : {});
  await bundles.answerPassphrase(passphrase);
  await expect(bundles.exportResult).toContainText('已导出', { timeout: 60_000 });
  const exported = (await page.getByTestId('export-file').textContent())!.trim();
  await mkdir(folder, { recursive: true });
  await bundles.downloadExported(path.join(folder, path.basename(exported)));
}

/** Chooses the bundles in the folder (one) and imports them. */
async function importBundles(page: Page, host: Host, passphrase: string, folder: string): Promise<void> {
  await reload(page, host);
  const bundles = new BundlesPage(page);
  await bundles.goto();
  const files = (await readdir(folder)).filter((name) => name.endsWith('.qklb')).map((name) => path.join(folder, name));
  await bundles.chooseBundles(files);
  await bundles.importChosen();
  await bundles.answerPassphrase(passphrase);
  await expect(page.getByTestId('bundle-results-summary')).toHaveText('导入完成：已导入 1 个，已导入过 0 个，拒收 0 个', { timeout: 60_000 });
}

/** Holds the page's first call of that name until deliver(), which resolves once the page has had its answer. */
async function holdFirstCall(page: Page, name: string): Promise<{ deliver: () => Promise<void> }> {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let first = true;
  await page.route(`**/api/${name}`, async (route) => {
    const held = first;
    first = false;
    if (held) await released;
    await route.continue();
  });
  return {
    deliver: async () => {
      const answered = page.waitForResponse((response) => response.url().endsWith(`/api/${name}`));
      release();
      await answered;
      // a macrotask in the page, so the answer has been rendered (or dropped)
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 200)));
    },
  };
}

async function documentXml(download: Download): Promise<string> {
  const zip = await ZipFile.open(await download.path());
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of zip.read(zip.entry('word/document.xml')!)) chunks.push(chunk);
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    zip.close();
  }
}

test.use({ initialised: false });

test('an office writes and submits its monthly summary, the bureau sees it on time after a bundle, returns it, and receives the resubmission', async ({ page, workspace }) => {
  test.setTimeout(360_000);
  const officeDb = path.join(workspace.dir, 'office', 'qkl.sqlite');
  const bureauDb = path.join(workspace.dir, 'bureau', 'qkl.sqlite');
  const usb = path.join(workspace.dir, 'usb');
  await Promise.all([mkdir(path.dirname(officeDb)), mkdir(path.dirname(bureauDb))]);
  await officeAndBureau(officeDb, bureauDb, 3);
  const m = month();
  const title = `塘桥分局${monthLabel(m)}特种设备“区、块、链”监管工作小结`;

  const officeHost = await startHost(officeDb);
  // The month's first read is held back until the texts are typed, as a loaded machine may
  // deliver it: the page must keep what was typed (the read after 报送设置 is the newer one).
  const lateRead = await holdFirstCall(page, 'summaries.get');
  let bureauHost: Host | null = null;
  try {
    await open(page, officeHost, '月度工作小结');
    const summaries = new SummariesPage(page);
    // 报送设置 (due at the month's end) at once, while the month may still be being read:
    // the page shows the later read, never the first one landing late over typed texts
    await summaries.setDueDay(31);

    // pre-filled from the office's data: the three units of the ledger
    await summaries.expectMonth(title);
    await expect(summaries.figures.locator('tr[data-key="units"]')).toContainText('辖区使用单位');
    await expect(summaries.figure('units')).toHaveText('3 家');
    await expect(summaries.figure('trainingSessions')).toHaveText('无数据');
    await expect(summaries.status).toContainText('未填写');

    // 存在问题 left empty: the submission is refused at that field; the draft is saved
    await summaries.text('experience').fill(text.experience);
    await summaries.text('proposals').fill(text.proposals);
    await lateRead.deliver();
    await summaries.submit();
    await expect(page.getByRole('alert').filter({ hasText: '请填写“存在问题”后再报送' })).toBeVisible();
    await expect(summaries.text('problems')).toHaveAttribute('aria-invalid', 'true');
    // only 存在问题 was missing: the texts typed are still there, and saved
    await expect(summaries.text('experience')).toHaveValue(text.experience);
    await expect(summaries.text('experience')).toHaveAttribute('aria-invalid', 'false');
    await expect(summaries.status).toContainText('草稿');

    await summaries.text('problems').fill(text.problems);
    await summaries.submit();
    await expect(page.getByRole('status').filter({ hasText: '已报送。' })).toBeVisible();
    await expect(summaries.status).toContainText('已报送');
    await expect(summaries.status).toContainText('按时报送');
    // final: the texts are shown, not editable
    await expect(page.getByRole('button', { name: '报送市局' })).toHaveCount(0);
    await expect(summaries.shownText('experience')).toHaveText(text.experience);

    // the Word document carries the title, the figures and the narrative
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 Word' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`塘桥分局${monthLabel(m)}工作小结.docx`);
    const xml = await documentXml(download);
    expect(xml).toContain(title);
    expect(xml).toContain('辖区使用单位');
    for (const value of Object.values(text)) expect(xml).toContain(value);

    // the print paper, in the official layout
    await page.getByRole('link', { name: '打印 / PDF' }).click();
    await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
    await expect(page.locator('.sum-paper')).toContainText('三、存在问题');
    await expect(page.locator('.sum-paper')).toContainText(text.problems);
    await expect(page.locator('.sum-paper')).toContainText('张家港市市场监督管理局塘桥分局');

    // ---- the office's bundle, the bureau imports it
    await sendBundle(page, officeHost, OFFICE_PASSPHRASE, path.join(usb, 'up-1'));
    await expect(page.getByTestId('export-result').locator('tr[data-table="monthly_summaries"]')).toHaveText(/月度工作小结\s*1/);
    bureauHost = await startHost(bureauDb);
    await importBundles(page, bureauHost, BUREAU_PASSPHRASE, path.join(usb, 'up-1'));

    // ---- the city view: 塘桥分局's month is 按时报送; the bureau opens it and returns it with a comment
    await page.getByRole('navigation').getByRole('link', { name: '月度工作小结', exact: true }).click();
    const cell = page.getByTestId('summary-city').locator(`tr[data-office="塘桥分局"] td[data-month="${m}"]`);
    await expect(cell).toHaveText('按时报送');
    await cell.getByRole('link', { name: `查看 塘桥分局 ${monthLabel(m)} 的工作小结` }).click();
    await expect(page.getByRole('heading', { name: title })).toBeVisible();
    await expect(page.locator('[data-field="problems"]')).toHaveText(text.problems);
    // judged by when the bureau received it, shown beside the office's own submission time
    await expect(page.getByTestId('summary-received-at')).toContainText('市局收到：');
    await expect(page.getByTestId('summary-figures').locator('tr[data-key="units"] td.num')).toHaveText('3 家');
    await page.getByRole('button', { name: '退回', exact: true }).click();
    const returning = page.getByRole('dialog', { name: '退回工作小结' });
    await returning.getByRole('button', { name: '退回', exact: true }).click();
    await expect(returning.getByRole('alert')).toContainText('退回请写明意见');
    await returning.getByLabel(/退回意见/).fill(comment);
    await returning.getByRole('button', { name: '退回', exact: true }).click();
    await expect(returning).toBeHidden();
    await expect(page.getByTestId('summary-status')).toContainText('已退回');
    await page.getByRole('link', { name: '返回各分局报送情况' }).click();
    await expect(cell).toHaveText('已退回');
    await sendBundle(page, bureauHost, BUREAU_PASSPHRASE, path.join(usb, 'down-1'), '塘桥分局');

    // ---- the office imports the return: 已退回 with the comment, editable; it revises and submits again
    await importBundles(page, officeHost, OFFICE_PASSPHRASE, path.join(usb, 'down-1'));
    await page.getByRole('navigation').getByRole('link', { name: '月度工作小结', exact: true }).click();
    await expect(page.getByTestId('summary-returned')).toContainText(comment);
    await page.getByLabel(/存在问题/).fill(`${text.problems}\n隐患闭环率偏低，已逐户督促整改。`);
    await page.getByRole('button', { name: '报送市局' }).click();
    await page.getByRole('dialog', { name: '报送工作小结' }).getByRole('button', { name: '确认报送' }).click();
    await expect(page.getByTestId('summary-status')).toContainText('按时报送');
    await sendBundle(page, officeHost, OFFICE_PASSPHRASE, path.join(usb, 'up-2'));

    // ---- the bureau: on time again; it marks the new submission received
    await importBundles(page, bureauHost, BUREAU_PASSPHRASE, path.join(usb, 'up-2'));
    await page.getByRole('navigation').getByRole('link', { name: '月度工作小结', exact: true }).click();
    await expect(cell).toHaveText('按时报送');
    await cell.getByRole('link').click();
    await expect(page.locator('[data-field="problems"]')).toContainText('隐患闭环率偏低');
    await page.getByRole('button', { name: '标记已收' }).click();
    await expect(page.getByRole('status').filter({ hasText: '已标记收到' })).toBeVisible();
    await expect(page.getByTestId('summary-status')).toContainText('市局已收');
    await page.getByRole('link', { name: '返回各分局报送情况' }).click();
    await expect(cell).toContainText('按时报送');
    await expect(cell).toContainText('已收');
  } finally {
    await bureauHost?.stop();
    await officeHost.stop();
  }
});
