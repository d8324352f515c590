import { expect, type Locator, type Page } from '@playwright/test';
import { gotoArea } from './shell.ts';

/** A district's column on the rollout board (office, pilot, rollout, supervisors). */
export type BoardColumn = 'office' | 'pilot' | 'rollout' | 'supervisors';

/** 推进与考核 as the city bureau sees it: the rollout board, a district's targets, the month's assessment and its evidence, the rules. */
export class SteeringPage {
  readonly boardSummary: Locator;
  readonly board: Locator;
  readonly assessment: Locator;

  constructor(readonly page: Page) {
    this.boardSummary = page.getByTestId('steering-board-summary');
    this.board = page.getByTestId('steering-board');
    this.assessment = page.getByTestId('steering-assessment');
  }

  async goto(): Promise<void> {
    await gotoArea(this.page, '推进与考核');
  }

  /** A district's cell on the board. */
  boardCell(district: string, column: BoardColumn): Locator {
    return this.board.locator(`tr[data-district="${district}"]`).locator(`[data-col="${column}"]`);
  }

  /** 设置目标：district opens the dialog of its targets, returned to be filled. */
  async openTargets(district: string): Promise<Locator> {
    await this.page.getByRole('button', { name: `设置目标：${district}` }).click();
    const dialog = this.page.getByRole('dialog', { name: `${district}的推进目标` });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** 月度考核, waiting for the heading of the month, the day the data reach and the rules' version. */
  async openAssessment(heading: string): Promise<void> {
    await this.page.getByRole('link', { name: '月度考核' }).click();
    await expect(this.page.getByRole('heading', { name: heading })).toBeVisible();
  }

  /** A district's row of the assessment. */
  scoreRow(district: string): Locator {
    return this.assessment.locator(`tr[data-district="${district}"]`);
  }

  /** One indicator's score of a district (summary_on_time, hazards_on_time …). */
  score(district: string, indicator: string): Locator {
    return this.scoreRow(district).locator(`td[data-indicator="${indicator}"]`);
  }

  /** A district's total, normalised score or rank column. */
  column(district: string, column: 'total' | 'normalized'): Locator {
    return this.scoreRow(district).locator(`td[data-col="${column}"]`);
  }

  /** The score's button opens the facts behind it, in a dialog named district · month · indicator. */
  async openEvidence(district: string, indicator: string, title: string): Promise<Locator> {
    await this.score(district, indicator).getByRole('button').click();
    const dialog = this.page.getByRole('dialog', { name: title });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** 考核规则 and the version in force. */
  async openRules(current: string): Promise<void> {
    await this.page.getByRole('link', { name: '考核规则' }).click();
    await expect(this.page.getByTestId('steering-rules-current')).toHaveText(current);
  }

  async saveRules(): Promise<void> {
    await this.page.getByRole('button', { name: '保存新版规则' }).click();
  }
}
