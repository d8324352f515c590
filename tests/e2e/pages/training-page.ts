import { expect, type Locator, type Page } from '@playwright/test';
import { gotoArea } from './shell.ts';

/** The tabs of 培训考核. */
export type TrainingTab = '培训班' | '题库' | '考试' | '证书核验' | '监督员库';

/** 培训考核 as a training centre sees it: banks, exams and their results, the certificate dialog, verification and the pool, sessions. */
export class TrainingPage {
  readonly examToolbar: Locator;
  readonly results: Locator;
  readonly issueDialog: Locator;
  readonly verifyResult: Locator;

  constructor(readonly page: Page) {
    this.examToolbar = page.getByRole('toolbar', { name: '考试操作' });
    this.results = page.getByTestId('exam-results');
    this.issueDialog = page.getByRole('dialog', { name: '颁发特种设备安全监督员证' });
    this.verifyResult = page.getByTestId('verify-result');
  }

  async goto(): Promise<void> {
    await gotoArea(this.page, '培训考核');
  }

  async tab(name: TrainingTab): Promise<void> {
    await this.page.getByRole('link', { name }).click();
  }

  /** 导入题库 with this name and file (the answer is for the caller to check: imported or refused row by row). */
  async importBank(title: string, file: string): Promise<void> {
    const form = this.page.getByRole('form', { name: '导入题库' });
    await form.getByLabel('题库名称').fill(title);
    await form.getByLabel('题库文件').setInputFiles(file);
    await form.getByRole('button', { name: '导入题库' }).click();
  }

  /** 组织考试 on the whole bank for a session; waits for the exam's page. */
  async createExam(title: string, session: string): Promise<void> {
    await this.page.getByRole('button', { name: '组织考试' }).click();
    const dialog = this.page.getByRole('dialog', { name: '组织考试' });
    await dialog.getByLabel('考试名称').fill(title);
    await dialog.getByLabel('关联培训班').selectOption({ label: session });
    await dialog.getByRole('button', { name: '创建考试' }).click();
    await this.expectExam(title);
  }

  async expectExam(title: string): Promise<void> {
    await expect(this.page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  }

  /** The exam toolbar's file input: 导入答题卡并阅卷. */
  gradeInput(): Locator {
    return this.examToolbar.getByLabel('导入答题卡并阅卷');
  }

  /** A candidate's row of the results grid. */
  resultRow(name: string): Locator {
    return this.results.locator('.ag-row', { hasText: name });
  }

  /** A candidate's cell of the results grid (total, passed, certificateNo …). */
  result(name: string, column: string): Locator {
    return this.resultRow(name).locator(`[col-id="${column}"]`);
  }

  /** 颁发监督员证 opens the dialog that says what will be signed. */
  async openIssue(): Promise<Locator> {
    await this.page.getByRole('button', { name: '颁发监督员证' }).click();
    await expect(this.issueDialog).toBeVisible();
    return this.issueDialog;
  }

  /** 证书核验: the QR payload typed in and checked; the answer is in verifyResult. */
  async verify(payload: string): Promise<void> {
    await this.page.getByLabel('证书二维码内容').fill(payload);
    await this.page.getByRole('button', { name: '核验', exact: true }).click();
  }

  /** 监督员库: 撤销 a certificate with the reason, waiting for 已撤销证书. */
  async revoke(certificateNo: string, reason: string): Promise<void> {
    await this.page.getByRole('button', { name: `撤销 ${certificateNo}` }).click();
    // named 撤销证书 <no>（<holder>）
    const dialog = this.page.getByRole('dialog', { name: `撤销证书 ${certificateNo}` });
    await dialog.getByLabel('撤销原因').fill(reason);
    await dialog.getByRole('button', { name: '撤销' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.page.getByRole('status')).toContainText(`已撤销证书 ${certificateNo}`);
  }

  /** 新建培训班 with its name, place, teacher and hours; waits for the session's page. */
  async createSession(session: { name: string; place: string; teacher: string; hours: number }): Promise<void> {
    await this.page.getByRole('button', { name: '新建培训班' }).click();
    const dialog = this.page.getByRole('dialog', { name: '新建培训班' });
    await dialog.getByLabel('培训班名称').fill(session.name);
    await dialog.getByLabel('地点').fill(session.place);
    await dialog.getByLabel('授课人').fill(session.teacher);
    await dialog.getByLabel('学时').fill(String(session.hours));
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(this.page.getByRole('heading', { name: session.name, level: 1 })).toBeVisible();
  }
}
