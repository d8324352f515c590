import path from 'node:path';
import ExcelJS from 'exceljs';
import { writeAnswersXlsx, writeBankXlsx, type BankLine } from '../../electron/core/training/testing/workbooks.ts';
import { cli, expect, TRAINING_PASSPHRASE, test } from './fixtures.ts';
import { centreWithRoster, li, zhang } from './support/training-setup.ts';
import { TrainingPage } from './pages/training-page.ts';

// 培训考核 on a training-centre node with keys: a bank with an unreadable question is
// refused row by row, the fixed bank imports, an exam is made for a session, answer
// sheets are graded (marks as people write them, an invalid mark, a duplicate sheet, a
// candidate not on the roster: grouped by kind), results are published, certificates
// issued from a dialog that says what will be signed (one by 特批), printed with
// vector QR codes and the issuer, and verified.

test.use({ nodeRole: 'training' });
test.describe.configure({ timeout: 240_000 });

const O4 = ['一个月', '三个月', '半年', '一年'];
const bank: BankLine[] = [
  { no: 1, type: '判断', stem: '使用单位应当建立特种设备安全技术档案。', answer: '对', points: 10, module: '法律法规' },
  { no: 2, type: '判断', stem: '超期未检的设备可以继续使用。', answer: '×', points: 10, module: '法律法规' },
  { no: 3, type: '单选', stem: '定期检验应当在检验有效期届满前多久提出申请？', options: O4, answer: 'A', points: 10, module: '法律法规' },
  { no: 4, type: '单选', stem: '安全管理员证书的有效期是？', options: O4, answer: 'D', points: 10, module: '法律法规' },
  { no: 5, type: '多选', stem: '下列哪些属于使用单位应建立的制度？', options: ['岗位责任制度', '隐患排查制度', '应急救援制度', '采购奖励制度'], answer: 'A、B、C', points: 10, module: '使用管理' },
  { no: 6, type: '多选', stem: '安全技术档案包括？', options: ['合格证', '检验报告', '维护保养记录', '员工考勤'], answer: 'A,B,C', points: 10, module: '使用管理' },
  { no: 7, type: '判断', stem: '使用单位应当每月至少进行一次自行检查。', answer: '正确', points: 10, module: '使用管理' },
  { no: 8, type: '单选', stem: '发生事故后首先应当？', options: ['启动应急预案', '继续生产', '隐瞒不报', '等待通知'], answer: 'A', points: 10, module: '应急管理' },
  { no: 9, type: '多选', stem: '应急预案应当包括？', options: ['组织机构', '处置程序', '演练计划', '广告宣传'], answer: 'ABC', points: 10, module: '应急管理' },
  { no: 10, type: '单选', stem: '应急演练至少多久一次？', options: ['每年', '每五年', '从不', '每十年'], answer: 'A', points: 10, module: '应急管理' },
];

test('a bank, an exam, answer sheets with warnings, publish, certificates printed with QR codes and verified offline', async ({ app, workspace }, testInfo) => {
  // 张建国 holds a valid A certificate in the centre's ledger; 李秀英 is on the roster but not in the ledger
  await centreWithRoster(workspace, '2026年第一期安全监督员培训', [zhang, li]);
  // ---- a bank with an unreadable key is refused, naming the row; the corrected one imports
  const broken = path.join(workspace.dir, '题库-有误.xlsx');
  await writeBankXlsx(broken, bank.map((q) => (q.no === 4 ? { ...q, answer: 'H' } : q)));
  const fixed = path.join(workspace.dir, '监督员考试题库.xlsx');
  await writeBankXlsx(fixed, bank);

  const training = new TrainingPage(app);
  await training.goto();
  await training.tab('题库');
  await training.importBank('监督员考试题库', broken);
  // the title row comes first: question 4 is on Excel row 6
  await expect(app.getByTestId('bank-problems')).toContainText('第 6 行（题号 4）答案');
  await expect(app.getByTestId('training-banks')).toHaveCount(0);
  await training.importBank('监督员考试题库', fixed);
  await expect(app.getByRole('status')).toContainText('已导入题库“监督员考试题库”，共 10 题');
  const questions = app.getByTestId('training-questions');
  await expect(questions.locator('.ag-row')).toHaveCount(10);
  // stems as written (full-width ？ kept); a 判断题 key reads 正确 / 错误
  await expect(questions.locator('.ag-row[row-index="2"] [col-id="stem"]')).toHaveText('定期检验应当在检验有效期届满前多久提出申请？');
  await expect(questions.locator('.ag-row[row-index="0"] [col-id="answer"]')).toHaveText('正确');
  await expect(questions.locator('.ag-row[row-index="1"] [col-id="answer"]')).toHaveText('错误');
  await expect(questions.locator('.ag-row[row-index="2"] [col-id="options"]')).toHaveText('A. 一个月　B. 三个月　C. 半年　D. 一年');

  // ---- an exam on the whole bank, pass mark from the setting (70 of 100)
  await training.tab('考试');
  await training.createExam('2026年第一期安全监督员考试', '2026年第一期安全监督员培训');
  await expect(app.getByTestId('exam-pass-mark')).toContainText('70 / 100');

  // ---- answer sheets as people fill them: lower case, full width, separators, √/×; an invalid mark; a duplicate sheet
  const sheets = path.join(workspace.dir, '答题卡.xlsx');
  await writeAnswersXlsx(
    sheets,
    [
      { candidateNo: '2026010001', name: '张建国', idNumber: '11010519491231002X', marks: ['对', '错', 'A', 'D', 'ABC', 'ABC', '√', 'A', 'ABC', 'A'] },
      { candidateNo: '2026010002', name: '李秀英', idNumber: null, marks: ['√', '×', 'ａ', 'd', ' a，b、c ', 'a,b,c', '对', 'b', 'ab', 'a'] },
      { candidateNo: '2026010003', name: '王志强', idNumber: null, marks: ['错', '对', 'B', 'G', 'AB', 'A', '×', 'B', 'A', 'B'] },
      { candidateNo: '2026010002', name: '李秀英', idNumber: null, marks: ['对', '错', 'A', 'D', 'ABC', 'ABC', '√', 'A', 'ABC', 'A'] },
    ],
    10,
  );
  await training.gradeInput().setInputFiles(sheets);
  await expect(app.getByRole('status')).toContainText('已阅卷：考生 3 人，合格 2 人');
  // by kind with counts, the roster first; each kind opens to its rows
  const problems = app.getByTestId('grade-problems').locator(':scope > ul > li');
  await expect(problems.locator('summary')).toHaveText([
    /1 名考生不在培训班名单中/,
    /1 份答题卡是同一考生的第二份，未重复计分/,
    /1 张答题卡有无效选项“G”，按 0 分计/,
  ]);
  await expect(problems.nth(0)).toHaveAttribute('data-code', 'not-on-roster');
  await problems.nth(2).locator('summary').click();
  await expect(problems.nth(2).getByRole('listitem')).toHaveText(['第 4 行：王志强第 4 题的作答“G”不是有效选项，按 0 分计']);
  await problems.nth(1).locator('summary').click();
  await expect(problems.nth(1)).toContainText('第 5 行是李秀英（准考证号 2026010002）的第二份答题卡');
  await expect(training.result('张建国', 'total')).toHaveText('100');
  await expect(training.result('李秀英', 'total')).toHaveText('80');
  await expect(training.result('王志强', 'total')).toHaveText('0');
  await expect(training.result('王志强', 'passed')).toHaveText('不合格');
  await expect(app.getByTestId('stats-summary')).toContainText('合格率 66.7%');
  await expect(app.getByTestId('chart-histogram').locator('svg')).toBeVisible();
  await app.screenshot({ path: testInfo.outputPath('exam-graded.png'), fullPage: true });

  // the statistics workbook: results and statistics sheets
  const download = app.waitForEvent('download');
  await app.getByRole('button', { name: '导出成绩和统计（Excel）' }).click();
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await (await download).path());
  expect(book.worksheets.length).toBeGreaterThanOrEqual(2);

  // 概览 of the training centre: one exam waiting for its results to be published, no ledger to import
  await app.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '概览' }).click();
  await expect(app.getByTestId('stat-unpublished').locator('.stat-value')).toHaveText('1');
  await expect(app.getByText('尚未导入台账')).toHaveCount(0);
  await app.goBack();
  await training.expectExam('2026年第一期安全监督员考试');

  // ---- publish locks; certificates need the signing key's passphrase
  await app.getByRole('button', { name: '发布成绩' }).click();
  await expect(app.getByRole('status')).toContainText('成绩已发布并锁定');
  await expect(training.gradeInput()).toBeDisabled();
  // the dialog says what will be signed: 张建国 fits; 李秀英 passed but the ledger cannot confirm her A certificate
  const issue = await training.openIssue();
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  const year = today.slice(0, 4);
  await expect(issue.getByTestId('issue-count')).toHaveText('1 本');
  await expect(issue.getByTestId('issue-numbers')).toHaveText(`张特监〔${year}〕第0001号`);
  await expect(issue.getByTestId('issue-validity')).toHaveText(new RegExp(`^${today} 至 ${Number(year) + 4}-\\d{2}-\\d{2}$`));
  await expect(issue.getByTestId('issue-issuer')).toHaveText('市局技术服务中心');
  await expect(issue).not.toContainText('数据包');
  const blocked = issue.getByTestId('issue-blocked').locator('tbody tr');
  await expect(blocked).toHaveCount(1);
  await expect(blocked).toContainText('李秀英');
  await expect(blocked).toContainText('本机台账中没有此人的安全管理员记录，无法核实 A 证');
  // 特批 for her: two certificates, and a reason is required
  await issue.getByLabel('特批 李秀英').check();
  await expect(issue.getByTestId('issue-count')).toHaveText('2 本');
  await expect(issue.getByTestId('issue-numbers')).toHaveText(`张特监〔${year}〕第0001号 至 张特监〔${year}〕第0002号`);
  await issue.getByRole('button', { name: '签发 2 本证书' }).click();
  await expect(issue.getByRole('alert')).toContainText('请写明特批发证的理由');
  await issue.getByLabel('特批理由').fill('经市局特设科同意，其单位台账尚未报送');
  await issue.getByRole('button', { name: '签发 2 本证书' }).click();
  // the signing key's passphrase is asked in the same dialog, in words about certificates
  await expect(issue.getByText('签发证书要用本节点的签名私钥')).toBeVisible();
  await issue.getByLabel('本节点口令').fill(TRAINING_PASSPHRASE);
  await issue.getByRole('button', { name: '签发 2 本证书' }).click();
  await expect(app.getByRole('status')).toContainText('已颁发 2 本特种设备安全监督员证');
  await expect(training.result('张建国', 'certificateNo')).toHaveText(`张特监〔${year}〕第0001号`);
  await expect(app.getByTestId('exam-overrides')).toContainText(`张特监〔${year}〕第0002号 李秀英：无法核实；特批理由：经市局特设科同意，其单位台账尚未报送`);

  // ---- printed: two certificates with QR codes
  await app.addInitScript(() => {
    window.print = () => document.body.setAttribute('data-printed', 'yes');
  });
  await app.getByRole('link', { name: '打印证书' }).click();
  await expect(app.getByTestId('certificate-card')).toHaveCount(2);
  await expect(app.getByText('特种设备安全监督员证').first()).toBeVisible();
  await expect(app.getByTestId('certificate-issuer')).toHaveText(['市局技术服务中心', '市局技术服务中心']);
  // a vector code of at most version 10 (57 modules), its symbol at least 3 cm wide
  const qr = app.getByTestId('certificate-qr').first();
  expect(await qr.evaluate((svg) => svg.tagName)).toBe('svg');
  const modules = Number(await qr.getAttribute('data-modules'));
  expect(modules).toBeLessThanOrEqual(57);
  const widthPx = (await qr.boundingBox())!.width;
  const symbolMm = (widthPx / (96 / 25.4)) * (modules / (modules + 8));
  expect(symbolMm).toBeGreaterThanOrEqual(30);
  expect(symbolMm / modules).toBeGreaterThanOrEqual(0.5);
  await app.screenshot({ path: testInfo.outputPath('certificates.png'), fullPage: true });
  await app.emulateMedia({ media: 'print' });
  const pdf = await app.pdf({ preferCSSPageSize: true, printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  await app.emulateMedia({ media: 'screen' });

  // ---- verified: the payload a scanner reads from the QR, genuine; altered, refused; revoked, said so
  const certificates = JSON.parse(await cli(['call', 'training.certificates', '--db', workspace.databaseFile, '--input', '{}'])) as { certificateNo: string; holderName: string; payload: string }[];
  const zhangCert = certificates.find((c) => c.holderName === '张建国')!;
  await app.getByRole('link', { name: '返回' }).click();
  await app.getByRole('link', { name: '返回培训考核' }).click();
  await training.tab('证书核验');
  await training.verify(zhangCert.payload);
  await expect(training.verifyResult).toHaveAttribute('data-status', 'genuine');
  await expect(training.verifyResult).toContainText(zhangCert.certificateNo);
  const altered = zhangCert.payload.slice(0, 12) + (zhangCert.payload[12] === 'A' ? 'B' : 'A') + zhangCert.payload.slice(13);
  await training.verify(altered);
  await expect(training.verifyResult).not.toHaveAttribute('data-status', 'genuine');

  // the pool lists both; revoking one shows on the next check
  await training.tab('监督员库');
  await expect(app.getByTestId('pool-count')).toHaveText('共 2 人');
  await training.revoke(zhangCert.certificateNo, '离职，不再担任安全管理员');
  await training.tab('证书核验');
  await training.verify(zhangCert.payload);
  await expect(training.verifyResult).toHaveAttribute('data-status', 'revoked');
  await expect(training.verifyResult).toContainText('离职');
});

test('a session: roster imported from a file, attendance, the sign-in sheet', async ({ app, workspace }) => {
  const rosterFile = path.join(workspace.dir, '培训名单.xlsx');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('名单');
  sheet.addRow(['姓名', '身份证号', '使用单位名称', '联系电话']);
  sheet.addRow(['张建国', '11010519491231002X', '张家港市塘桥机械有限公司', '13812345678']);
  sheet.addRow(['李秀英', null, '张家港市锦丰物业管理有限公司', null]);
  sheet.addRow(['王志强', null, '张家港市南丰化工有限公司', null]);
  await book.xlsx.writeFile(rosterFile);

  const training = new TrainingPage(app);
  await training.goto();
  await training.createSession({ name: '2026年第一期安全管理员培训', place: '市局三楼会议室', teacher: '技术服务中心 陈工', hours: 8 });

  await app.getByLabel('导入名单（xlsx / csv）').setInputFiles(rosterFile);
  await expect(app.getByRole('status')).toContainText('已加入 3 人');
  const roster = app.getByTestId('training-roster');
  await expect(roster.locator('.ag-row')).toHaveCount(3);
  // ID numbers are masked on the page
  await expect(roster).toContainText('1101**********002X');
  await app.getByRole('button', { name: '缺席 王志强' }).click();
  await expect(roster.locator('.ag-row', { hasText: '王志强' }).locator('[col-id="attendance"]')).toHaveText('缺席');
  await app.getByRole('button', { name: '其余全部签到' }).click();
  await expect(app.getByTestId('session-counts')).toHaveText('学员 3 人，已签到 2 人');
  await expect(roster.locator('.ag-row', { hasText: '王志强' }).locator('[col-id="attendance"]')).toHaveText('缺席');

  await app.getByRole('link', { name: '打印签到表' }).click();
  await expect(app.getByRole('heading', { name: '2026年第一期安全管理员培训签到表' })).toBeVisible();
  await expect(app.getByTestId('signin-table').locator('tbody tr')).toHaveCount(3);
  await expect(app.getByTestId('signin-table')).toContainText('签名');
});
