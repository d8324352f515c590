import type { Locator, Page } from '@playwright/test';

/** An AG Grid (v36 DOM) inside `root`: rows are .ag-row[row-index], cells [col-id]. */
export class Grid {
  readonly rows: Locator;

  constructor(
    readonly page: Page,
    readonly root: Locator,
  ) {
    // skip the stubs the infinite row model shows while a block loads
    this.rows = root.locator('.ag-row[row-index]:not(.ag-row-loading)');
  }

  header(colId: string): Locator {
    return this.root.locator(`.ag-header-cell[col-id="${colId}"]`);
  }

  row(index: number): Locator {
    return this.root.locator(`.ag-row[row-index="${index}"]`);
  }

  cells(colId: string): Locator {
    return this.rows.locator(`[col-id="${colId}"]`);
  }

  async texts(colId: string): Promise<string[]> {
    return (await this.cells(colId).allInnerTexts()).map((s) => s.trim());
  }

  async headerTexts(): Promise<string[]> {
    return (await this.root.locator('.ag-header-cell .ag-header-cell-text').allInnerTexts()).map((s) => s.trim());
  }
}
