import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { deleteNewest, rewriteFrom } from '../../electron/core/audit/testing/tamper.ts';
import { expect, test } from './fixtures.ts';
import { CityPage } from './pages/bundles-page.ts';
import { BUREAU_PASSPHRASE, OFFICE_PASSPHRASE, officeAndBureau, qkl, startHost, type Host } from './support/two-nodes.ts';

// 设置 → 审计日志 on an office whose head went out signed in a real bundle: verified,
// then the newest entries are deleted behind the app's back and 重新核验 lists the
// problems. On the bureau, an office that cut and rewrote its log shows 审计链断裂 in 全市概况.

test.use({ initialised: false });

/** Changes the database file as someone with the file in hand would, through their own connection. */
function tamper(file: string, change: (db: Database.Database) => void): void {
  const db = new Database(file);
  try {
    change(db);
  } finally {
    db.close();
  }
}

test('the audit page verifies the chain against the signed anchor and lists what was deleted; the city view shows an office log that was cut and rewritten', async ({ page, workspace }) => {
  test.setTimeout(300_000);
  const officeDb = path.join(workspace.dir, 'office', 'qkl.sqlite');
  const bureauDb = path.join(workspace.dir, 'bureau', 'qkl.sqlite');
  await Promise.all([mkdir(path.dirname(officeDb)), mkdir(path.dirname(bureauDb))]);
  await officeAndBureau(officeDb, bureauDb);
  const exportBundle = async (n: number) => {
    const file = path.join(workspace.dir, `塘桥-${n}.qklb`);
    await qkl(['export-bundle', '--db', officeDb, '--out', file, '--json'], OFFICE_PASSPHRASE);
    return file;
  };
  await qkl(['import-bundle', '--db', bureauDb, await exportBundle(1), '--json'], BUREAU_PASSPHRASE);

  let host: Host = await startHost(officeDb);
  try {
    await page.goto(host.openUrl);
    await page.getByRole('navigation').getByRole('link', { name: '审计日志', exact: true }).click();
    await expect(page.getByRole('heading', { name: '审计日志', level: 1 })).toBeVisible();
    const verification = page.getByTestId('audit-verification');
    await expect(verification).toContainText(/核验通过：共 \d+ 条记录，哈希链完整，并且仍能接上已签名的锚点（第 \d+ 条）/);
    const entries = page.getByTestId('audit-entries');
    await expect(entries.locator('tbody tr').first()).toContainText(/导出数据包（签名并加密）\s*已导出数据包/);
    await expect(entries.locator('thead')).toHaveText(/序号\s*时间\s*经办人\s*操作\s*数据表\s*行数/);
    // who and what, never the values: no ID number or phone in the page
    await expect(page.locator('body')).not.toHaveText(/\d{17}[\dX]|1[3-9]\d{9}/);

    tamper(officeDb, (db) => deleteNewest(db, 2));
    await page.getByRole('button', { name: '重新核验' }).click();
    await expect(verification).toHaveAttribute('role', 'alert');
    await expect(verification).toContainText('核验未通过，发现 2 处问题');
    await expect(page.getByTestId('audit-problems').locator('li').first()).toContainText(/^第 \d+ 条已于 .* 导出数据包时签名锚定，但审计日志现在只到第 \d+ 条：最新的记录被删除/);
  } finally {
    await host.stop();
  }

  // the office's log, already cut, rewritten with recomputed hashes; its next bundle is imported and the break shown to the city
  tamper(officeDb, (db) => rewriteFrom(db, 1, '别人'));
  const second = JSON.parse(await qkl(['import-bundle', '--db', bureauDb, await exportBundle(2), '--json'], BUREAU_PASSPHRASE)) as { status: string; auditChain: { status: string } | null };
  expect(second).toMatchObject({ status: 'imported', auditChain: { status: 'break' } });
  host = await startHost(bureauDb);
  try {
    await page.goto(host.openUrl);
    const city = new CityPage(page);
    await city.goto();
    await expect(page.getByTestId('city-audit-breaks')).toContainText('塘桥分局的审计链断裂（数据已导入');
    await expect(page.getByTestId('city-audit-breaks')).toContainText(/塘桥分局：\d{4}-\d\d-\d\d \d\d:\d\d 导入的数据包，第 \d+ 条。审计记录被回退/);
    await expect(city.office('塘桥分局').locator('[col-id="audit"]')).toHaveText('断裂 1 次');
  } finally {
    await host.stop();
  }
});
