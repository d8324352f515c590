import { expect, type Locator, type Page } from '@playwright/test';

export type SummaryText = 'experience' | 'problems' | 'proposals';
const labels: Record<SummaryText, RegExp> = { experience: /工作经验/, problems: /存在问题/, proposals: /意见建议/ };

/** 月度工作小结 as a user sees it: the office's month (texts, 报送) and the bureau's city view and reader. */
export class SummariesPage {
  readonly status: Locator;
  readonly figures: Locator;
  readonly returned: Locator;
  readonly city: Locator;
  readonly submitDialog: Locator;

  constructor(readonly page: Page) {
    this.status = page.getByTestId('summary-status');
    this.figures = page.getByTestId('summary-figures');
    this.returned = page.getByTestId('summary-returned');
    this.city = page.getByTestId('summary-city');
    this.submitDialog = page.getByRole('dialog', { name: '报送工作小结' });
  }

  async goto(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: '月度工作小结', exact: true }).click();
    await expect(this.page.getByRole('heading', { name: '月度工作小结', level: 1 })).toBeVisible();
  }

  /** The office's month, once read: its title is shown. */
  async expectMonth(title: string): Promise<void> {
    await expect(this.page.getByRole('heading', { name: title })).toBeVisible();
  }

  /** 报送设置: the due day of every month (31: the month's end). */
  async setDueDay(day: number): Promise<void> {
    await this.page.getByRole('button', { name: '报送设置' }).click();
    const settings = this.page.getByRole('dialog', { name: '工作小结报送设置' });
    await settings.getByLabel('报送截止日（每月几日）').fill(String(day));
    await settings.getByRole('button', { name: '保存' }).click();
    await expect(settings).toBeHidden();
  }

  /** A figure of 工作开展情况 by its key (units, trainingSessions …). */
  figure(key: string): Locator {
    return this.figures.locator(`tr[data-key="${key}"] td.num`);
  }

  text(field: SummaryText): Locator {
    return this.page.getByLabel(labels[field]);
  }

  /** A text as shown once final (read-only). */
  shownText(field: SummaryText): Locator {
    return this.page.locator(`[data-field="${field}"]`);
  }

  /** 报送市局 and 确认报送; waits for the dialog to close (the answer is in, accepted or refused). */
  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: '报送市局' }).click();
    await expect(this.submitDialog).toContainText('报送后本月工作小结即为定稿');
    await this.submitDialog.getByRole('button', { name: '确认报送' }).click();
    await expect(this.submitDialog).toBeHidden();
  }

  /** The bureau's cell for an office and month (YYYY-MM) in 各分局报送情况. */
  cityCell(office: string, month: string): Locator {
    return this.city.locator(`tr[data-office="${office}"] td[data-month="${month}"]`);
  }
}
