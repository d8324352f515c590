import { expect, type Locator, type Page } from '@playwright/test';

/** 首次启动: choose the node type, the district and the name. */
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

  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: '完成设置' }).click();
  }
}
