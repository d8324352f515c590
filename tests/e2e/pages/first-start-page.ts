import { expect, type Locator, type Page } from '@playwright/test';

/** 首次启动: choose the node type, the district, the name and the passphrase. */
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

  /** the passphrase that seals the node's keys (the browser host has no safeStorage) */
  async fillPassphrase(passphrase: string, again = passphrase): Promise<void> {
    await this.page.getByLabel('私钥口令').fill(passphrase);
    await this.page.getByLabel('再次输入口令').fill(again);
  }

  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: '完成设置' }).click();
  }
}
