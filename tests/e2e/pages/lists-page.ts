import { expect, type Locator, type Page } from '@playwright/test';
import { openArea } from './shell.ts';

/** 两项清单: the date, the two tables, 导出 Excel and 打印. */
export class ListsPage {
  readonly list1: Locator;
  readonly list2: Locator;

  constructor(readonly page: Page) {
    this.list1 = page.getByTestId('list1-table');
    this.list2 = page.getByTestId('list2-table');
  }

  async goto(): Promise<void> {
    await openArea(this.page, '两项清单');
    await expect(this.page.getByRole('heading', { name: '两项清单', level: 1 })).toBeVisible();
    await expect(this.page.getByTestId('lists-summary')).toBeVisible();
  }

  /** Unit names of list 1, in order. */
  async unitNames(): Promise<string[]> {
    return this.list1.locator('tbody tr td:nth-child(2)').allInnerTexts();
  }

  async managerCertificates(): Promise<string[]> {
    return this.list2.locator('tbody tr td:nth-child(6)').allInnerTexts();
  }

  async export() {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: '导出 Excel' }).click();
    return download;
  }
}
