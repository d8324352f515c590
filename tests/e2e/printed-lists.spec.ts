import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { cli, expect, test, type Workspace } from './fixtures.ts';
import { pdfPages } from './support/pdf-text.ts';
import { readDownload } from './xlsx.ts';

// Printed lists as Chromium prints them to PDF (the text of each page read back from the
// file): 第 N 页 共 M 页 at the foot of every page, a 合计 row and the 填表人 / 审核人 lines;
// the 工作联系表 with the managers' phones in full, which stay masked on the screen.

/** Text as compared with a page's: no white space, full-width punctuation as the PDF text has it (NFKC). */
const flat = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');

async function printed(app: Page): Promise<string[]> {
  await app.emulateMedia({ media: 'print' });
  return pdfPages(await app.pdf({ preferCSSPageSize: true, printBackground: true })).map(flat);
}

function expectPageFooters(pages: string[]): void {
  expect(pages.length).toBeGreaterThan(1);
  pages.forEach((text, i) => expect(text, `page ${i + 1}`).toContain(`第${i + 1}页共${pages.length}页`));
}

test.describe('两项清单', () => {
  test.use({ sample: { units: 40, seed: 3 } });

  test('the printed lists carry page numbers, 合计 rows and the lines to sign, and no internal id', async ({ app, workspace }) => {
    const listed = workspace.sample!.units.filter((u) => u.counted >= 20);
    const pieces = listed.reduce((n, u) => n + u.counted, 0);
    await app.goto(`${app.url().split('#')[0]}#/lists-print`);
    await expect(app.getByRole('heading', { name: /^特种设备使用单位清单/ })).toBeVisible();
    const total1 = app.getByTestId('list1-total');
    await expect(total1).toContainText('合计');
    await expect(total1).toContainText(`${listed.length} 家`);
    await expect(total1.locator('td.num').first()).toHaveText(String(pieces));
    await expect(app.getByTestId('list2-total')).toContainText(/合计.*\d+ 人/);
    await expect(app.getByTestId('print-sign-lines')).toHaveCount(2);

    const pages = await printed(app);
    expectPageFooters(pages);
    const all = pages.join('');
    expect(all).toContain(`合计${listed.length}家${pieces}`);
    expect(all).toContain(flat('填表人：'));
    expect(all).toContain(flat('审核人：'));
    // the last page of each list ends with the lines to sign
    expect(pages.at(-1)).toContain(flat('填表人：'));
    expect(all).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}/);
  });
});

test.describe('工作联系表', () => {
  test.use({ sample: { units: 12, seed: 8 } });

  async function blockWithPhones(workspace: Workspace): Promise<{ phones: string[]; units: string[] }> {
    const db = new Database(workspace.databaseFile, { readonly: true });
    let rows: { unitId: string; phone: string }[];
    try {
      rows = db
        .prepare(
          `SELECT m.unit_id AS unitId, m.phone FROM safety_managers m
           WHERE m.deleted_at IS NULL AND m.phone GLOB '1[3-9][0-9]*' AND length(m.phone) = 11 ORDER BY m.unit_id`,
        )
        .all() as { unitId: string; phone: string }[];
    } finally {
      db.close();
    }
    const units = [...new Set(rows.map((r) => r.unitId))].slice(0, 5);
    expect(units).toHaveLength(5);
    await cli(['call', 'blocks.save', '--db', workspace.databaseFile, '--input', JSON.stringify({ name: '塘桥测试组', memberUnitIds: units, leadUnitId: units[0] })]);
    return { units, phones: rows.filter((r) => units.includes(r.unitId)).map((r) => r.phone) };
  }

  test('shows the managers’ phones in full on the contact sheet and its xlsx only, with page numbers and 合计', async ({ app, workspace }) => {
    const { phones } = await blockWithPhones(workspace);
    const phone = phones[0]!;
    const masked = `${phone.slice(0, 3)}****${phone.slice(-4)}`;

    // the chain page on screen: masked, and it says where the full numbers go
    await app.goto(`${app.url().split('#')[0]}#/chain`);
    const roster = app.getByTestId('chain-roster');
    await expect(roster).toContainText(masked);
    await expect(roster).not.toContainText(phone);
    await expect(app.getByTestId('chain-contact-note')).toContainText('完整号码');
    await expect(app.getByTestId('roster-total')).toContainText('成员单位 5 家');

    // 导出 Excel: the contact sheet as a file, phones in full, with its 合计 and the lines to sign
    const download = app.waitForEvent('download');
    await app.getByRole('button', { name: '导出 Excel' }).click();
    const workbook = await readDownload(await download);
    const sheet = workbook.getWorksheet('工作联系名册')!;
    const cells = sheet.getSheetValues().flat().map(String).join('|');
    for (const p of phones) expect(cells).toContain(p);
    expect(cells).toContain('合计：1 个小组');
    expect(cells).toMatch(/填表人：.*审核人：/);
    expect(sheet.headerFooter.oddFooter).toBe('&C第 &P 页 共 &N 页');

    // 打印联系表: the A4 sheet, phones in full
    await app.goto(`${app.url().split('#')[0]}#/chain-print`);
    const table = app.locator('.chain-sheet .roster-table');
    await expect(table).toContainText(phone);
    await expect(app.locator('.chain-sheet').getByTestId('roster-total')).toContainText('成员单位 5 家');
    const pages = await printed(app);
    expect(pages.length).toBeGreaterThanOrEqual(1);
    pages.forEach((text, i) => expect(text).toContain(`第${i + 1}页共${pages.length}页`));
    const all = pages.join('');
    expect(all).toContain(phone);
    expect(all).toContain(flat('合计成员单位 5 家'));
    expect(all).toContain(flat('填表人：审核人：'));

    // each full-phone read is in the audit log, without the numbers
    const db = new Database(workspace.databaseFile, { readonly: true });
    try {
      const entries = db.prepare("SELECT call, after FROM audit_log WHERE call IN ('chain.roster', 'chain.exportXlsx') ORDER BY seq").all() as { call: string; after: string }[];
      expect(entries.map((e) => e.call)).toEqual(expect.arrayContaining(['chain.exportXlsx', 'chain.roster']));
      for (const e of entries) expect(e.after).not.toContain(phone);
    } finally {
      db.close();
    }
  });
});
