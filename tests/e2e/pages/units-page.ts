import { expect, type Locator, type Page } from '@playwright/test';

export interface UnitFields {
  name?: string;
  uscc?: string;
  address?: string;
  industry?: string;
  contactPerson?: string;
  contactPhone?: string;
  notes?: string;
}

const labels: Record<keyof UnitFields, string> = {
  name: '单位名称',
  uscc: '统一社会信用代码',
  address: '地址',
  industry: '行业',
  contactPerson: '联系人',
  contactPhone: '联系电话',
  notes: '备注',
};

/** The 使用单位 page as a user sees it: toolbar, AG Grid rows (v36 DOM), and its dialogs. */
export class UnitsPage {
  readonly rows: Locator;
  readonly dialog: Locator;
  readonly total: Locator;
  readonly search: Locator;
  readonly districtFilter: Locator;
  readonly status: Locator;
  readonly empty: Locator;

  constructor(readonly page: Page) {
    // AG Grid v36 renders one element per row; skip the stubs the infinite row model shows while a block loads.
    this.rows = page.locator('[role="grid"] .ag-row[row-index]:not(.ag-row-loading)');
    this.dialog = page.getByRole('dialog');
    this.total = page.getByTestId('units-total');
    this.search = page.getByRole('searchbox');
    this.districtFilter = page.getByRole('toolbar').getByLabel('所属分局');
    this.status = page.getByTestId('units-status');
    this.empty = page.getByTestId('units-empty');
  }

  async goto(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: '使用单位' }).click();
    await expect(this.page.getByRole('heading', { name: '使用单位', level: 1 })).toBeVisible();
    await expect(this.total).toHaveText(/共 \d+ 家/);
  }

  button(name: '新增' | '编辑' | '删除'): Locator {
    return this.page.getByRole('toolbar').getByRole('button', { name, exact: true });
  }

  row(name: string): Locator {
    return this.rows.filter({ has: this.page.locator('[col-id="name"]', { hasText: name }) });
  }

  cell(name: string, colId: string): Locator {
    return this.row(name).locator(`[col-id="${colId}"]`);
  }

  async names(): Promise<string[]> {
    return this.rows.locator('[col-id="name"]').allInnerTexts();
  }

  field(field: keyof UnitFields): Locator {
    return this.dialog.getByLabel(labels[field]);
  }

  async fill(fields: UnitFields): Promise<void> {
    for (const [key, value] of Object.entries(fields) as [keyof UnitFields, string][]) await this.field(key).fill(value);
  }

  async save(): Promise<void> {
    await this.dialog.getByRole('button', { name: '保存' }).click();
  }

  /** Adds a unit through the dialog and waits until the grid shows it. */
  async addUnit(fields: UnitFields & { name: string; uscc: string }): Promise<void> {
    await this.button('新增').click();
    await expect(this.dialog).toBeVisible();
    await this.fill(fields);
    await this.save();
    await expect(this.dialog).toBeHidden();
    await expect(this.row(fields.name)).toHaveCount(1);
  }

  async select(name: string): Promise<void> {
    await this.cell(name, 'name').click();
  }
}
