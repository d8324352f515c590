import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures.ts';
import { BundlesPage } from './pages/bundles-page.ts';
import { BUREAU_PASSPHRASE, OFFICE_PASSPHRASE, officeAndBureau, qkl, startHost, type Host } from './support/two-nodes.ts';

// A .qklb opened with the program: the browser host's `--open FILE` stands for the
// desktop app's double-click (the file in argv), a drop on the window is a drop.
// Either way the window lands on 数据包交换 with the import preview of that file,
// nothing written until 导入. And every print page offers 另存为 PDF (in a browser:
// the print dialog's 另存为 PDF).

test.use({ initialised: false });

async function officeBundle(dir: string): Promise<{ bureauDb: string; bundle: string }> {
  const officeDb = path.join(dir, 'office', 'qkl.sqlite');
  const bureauDb = path.join(dir, 'bureau', 'qkl.sqlite');
  await Promise.all([mkdir(path.dirname(officeDb)), mkdir(path.dirname(bureauDb)), mkdir(path.join(dir, 'usb'))]);
  await officeAndBureau(officeDb, bureauDb, 2);
  const bundle = path.join(dir, 'usb', '塘桥分局-0001.qklb');
  await qkl(['export-bundle', '--db', officeDb, '--out', bundle, '--full', '--json'], OFFICE_PASSPHRASE);
  return { bureauDb, bundle };
}

test('a bundle opened with the program (double-click) opens 数据包交换 with its import preview', async ({ page, workspace }) => {
  test.setTimeout(240_000);
  const { bureauDb, bundle } = await officeBundle(workspace.dir);
  let host: Host | null = null;
  try {
    host = await startHost(bureauDb, ['--open', bundle]);
    await page.goto(host.openUrl);
    const bundles = new BundlesPage(page);
    await expect(page.getByRole('heading', { name: '数据包交换', level: 1 })).toBeVisible();
    await expect(page.getByTestId('scan-summary')).toHaveText('已打开 1 个数据包，下面是导入预览（尚未写入）');
    await bundles.answerPassphrase(BUREAU_PASSPHRASE);
    await expect(page.getByTestId('bundle-results-summary')).toHaveText('预览（未写入）：可导入 1 个，已导入过 0 个，拒收 0 个', { timeout: 60_000 });
    await expect(bundles.result('塘桥分局-0001.qklb')).toHaveAttribute('data-status', 'dry-run');
    await expect(bundles.change('塘桥分局-0001.qklb', 'units', 'inserted')).toHaveText('2');
    await expect(page.getByText('还没有导入过数据包。')).toBeVisible();
    // taken once: a reload does not open it again
    await page.reload();
    await expect(page.getByRole('heading', { name: '数据包交换', level: 1 })).toBeVisible();
    await expect(page.getByTestId('scan-summary')).toHaveCount(0);
    // then 导入 writes it
    await bundles.chooseBundles([bundle]);
    await bundles.importChosen();
    await bundles.answerPassphrase(BUREAU_PASSPHRASE);
    await expect(page.getByTestId('bundle-results-summary')).toHaveText('导入完成：已导入 1 个，已导入过 0 个，拒收 0 个', { timeout: 60_000 });
  } finally {
    await host?.stop();
  }
});

test('a bundle dropped on the window opens its import preview; another file dropped is explained', async ({ page, workspace }) => {
  test.setTimeout(240_000);
  const { bureauDb, bundle } = await officeBundle(workspace.dir);
  const host = await startHost(bureauDb);
  try {
    await page.goto(host.openUrl);
    await page.getByRole('navigation').getByRole('link', { name: '全市概况', exact: true }).click();
    const drop = async (name: string, base64: string) =>
      page.evaluate(
        ({ name, base64 }) => {
          const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
          const transfer = new DataTransfer();
          transfer.items.add(new File([bytes], name));
          const main = document.querySelector('main')!;
          main.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
          main.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
        },
        { name, base64 },
      );
    await drop('说明.txt', Buffer.from('hello').toString('base64'));
    await expect(page.getByTestId('file-drop-notice')).toContainText('只能拖入数据包');
    await expect(page.getByRole('heading', { name: '全市概况', level: 1 })).toBeVisible();

    await drop(path.basename(bundle), (await readFile(bundle)).toString('base64'));
    await expect(page.getByRole('heading', { name: '数据包交换', level: 1 })).toBeVisible();
    const bundles = new BundlesPage(page);
    await bundles.answerPassphrase(BUREAU_PASSPHRASE);
    await expect(bundles.result('塘桥分局-0001.qklb')).toHaveAttribute('data-status', 'dry-run', { timeout: 60_000 });
    await expect(bundles.result('塘桥分局-0001.qklb')).toContainText('塘桥分局');
  } finally {
    await host.stop();
  }
});

test.describe('print pages', () => {
  test.use({ initialised: true });

  test('另存为 PDF opens the browser’s print dialog and says how to save the PDF', async ({ app }) => {
    await app.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void ((window as unknown as { printed: number }).printed += 1);
    });
    await app.evaluate(() => void (location.hash = '#/lists-print'));
    await app.getByRole('button', { name: '另存为 PDF' }).click();
    await expect(app.getByTestId('print-pdf-status')).toHaveText('浏览器模式：在打印对话框的“目标打印机”中选择“另存为 PDF”。');
    expect(await app.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  });
});
