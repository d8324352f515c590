import { expect, type Locator, type Page } from '@playwright/test';
import { Grid } from './grid.ts';
import { openArea } from './shell.ts';

export type CountRow = 'units' | 'equipment' | 'managers';
export type CountCol = 'inserted' | 'updated' | 'unchanged';

/** 台账导入: the wizard from the file to the result. */
export class LedgerPage {
  readonly fileInput: Locator;
  readonly summary: Locator;
  readonly issues: Grid;
  readonly dialog: Locator;
  readonly result: Locator;
  readonly notice: Locator;

  constructor(readonly page: Page) {
    this.fileInput = page.getByTestId('ledger-file-input');
    this.summary = page.getByTestId('import-summary');
    this.issues = new Grid(page, page.getByTestId('issues-grid'));
    this.dialog = page.getByRole('dialog');
    this.result = page.getByTestId('import-result');
    this.notice = page.getByTestId('import-notice');
  }

  async goto(): Promise<void> {
    await openArea(this.page, '台账导入');
    await expect(this.page.getByRole('heading', { name: '台账导入', level: 1 })).toBeVisible();
  }

  /** Chooses a file and waits for the preview's summary (or the mapping step). */
  async choose(file: string): Promise<void> {
    await this.fileInput.setInputFiles(file);
    await expect(this.summary.or(this.page.getByTestId('mapping-step'))).toBeVisible({ timeout: 60_000 });
  }

  count(table: 'preview-counts' | 'result-counts', row: CountRow, col: CountCol): Locator {
    return this.page.getByTestId(table).locator(`tr[data-row="${row}"] td[data-col="${col}"]`);
  }

  async showIssues(which: '全部' | '错误' | '提示'): Promise<void> {
    await this.page.getByRole('radiogroup', { name: '显示' }).getByText(new RegExp(`^${which} \\d+$`)).click();
  }

  /** 导出问题行 → the download. */
  async exportProblems() {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: '导出问题行' }).click();
    return download;
  }

  /** 导入… → the confirmation (its text) → Enter → the result. */
  async importAndConfirm(): Promise<string> {
    await this.page.getByRole('button', { name: '导入…' }).click();
    await expect(this.dialog).toBeVisible();
    const text = (await this.dialog.getByTestId('confirm-text').textContent()) ?? '';
    // the confirm button has the focus: Enter imports
    await this.page.keyboard.press('Enter');
    await expect(this.result).toBeVisible({ timeout: 60_000 });
    return text;
  }

  async another(): Promise<void> {
    await this.page.getByRole('button', { name: '导入另一个文件' }).click();
    await expect(this.page.getByTestId('dropzone')).toBeVisible();
  }
}
