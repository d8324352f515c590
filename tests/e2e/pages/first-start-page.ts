import { expect, type Locator, type Page } from '@playwright/test';

/** 首次启动: choose the node type, the district, the name, the person setting up and the passphrase. */
export class FirstStartPage {
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: '首次启动' });
  }

  async expectShown(): Promise<void> {
    await expect(this.heading).toBeVisible();
  }

  async chooseRole(role: '分局' | '培训中心' | '市局'): Promise<void> {
    await this.page.getByRole('radio', { name: new RegExp(`^${role}`) }).check();
  }

  async chooseDistrict(name: string): Promise<void> {
    await this.page.getByLabel('所管辖分局').selectOption({ label: name });
  }

  async fillName(name: string): Promise<void> {
    await this.page.getByLabel('本节点名称').fill(name);
  }

  /** the person setting up: the first of the staff list and the 经办人 */
  async fillOperator(name: string, title: string): Promise<void> {
    await this.page.getByLabel('您的姓名').fill(name);
    await this.page.getByLabel(/^职务/).fill(title);
  }

  /** the passphrase that seals the node's keys (the browser host has no safeStorage) */
  async fillPassphrase(passphrase: string, again = passphrase): Promise<void> {
    await this.page.getByLabel('私钥口令').fill(passphrase);
    await this.page.getByLabel('再次输入口令').fill(again);
  }

  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: '完成设置' }).click();
  }
}
