import { expect, type Locator, type Page } from '@playwright/test';

/** A one-page PDF-like file for 佐证材料 (the core checks the type by its first bytes). */
export const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\ntrailer <<>>\n%%EOF\n`);

/** 隐患闭环 as a user sees it: the list with its figures, a hazard's page and the steps that close it. */
export class HazardsPage {
  readonly detail: Locator;
  readonly history: Locator;
  readonly list: Locator;

  constructor(readonly page: Page) {
    this.detail = page.getByTestId('hazard-detail');
    this.history = page.getByTestId('hazard-history').locator('li');
    this.list = page.getByTestId('hazard-list');
  }

  async goto(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: '隐患闭环', exact: true }).click();
    await expect(this.page.getByRole('heading', { name: '隐患闭环', level: 1 })).toBeVisible();
  }

  /** The hazard's page shows this unit and description as its title. */
  async expectHazard(unitName: string, description: string): Promise<void> {
    await expect(this.detail.getByRole('heading', { name: `${unitName}：${description}` })).toBeVisible();
  }

  /**
   * One step of the hazard (下达整改, 开始整改, 提交整改 …): its button opens a dialog of the
   * same name, `fill` fills it, the dialog's button of that name saves, and the page says 已办理.
   */
  async step(action: string, fill?: (dialog: Locator) => Promise<void>): Promise<void> {
    await this.page.getByRole('button', { name: action, exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: action });
    await expect(dialog).toBeVisible();
    if (fill) await fill(dialog);
    await dialog.getByRole('button', { name: action, exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(this.page.getByRole('status')).toHaveText(`已办理：${action}。`);
  }

  /** The steps from 下达整改 (defaults) to 复查通过, with one file of evidence. */
  async closeWithDefaults(evidenceName: string): Promise<void> {
    await this.step('下达整改');
    await this.step('开始整改');
    await this.step('提交整改', evidence(evidenceName));
    await this.step('开始复查');
    await this.step('复查通过（闭环销号）');
    await expect(this.detail.getByText('闭环销号', { exact: true }).first()).toBeVisible();
  }

  /** A list figure: hz-open, hz-closed, hz-closure-rate … */
  figure(testId: 'hz-open' | 'hz-closed' | 'hz-closure-rate' | 'hz-fail-count' | 'hz-deadline'): Locator {
    return this.page.getByTestId(testId);
  }
}

/** Fills a step's 佐证材料 with a PDF of that name and waits until the dialog lists it. */
export const evidence = (name: string) => async (dialog: Locator) => {
  await dialog.getByLabel(/佐证材料/).setInputFiles({ name, mimeType: 'application/pdf', buffer: pdf(name) });
  await expect(dialog.getByText(name)).toBeVisible();
};
