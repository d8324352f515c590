import { expect, type Locator, type Page } from '@playwright/test';
import { pdf } from './hazards-page.ts';
import { gotoArea, openArea } from './shell.ts';

/** 示范单位验收 as a user sees it: the board and its files, a file's items, its workflow toolbar and dialogs. */
export class AcceptancePage {
  /** the open file's state badge (创建, 自查中, 市局验收 …) */
  readonly state: Locator;
  readonly toolbar: Locator;
  readonly files: Locator;

  constructor(readonly page: Page) {
    this.state = page.getByTestId('acceptance-file').locator('.page-header .badge');
    this.toolbar = page.getByRole('toolbar', { name: '示范单位验收' });
    this.files = page.getByTestId('acceptance-files');
  }

  /** Through the navigation, waiting for the board's title. */
  async goto(): Promise<void> {
    await gotoArea(this.page, '示范单位验收');
  }

  /** Through the navigation only (a node that is no office sees a notice, not the board). */
  async open(): Promise<void> {
    await openArea(this.page, '示范单位验收');
  }

  /** Opens a unit's file from the board's list. */
  async openFile(unitName: string): Promise<void> {
    await this.files.getByRole('link', { name: unitName }).click();
  }

  /** One item of the open file (2.2, 3.2, 4.7 …). */
  item(code: string): Locator {
    return this.page.getByTestId(`item-${code}`);
  }

  /** A dialog by its title (新建验收档案, 撤销创建, 市局验收意见：… ). */
  dialog(title: string): Locator {
    return this.page.getByRole('dialog', { name: title });
  }

  /** A PDF of that name as the item's evidence; waits until the page says so and the item lists it. */
  async upload(code: string, name: string): Promise<void> {
    await this.item(code).getByLabel(`${code} 上传佐证材料`).setInputFiles({ name, mimeType: 'application/pdf', buffer: pdf(name) });
    await expect(this.page.getByRole('status')).toContainText(`已上传“${name}”`);
    await expect(this.item(code).getByRole('button', { name, exact: true })).toBeVisible();
  }

  /** A workflow step from the toolbar that asks nothing more; the file is then in `state`. */
  async act(action: string, state: string): Promise<void> {
    await this.toolbar.getByRole('button', { name: action, exact: true }).click();
    await expect(this.page.getByRole('status')).toContainText(`已办理：${action}`);
    await expect(this.state).toHaveText(state);
  }

  /** 报市局验收: asked again in the app's dialog, which lists the items marked against the system's finding. */
  async submitCity(finding: string): Promise<void> {
    await this.toolbar.getByRole('button', { name: '报市局验收', exact: true }).click();
    const confirm = this.dialog('报市局验收');
    await expect(confirm).toContainText('档案对分局锁定');
    await expect(confirm.getByTestId('contradiction-3.2')).toContainText(finding);
    // 取消 has the focus: Enter alone changes nothing
    await expect(confirm.getByRole('button', { name: '取消' })).toBeFocused();
    await confirm.getByRole('button', { name: '报市局验收' }).click();
    await expect(this.page.getByRole('status')).toContainText('已办理：报市局验收');
    await expect(this.state).toHaveText('市局验收');
  }

  /** Saves one item's result and waits for 已保存第 … 项. */
  async saveItem(code: string): Promise<void> {
    await this.item(code).getByRole('button', { name: '保存' }).click();
    await expect(this.page.getByRole('status')).toContainText(`已保存第 ${code} 项`);
  }

  /** A row of the board's 制度文件标准化样本库 (a published template), by any text in it (its source unit …). */
  template(text: string): Locator {
    return this.page.getByTestId('acceptance-templates').locator('tbody tr').filter({ hasText: text });
  }

  /** 佐证材料齐全度, the file's first meter. */
  completeness(): Locator {
    return this.page.getByRole('meter', { name: '佐证材料齐全度', exact: true }).first();
  }
}
