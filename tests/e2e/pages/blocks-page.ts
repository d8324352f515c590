import { expect, type Locator, type Page } from '@playwright/test';

/** 安全管理小组（块）: the board of cards, the block dialog, the suggestions. */
export class BlocksPage {
  readonly board: Locator;
  readonly dialog: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.board = page.getByTestId('block-board');
    this.dialog = page.getByRole('dialog');
    this.status = page.getByTestId('blocks-status');
  }

  async goto(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: '安全管理小组（块）', exact: true }).click();
    await expect(this.page.getByRole('heading', { name: '安全管理小组（块）', level: 1 })).toBeVisible();
  }

  card(name: string): Locator {
    return this.page.getByRole('article', { name, exact: true });
  }

  /** Fills the open block dialog: name, members (by unit name, from the default list-1 filter), lead, inspectors, schedule. */
  async fill(options: { name?: string; members?: string[]; lead?: string; inspectors?: string[]; schedule?: string }): Promise<void> {
    const d = this.dialog;
    if (options.name !== undefined) await d.getByLabel('小组名称').fill(options.name);
    if (options.schedule !== undefined) await d.getByLabel('活动安排').fill(options.schedule);
    for (const member of options.members ?? []) await d.getByTestId('member-candidates').getByRole('checkbox', { name: member, exact: true }).check();
    if (options.lead) await d.getByLabel('牵头单位', { exact: true }).selectOption({ label: options.lead });
    for (const inspector of options.inspectors ?? []) await d.getByRole('checkbox', { name: new RegExp(`^${inspector}`) }).check();
  }

  async save(button = '保存'): Promise<void> {
    await this.dialog.getByRole('button', { name: button, exact: true }).click();
    await expect(this.dialog).toBeHidden();
  }
}

/** 工作联系（链）: inspectors, problems, the roster, export and print. */
export class ChainPage {
  readonly roster: Locator;
  readonly problems: Locator;
  readonly inspectors: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.roster = page.getByTestId('chain-roster');
    this.problems = page.getByTestId('chain-problems');
    this.inspectors = page.getByTestId('inspectors-table');
    this.dialog = page.getByRole('dialog');
  }

  async goto(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: '工作联系（链）', exact: true }).click();
    await expect(this.page.getByRole('heading', { name: '工作联系（链）', level: 1 })).toBeVisible();
    await expect(this.roster).toBeVisible();
  }

  async addInspector(name: string, enforcementNo: string, phone: string): Promise<void> {
    await this.page.getByRole('button', { name: '新增监察人员' }).click();
    await this.dialog.getByLabel('姓名').fill(name);
    await this.dialog.getByLabel('执法证号').fill(enforcementNo);
    await this.dialog.getByLabel('联系电话').fill(phone);
    await this.dialog.getByRole('button', { name: '保存', exact: true }).click();
    await expect(this.dialog).toBeHidden();
    await expect(this.inspectors.locator(`tr[data-inspector="${name}"]`)).toBeVisible();
  }

  block(name: string): Locator {
    return this.roster.getByRole('article', { name, exact: true });
  }
}
