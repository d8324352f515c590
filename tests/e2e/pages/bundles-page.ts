import { expect, type Locator, type Page } from '@playwright/test';
import { Grid } from './grid.ts';

export type ChangeCol = 'inserted' | 'updated' | 'deleted' | 'unchanged';

/** 数据包交换 as a user sees it, on an office (export, history, receipt) or on the bureau (choose, preview, import, receipts). */
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

  /** 导出数据包 into the data folder (a browser has no folder dialog; the passphrase is asked next). */
  async startExport(options: { full?: boolean; target?: string } = {}): Promise<void> {
    if (options.target) await this.exportCard.getByLabel('发往单位').selectOption({ label: options.target });
    if (options.full) await this.exportCard.getByLabel(/^完整数据包/).check();
    await this.exportCard.getByRole('button', { name: '导出数据包' }).click();
  }

  /** 下载 the exported bundle (host.saveFile in a browser) and keep it as `file`, as a clerk copies it to a USB stick. */
  async downloadExported(file: string): Promise<void> {
    await this.saveDownload(this.exportResult.getByRole('button', { name: '下载' }), file);
  }

  async saveDownload(button: Locator, file: string): Promise<void> {
    const download = this.page.waitForEvent('download');
    await button.click();
    await (await download).saveAs(file);
  }

  /** 选择数据包… with the page's file dialog, choosing `files`. */
  async chooseBundles(files: string[]): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.importCard.getByRole('button', { name: '选择数据包…' }).click();
    await (await chooser).setFiles(files);
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
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByTestId('receipt-import').getByRole('button', { name: '选择回执文件…' }).click();
    await (await chooser).setFiles(file);
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
