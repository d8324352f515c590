import { copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import Database from 'better-sqlite3';
import { expect, test } from './fixtures.ts';
import { runTool } from './support/tools.ts';

// 密钥与信任 on the real core: keys made in the UI (the browser host has no
// safeStorage, so a passphrase is asked), the .pub exported and enrolled by a bureau
// made with the CLI, that bureau's .pub trusted after the phone check, then revoked.

const PASS = 'e2e passphrase 2026';
const FINGERPRINT = /^\d{5}( \d{5}){7}$/;

/** A picture for the report (and for the README when QKL_SCREENSHOTS names a folder). */
async function picture(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
  if (process.env['QKL_SCREENSHOTS']) await copyFile(file, `${process.env['QKL_SCREENSHOTS']}/qkl-${name}.png`);
}

/** `qkl` with QKL_PASSPHRASE set, as a clerk runs it. */
async function qkl(args: string[]): Promise<string> {
  const { stdout } = await runTool('cli', args, {
    timeout: 90_000,
    env: { ...process.env, QKL_PASSPHRASE: PASS },
  });
  return stdout;
}

// Each CLI run starts tsx and derives a scrypt key: slow on a shared machine.
test.describe.configure({ timeout: 300_000 });

test('an office makes its keys, exports its .pub, trusts the bureau after the phone check and revokes it', async ({ app, workspace }, testInfo) => {
  // the bureau, on "another computer"
  const bureauDb = path.join(workspace.dir, 'bureau.sqlite');
  const bureauPub = path.join(workspace.dir, '市局特设科.pub');
  await qkl(['init', '--db', bureauDb, '--role', 'bureau', '--name', '市局特设科']);
  const bureau = JSON.parse(await qkl(['keys', 'export', '--db', bureauDb, '--out', bureauPub, '--json'])) as { fingerprint: string; keyId: string };

  await app.getByRole('navigation').getByRole('link', { name: '密钥与信任' }).click();
  await expect(app.getByRole('heading', { name: '密钥与信任', level: 1 })).toBeVisible();
  // the fixture made the node without QKL_PASSPHRASE: no keys yet
  await expect(app.getByTestId('no-keys')).toBeVisible();
  await app.getByRole('button', { name: '创建密钥' }).click();
  const create = app.getByRole('dialog', { name: '创建本节点密钥' });
  await expect(create.getByText('口令丢失后无法找回，请妥善保管')).toBeVisible();
  await create.getByLabel(/^口令/).fill(PASS);
  await create.getByLabel('再次输入口令').fill(`${PASS}!`);
  await create.getByRole('button', { name: '创建' }).click();
  await expect(create.getByText('两次输入的口令不一致')).toBeVisible();
  await create.getByLabel('再次输入口令').fill(PASS);
  await create.getByRole('button', { name: '创建' }).click();
  await expect(create).toBeHidden({ timeout: 60_000 });

  // my fingerprint, big, in digit groups
  const own = app.getByTestId('own-fingerprint');
  await expect(own).toHaveText(FINGERPRINT);
  const ownFingerprint = (await own.textContent())!;

  // export the .pub; the bureau enrols it with the CLI, checking the digits read to it
  const downloading = app.waitForEvent('download');
  await app.getByRole('button', { name: '导出公钥文件（.pub）' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('塘桥分局.pub');
  const officePub = path.join(workspace.dir, download.suggestedFilename());
  await download.saveAs(officePub);
  expect(JSON.parse(await readFile(officePub, 'utf8'))).toMatchObject({ kind: 'qkl-public-identity', name: '塘桥分局', role: 'district' });
  const enrolled = JSON.parse(await qkl(['keys', 'trust', '--db', bureauDb, officePub, '--fingerprint', ownFingerprint, '--json'])) as { fingerprint: string; action: string };
  expect(enrolled).toMatchObject({ fingerprint: ownFingerprint, action: 'enrol-office' });

  // trust the bureau's .pub: whose it is and its fingerprint; 信任 only after the phone check is ticked
  await app.getByLabel('选择公钥文件').setInputFiles(bureauPub);
  const candidate = app.getByTestId('trust-candidate');
  await expect(candidate.getByTestId('candidate-name')).toHaveText('市局特设科');
  await expect(candidate).toContainText('市局');
  await expect(candidate.getByTestId('candidate-fingerprint')).toHaveText(bureau.fingerprint);
  const trustButton = candidate.getByRole('button', { name: '信任', exact: true });
  await expect(trustButton).toBeDisabled();
  await candidate.getByLabel('我已通过电话与对方核对指纹，完全一致').check();
  await picture(app, testInfo, 'keys-trust');
  await trustButton.click();
  await expect(app.getByTestId('keys-status')).toHaveText('已信任“市局特设科”的公钥');
  const row = app.getByTestId('trusted-keys').locator(`tr[data-key-id="${bureau.keyId}"]`);
  await expect(row).toContainText('市局特设科');
  await expect(row).toContainText('有效');

  // revoke, with a reason
  await row.getByRole('button', { name: /^吊销/ }).click();
  const revoke = app.getByRole('dialog', { name: '吊销公钥' });
  await expect(revoke).toContainText('确定吊销“市局特设科”的这个公钥吗？');
  await revoke.getByRole('button', { name: '确认吊销' }).click();
  await expect(revoke.getByText('请填写吊销原因')).toBeVisible();
  await revoke.getByLabel('吊销原因').fill('市局已更换电脑');
  await picture(app, testInfo, 'keys-revoke');
  await revoke.getByRole('button', { name: '确认吊销' }).click();
  await expect(revoke).toBeHidden();
  await expect(row).toContainText('已吊销');
  await expect(row).toContainText('市局已更换电脑');
  await expect(row.getByRole('button', { name: /^吊销/ })).toHaveCount(0);
  // the CLI, an independent witness, reads the same from the database
  const list = JSON.parse(await qkl(['keys', 'list', '--db', workspace.databaseFile, '--json'])) as Array<{ keyId: string }>;
  expect(list).toEqual([expect.objectContaining({ keyId: bureau.keyId, revokedAt: expect.any(String), revokedReason: '市局已更换电脑' })]);

  // replacing the keys asks for the passphrase the keys are sealed with
  await app.getByRole('button', { name: '更换密钥' }).click();
  const rotate = app.getByRole('dialog', { name: '更换本节点密钥' });
  await rotate.getByLabel(/^口令/).fill('not the passphrase');
  await rotate.getByRole('button', { name: '确认更换' }).click();
  await expect(rotate.getByText(/口令不正确/)).toBeVisible({ timeout: 60_000 });
  await rotate.getByLabel(/^口令/).fill(PASS);
  await rotate.getByRole('button', { name: '确认更换' }).click();
  await expect(rotate).toBeHidden({ timeout: 60_000 });
  await expect(own).toHaveText(FINGERPRINT);
  await expect(own).not.toHaveText(ownFingerprint);
});

test('更换口令: a short new one and a wrong old one are refused at their fields; then the new one opens the keys and the old one no longer does', async ({ app }) => {
  const NEW = 'new e2e passphrase 2027';
  await app.getByRole('navigation').getByRole('link', { name: '密钥与信任' }).click();
  await app.getByRole('button', { name: '创建密钥' }).click();
  const create = app.getByRole('dialog', { name: '创建本节点密钥' });
  await create.getByLabel(/^口令/).fill(PASS);
  await create.getByLabel('再次输入口令').fill(PASS);
  await create.getByRole('button', { name: '创建' }).click();
  const own = app.getByTestId('own-fingerprint');
  await expect(own).toHaveText(FINGERPRINT, { timeout: 60_000 });
  const before = (await own.textContent())!;

  await app.getByRole('button', { name: '更换口令' }).click();
  const change = app.getByRole('dialog', { name: '更换口令' });
  const old = change.getByLabel(/^原口令/);
  const fresh = change.getByLabel(/^新口令/);
  // the form's own checks: the old one missing and the new one too short, both at once
  await fresh.fill('short');
  await change.getByLabel(/^再次输入新口令/).fill('short');
  await change.getByRole('button', { name: '更换口令' }).click();
  await expect(old).toHaveAttribute('aria-invalid', 'true');
  await expect(old).toHaveAccessibleDescription(/请输入口令/);
  await expect(fresh).toHaveAttribute('aria-invalid', 'true');
  await expect(fresh).toHaveAccessibleDescription(/口令至少需要 8 个字符/);
  // the core's: the old one does not open the keys
  await old.fill('not the passphrase');
  await fresh.fill(NEW);
  await change.getByLabel(/^再次输入新口令/).fill(NEW);
  await change.getByRole('button', { name: '更换口令' }).click();
  await expect(old).toHaveAccessibleDescription(/口令不正确/, { timeout: 60_000 });
  await expect(old).toHaveAttribute('aria-invalid', 'true');
  await expect(fresh).toHaveAttribute('aria-invalid', 'false');
  await old.fill(PASS);
  await change.getByRole('button', { name: '更换口令' }).click();
  await expect(change).toBeHidden({ timeout: 60_000 });
  await expect(app.getByTestId('keys-status')).toContainText('已改用新口令保护，原口令从此无效');

  // replacing the keys needs the passphrase: the old one is refused, the new one opens them
  await app.getByRole('button', { name: '更换密钥' }).click();
  const rotate = app.getByRole('dialog', { name: '更换本节点密钥' });
  await rotate.getByLabel(/^口令/).fill(PASS);
  await rotate.getByRole('button', { name: '确认更换' }).click();
  await expect(rotate.getByText(/口令不正确/)).toBeVisible({ timeout: 60_000 });
  await expect(own).toHaveText(before);
  await rotate.getByLabel(/^口令/).fill(NEW);
  await rotate.getByRole('button', { name: '确认更换' }).click();
  await expect(rotate).toBeHidden({ timeout: 60_000 });
  await expect(own).toHaveText(FINGERPRINT);
  await expect(own).not.toHaveText(before);
});

test.describe('on the bureau', () => {
  test.use({ nodeRole: 'bureau' });

  test('replacing the keys with the old one revoked records the signed statements the offices will receive', async ({ app, workspace }) => {
    await app.getByRole('navigation').getByRole('link', { name: '密钥与信任' }).click();
    await app.getByRole('button', { name: '创建密钥' }).click();
    const create = app.getByRole('dialog', { name: '创建本节点密钥' });
    await create.getByLabel(/^口令/).fill(PASS);
    await create.getByLabel('再次输入口令').fill(PASS);
    await create.getByRole('button', { name: '创建' }).click();
    const own = app.getByTestId('own-fingerprint');
    await expect(own).toHaveText(FINGERPRINT, { timeout: 60_000 });
    const before = (await own.textContent())!;

    await app.getByRole('button', { name: '更换密钥' }).click();
    const rotate = app.getByRole('dialog', { name: '更换本节点密钥' });
    await expect(rotate).toContainText('自动通知各分局');
    await rotate.getByLabel(/旧密钥可能已泄露/).check();
    await rotate.getByLabel(/^口令/).fill(PASS);
    // a revocation without its reason is refused, the dialog stays
    await rotate.getByRole('button', { name: '确认更换' }).click();
    await expect(rotate.getByText('请填写吊销原因')).toBeVisible({ timeout: 60_000 });
    await rotate.getByLabel('吊销原因（各分局可见）').fill('旧电脑丢失');
    await rotate.getByRole('button', { name: '确认更换' }).click();
    await expect(rotate).toBeHidden({ timeout: 60_000 });
    await expect(app.getByTestId('keys-status')).toContainText('各分局导入市局下一次发出的数据包后');
    await expect(own).not.toHaveText(before);

    // the database holds a rotation signed by the old key and a revocation with the reason, waiting for the next bundles
    const db = new Database(workspace.databaseFile, { readonly: true });
    try {
      const rows = db.prepare('SELECT kind, statement FROM bureau_key_statements ORDER BY kind DESC').all() as Array<{ kind: string; statement: string }>;
      expect(rows.map((r) => r.kind)).toEqual(['rotate', 'revoke']);
      expect(JSON.parse(rows[1]!.statement)).toMatchObject({ action: 'revoke', reason: '旧电脑丢失' });
    } finally {
      db.close();
    }
  });

  test('the recovery sheet shows the backup key with the warning, for printing', async ({ app }, testInfo) => {
    await app.getByRole('navigation').getByRole('link', { name: '密钥与信任' }).click();
    await app.getByRole('button', { name: '创建密钥' }).click();
    const create = app.getByRole('dialog', { name: '创建本节点密钥' });
    await create.getByLabel(/^口令/).fill(PASS);
    await create.getByLabel('再次输入口令').fill(PASS);
    await create.getByRole('button', { name: '创建' }).click();
    await expect(app.getByTestId('own-fingerprint')).toHaveText(FINGERPRINT, { timeout: 60_000 });

    await app.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed++;
      };
    });
    await app.getByRole('button', { name: '打印恢复单' }).click();
    const ask = app.getByRole('dialog', { name: '打印恢复单' });
    await ask.getByLabel(/^口令/).fill(PASS);
    await ask.getByRole('button', { name: '显示恢复单' }).click();
    const sheet = app.getByTestId('recovery-sheet');
    await expect(sheet).toBeVisible({ timeout: 60_000 });
    await expect(sheet.getByRole('heading', { name: '市局备用密钥恢复单' })).toBeVisible();
    await expect(sheet).toContainText('绝密');
    await expect(app.getByTestId('recovery-secret')).toHaveText(/^AGE-SECRET-KEY-1[0-9A-Z]+$/);
    await picture(app, testInfo, 'keys-recovery-sheet');
    await app.getByRole('button', { name: '打印', exact: true }).click();
    await expect.poll(() => app.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    // printed, only the sheet shows
    await app.emulateMedia({ media: 'print' });
    await expect(app.getByRole('navigation')).toBeHidden();
    await expect(sheet).toBeVisible();
    await app.emulateMedia({ media: 'screen' });
    await app.getByRole('button', { name: '关闭' }).click();
    await expect(sheet).toHaveCount(0);
  });
});
