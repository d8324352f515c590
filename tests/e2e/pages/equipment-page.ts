import { expect, type Locator, type Page } from '@playwright/test';
import { Grid } from './grid.ts';
import { openArea, toNumber } from './shell.ts';

/** 特种设备: toolbar filters, the grid, 列 and 导出 Excel. */
export class EquipmentPage {
  readonly grid: Grid;
  readonly total: Locator;
  readonly toolbar: Locator;
  readonly unitChip: Locator;

  constructor(readonly page: Page) {
    this.grid = new Grid(page, page.getByTestId('equipment-grid'));
    this.total = page.getByTestId('equipment-total');
    this.toolbar = page.getByRole('toolbar', { name: '特种设备' });
    this.unitChip = page.getByTestId('unit-chip');
  }

  async goto(): Promise<void> {
    await openArea(this.page, '特种设备');
    await this.expectShown();
  }

  async expectShown(): Promise<void> {
    await expect(this.page.getByRole('heading', { name: '特种设备', level: 1 })).toBeVisible();
    await expect(this.total).toHaveText(/共 \d+ 台/);
  }

  async totalCount(): Promise<number> {
    return toNumber(await this.total.textContent());
  }

  status(label: '在用' | '停用' | '报废' | '注销'): Locator {
    return this.toolbar.getByRole('group', { name: '状态' }).getByLabel(label);
  }

  inspection(): Locator {
    return this.toolbar.getByLabel('检验状态');
  }

  async openColumns(): Promise<Locator> {
    await this.toolbar.getByRole('button', { name: '列', exact: true }).click();
    const panel = this.page.getByRole('group', { name: '显示的列' });
    await expect(panel).toBeVisible();
    return panel;
  }

  async export() {
    const download = this.page.waitForEvent('download');
    await this.toolbar.getByRole('button', { name: '导出 Excel' }).click();
    return download;
  }
}
