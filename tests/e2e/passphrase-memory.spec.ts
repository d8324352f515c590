import path from 'node:path';
import type { Page } from '@playwright/test';
import { cli, expect, test, type Workspace } from './fixtures.ts';
import { BundlesPage } from './pages/bundles-page.ts';
import { openArea } from './pages/shell.ts';

// The passphrase typed once is kept by the page (in memory) and forgotten after the
// idle minutes set in 设置 and when the screen locks; export then asks again. The
// clock is Playwright's, so "six minutes later" takes no six minutes. 更换口令 on
// 密钥与信任 moves the keys to a new passphrase: the old one is refused afterwards.

const PASS = 'tangqiao passphrase 2026';
const NEW_PASS = 'tangqiao new passphrase 2027';
test.describe.configure({ timeout: 300_000 });

/** The fixture's office gets keys, and trusts a bureau made on "another computer", all with the CLI. */
async function officeWithBureau(workspace: Workspace): Promise<void> {
  const bureauDb = path.join(workspace.dir, 'bureau.sqlite');
  const bureauPub = path.join(workspace.dir, '市局.pub');
  await Promise.all([
    cli(['keys', 'create', '--db', workspace.databaseFile], { QKL_PASSPHRASE: PASS }),
    cli(['init', '--db', bureauDb, '--role', 'bureau', '--name', '市局特设科'], { QKL_PASSPHRASE: 'bureau passphrase 2026' }),
  ]);
  const { fingerprint } = JSON.parse(await cli(['keys', 'export', '--db', bureauDb, '--out', bureauPub, '--json'])) as { fingerprint: string };
  await cli(['keys', 'trust', '--db', workspace.databaseFile, bureauPub, '--fingerprint', fingerprint]);
}

/** 导出数据包 once; whether the passphrase dialog came up is read from the page before answering. */
async function exportOnce(bundles: BundlesPage, sequence: number, passphrase: string | null): Promise<void> {
  await bundles.startExport();
  if (passphrase === null) {
    await expect(bundles.exportResult).toContainText(`已导出第 ${sequence} 号`, { timeout: 60_000 });
    await expect(bundles.passphraseDialog).toHaveCount(0);
    return;
  }
  await bundles.answerPassphrase(passphrase);
  await expect(bundles.passphraseDialog).toBeHidden({ timeout: 60_000 });
  await expect(bundles.exportResult).toContainText(`已导出第 ${sequence} 号`, { timeout: 60_000 });
}

/** What the browser host's bridge reads as a screen lock: the page becomes hidden. */
async function lockScreen(page: Page): Promise<void> {
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

test('the passphrase is asked once, kept while the clerk works, and asked again after the idle minutes and after a screen lock', async ({ app, workspace }) => {
  await officeWithBureau(workspace);
  // the page's clock from now on: time runs, and the test can jump it forward
  await app.clock.install();
  await app.reload();

  // 设置: forget after 5 minutes (a nonsense value is refused at the field)
  await openArea(app, '设置');
  const section = app.getByRole('region', { name: '口令与锁屏' });
  const minutes = section.getByLabel('无操作多少分钟后忘记口令');
  await expect(minutes).toHaveValue('15');
  await minutes.fill('0');
  await section.getByRole('button', { name: '保存' }).click();
  await expect(section.getByText('口令记忆时长应在 1 到 240 分钟之间')).toBeVisible();
  await minutes.fill('5');
  await section.getByRole('button', { name: '保存' }).click();
  await expect(section.getByRole('status')).toHaveText('已保存');

  const bundles = new BundlesPage(app);
  await bundles.goto();
  await exportOnce(bundles, 1, PASS);
  // kept: no dialog for the next export, nor after four quiet minutes
  await exportOnce(bundles, 2, null);
  await app.clock.fastForward('04:00');
  await exportOnce(bundles, 3, null);

  // six minutes without input: forgotten, asked again
  await app.clock.fastForward('06:00');
  await exportOnce(bundles, 4, PASS);
  await exportOnce(bundles, 5, null);

  // the screen locks: forgotten at once
  await lockScreen(app);
  await exportOnce(bundles, 6, PASS);

  // the setting is the database's: a reload (a restart) keeps 5 minutes
  await app.reload();
  await openArea(app, '设置');
  await expect(app.getByRole('region', { name: '口令与锁屏' }).getByLabel('无操作多少分钟后忘记口令')).toHaveValue('5');
});

test('更换口令 re-seals the keys: the old passphrase is refused afterwards, the new one exports', async ({ app, workspace }) => {
  await officeWithBureau(workspace);
  await app.reload();
  const bundles = new BundlesPage(app);
  await bundles.goto();
  await exportOnce(bundles, 1, PASS);

  await app.getByRole('navigation').getByRole('link', { name: '密钥与信任' }).click();
  await app.getByRole('button', { name: '更换口令' }).click();
  const dialog = app.getByRole('dialog', { name: '更换口令' });
  await expect(dialog).toContainText('共有 2 把私钥由口令保护');
  await dialog.getByLabel('原口令').fill('not the passphrase');
  await dialog.getByLabel(/^新口令/).fill(NEW_PASS);
  await dialog.getByLabel('再次输入新口令').fill(NEW_PASS);
  await dialog.getByRole('button', { name: '更换口令' }).click();
  await expect(dialog.getByText(/口令不正确/)).toBeVisible({ timeout: 60_000 });
  await dialog.getByLabel('原口令').fill(PASS);
  await dialog.getByRole('button', { name: '更换口令' }).click();
  await expect(dialog).toBeHidden({ timeout: 60_000 });
  await expect(app.getByTestId('keys-status')).toContainText('已更换口令：2 把私钥');

  // the page forgot the old passphrase; the old one is refused, the new one works
  await bundles.goto();
  await bundles.startExport();
  await bundles.answerPassphrase(PASS);
  await expect(bundles.passphraseDialog.getByRole('alert')).toContainText('口令不正确', { timeout: 60_000 });
  await bundles.answerPassphrase(NEW_PASS);
  await expect(bundles.exportResult).toContainText('已导出第 2 号', { timeout: 60_000 });
  // the CLI, an independent witness: only the new passphrase opens the keys
  await expect(cli(['keys', 'rotate', '--db', workspace.databaseFile], { QKL_PASSPHRASE: PASS })).rejects.toThrow(/口令不正确/);
});
