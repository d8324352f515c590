import { expect, type Locator, type Page } from '@playwright/test';
import { Grid } from './grid.ts';

export type ChangeCol = 'inserted' | 'updated' | 'deleted' | 'unchanged';

/** 数据包交换 as a user sees it, on an office (export, history, receipt) or on the bureau (scan, preview, import, receipts). */
export class BundlesPage {
  readonly passphraseDialog: Locator;
  readonly exportCard: Locator;
  readonly exportResult: Locator;
  readonly exportNotice: Locator;
  readonly sent: Grid;
  readonly received: Grid;
  readonly importCard: Locator;
  readonly results: Locator;
  readonly attention: Locator;

  constructor(readonly page: Page) {
    this.passphraseDialog = page.getByRole('dialog', { name: '输入本节点口令' });
    this.exportCard = page.getByTestId('bundle-export');
    this.exportResult = page.getByTestId('export-result');
    this.exportNotice = page.getByTestId('export-notice');
    this.sent = new Grid(page, page.getByTestId('sent-grid'));
    this.received = new Grid(page, page.getByTestId('received-grid'));
    this.importCard = page.getByTestId('bundle-import');
    this.results = page.getByTestId('bundle-result');
    this.attention = page.getByTestId('bundles-attention');
  }

  async goto(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: '数据包交换', exact: true }).click();
    await expect(this.page.getByRole('heading', { name: '数据包交换', level: 1 })).toBeVisible();
  }

  /** Enters the passphrase in the dialog that a call needing the private key opens. */
  async answerPassphrase(passphrase: string): Promise<void> {
    await expect(this.passphraseDialog).toBeVisible();
    await this.passphraseDialog.getByLabel('口令').fill(passphrase);
    await this.passphraseDialog.getByRole('button', { name: '确定' }).click();
  }

  /** 导出数据包 into `folder` (the passphrase is asked next). */
  async startExport(options: { folder: string; full?: boolean; target?: string }): Promise<void> {
    if (options.target) await this.exportCard.getByLabel('发往单位').selectOption({ label: options.target });
    if (options.full) await this.exportCard.getByLabel(/^完整数据包/).check();
    await this.exportCard.getByLabel('保存到文件夹').fill(options.folder);
    await this.exportCard.getByRole('button', { name: '导出数据包' }).click();
  }

  async scan(folder: string): Promise<void> {
    await this.importCard.getByLabel('数据包所在文件夹').fill(folder);
    await this.importCard.getByRole('button', { name: '扫描' }).click();
    await expect(this.page.getByTestId('scan-summary')).toBeVisible();
  }

  scannedFiles(): Locator {
    return this.page.getByTestId('scan-files').locator('tbody tr');
  }

  async preview(): Promise<void> {
    await this.importCard.getByRole('button', { name: '预览', exact: true }).click();
  }

  async importChosen(): Promise<void> {
    await this.importCard.getByRole('button', { name: '导入', exact: true }).click();
  }

  /** The result card of one bundle file. */
  result(fileName: string): Locator {
    return this.page.locator(`[data-testid="bundle-result"][data-file="${fileName}"]`);
  }

  change(fileName: string, table: string, col: ChangeCol): Locator {
    return this.result(fileName).locator(`[data-testid="bundle-changes"] tr[data-table="${table}"] td[data-col="${col}"]`);
  }

  /** A grid row whose cell `colId` reads exactly `text`. */
  rowWhere(grid: Grid, colId: string, text: string): Locator {
    return grid.rows.filter({ has: this.page.locator(`[col-id="${colId}"]`, { hasText: new RegExp(`^${text}$`) }) });
  }

  async writeReceipts(): Promise<void> {
    await this.page.getByRole('button', { name: '出具回执' }).click();
  }

  async importReceipt(file: string): Promise<void> {
    const card = this.page.getByTestId('receipt-import');
    await card.getByLabel('回执文件').fill(file);
    await card.getByRole('button', { name: '导入回执' }).click();
  }
}

/** 全市概况 (bureau only). */
export class CityPage {
  readonly grid: Grid;
  readonly attention: Locator;

  constructor(readonly page: Page) {
    this.grid = new Grid(page, page.getByTestId('city-grid'));
    this.attention = page.getByTestId('city-attention');
  }

  async goto(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: '全市概况', exact: true }).click();
    await expect(this.page.getByRole('heading', { name: '全市概况', level: 1 })).toBeVisible();
  }

  office(name: string): Locator {
    return this.grid.rows.filter({ has: this.page.locator('[col-id="node"]', { hasText: new RegExp(`^${name}$`) }) });
  }
}
