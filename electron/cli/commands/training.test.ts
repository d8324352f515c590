import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { qkl } from '../../../tests/support/cli.ts';
import { exchangeNode, type ExchangeNode } from '../../../tests/support/exchange.ts';
import { sampleBank, testIdNumber, writeAnswersXlsx, writeBankXlsx } from '../../core/training/testing/workbooks.ts';

// qkl exam create / grade / verify-cert on a real training database, with a bank and
// answer sheets written by exceljs in the test.

const nodes: ExchangeNode[] = [];
afterEach(() => nodes.splice(0).forEach((n) => n.cleanup()));

async function centre(): Promise<ExchangeNode> {
  const node = await exchangeNode('training', '张家港市特种设备技术服务中心');
  node.close();
  nodes.push(node);
  return node;
}

describe('qkl exam, grade and verify-cert', () => {
  it('creates an exam from a bank file, grades answer sheets and verifies a certificate, as JSON', async () => {
    const node = await centre();
    const bank = sampleBank(10);
    const bankFile = path.join(node.dir, '题库.xlsx');
    await writeBankXlsx(bankFile, bank);
    const created = await qkl('exam', 'create', '--db', node.file, '--bank', bankFile, '--title', '2026年第一期安全监督员考试', '--pass-mark', '7', '--json');
    expect(created).toMatchObject({ code: 0, err: '' });
    const { examId, ...rest } = JSON.parse(created.out);
    expect(examId).toMatch(/^[0-9a-f-]{36}$/);
    expect(rest).toMatchObject({ questions: 10, fullMarks: 10, passMark: 7 });

    const key = (i: number) => bank[i]!.answer.replace(/,/g, '');
    const right = bank.map((_, i) => key(i));
    const sheets = path.join(node.dir, '答题卡.xlsx');
    await writeAnswersXlsx(sheets, [
      { candidateNo: 'K001', name: '王小明', idNumber: testIdNumber(1), marks: right },
      { candidateNo: 'K002', name: '李芳', idNumber: testIdNumber(2), marks: right.map((m, i) => (i < 4 ? 'Q' : m)) },
      { candidateNo: 'K001', name: '王小明', idNumber: testIdNumber(1), marks: right },
    ], 10);
    const graded = await qkl('grade', '--db', node.file, '--exam', examId, '--answers', sheets, '--json');
    expect(graded).toMatchObject({ code: 0, err: '' });
    const report = JSON.parse(graded.out);
    expect(report).toEqual({
      candidates: 2,
      passed: 1,
      results: [
        { candidateNo: 'K001', name: '王小明', score: 10, passed: true },
        { candidateNo: 'K002', name: '李芳', score: 6, passed: false },
      ],
      errors: [{ row: 4, candidateNo: 'K001', name: '王小明', code: 'duplicate-sheet', message: expect.stringContaining('第二份答题卡') }],
      warnings: expect.arrayContaining([{ row: 3, candidateNo: 'K002', name: '李芳', code: 'invalid-mark', message: expect.stringContaining('“Q”不是有效选项') }]),
      problemSummary: [
        { code: 'duplicate-sheet', detail: null, severity: 'error', sheets: 1, count: 1, rows: [4], label: '1 份答题卡是同一考生的第二份，未重复计分', messages: [report.errors[0].message] },
        { code: 'invalid-mark', detail: 'Q', severity: 'warning', sheets: 1, count: 4, rows: [3], label: '1 张答题卡有无效选项“Q”（共 4 处），按 0 分计', messages: report.warnings.map((w: { message: string }) => w.message) },
      ],
    });
    expect(report.warnings).toHaveLength(4);

    const text = await qkl('grade', '--db', node.file, '--exam', examId, '--answers', sheets);
    expect(text.out.trim().split('\n')).toEqual([
      '阅卷完成：考生 2 人，合格 1 人。',
      'K001　王小明　10 分　合格',
      'K002　李芳　6 分　不合格',
      '错误：1 份答题卡是同一考生的第二份，未重复计分（第 4 行）',
      '提示：1 张答题卡有无效选项“Q”（共 4 处），按 0 分计（第 3 行）',
    ]);

    const reopened = await exchangeNode('training', 'x', null, { file: node.file, dir: node.dir });
    await reopened.ok('training.publishResults', { examId });
    // an exam made without a training session has no roster: its candidates are certified by 特批 only
    const { blocked } = await reopened.ok('training.certificatePreview', { examId, issueDate: '2026-12-04' });
    expect(blocked.map((c) => [c.candidateNo, c.problem])).toEqual([['K001', 'not-on-roster']]);
    const [cert] = (await reopened.ok('training.issueCertificates', { examId, issueDate: '2026-12-04', override: { candidateIds: [blocked[0]!.candidateId], reason: '命令行测试：特批发证' } })).issued;
    reopened.close();
    const verified = await qkl('verify-cert', '--db', node.file, cert!.payload, '--json', '--as-of', '2027-01-01');
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.out)).toMatchObject({ status: 'genuine', certificateNo: '张特监〔2026〕第0001号', holderName: '王小明' });
    const forged = await qkl('verify-cert', '--db', node.file, cert!.payload.slice(0, -4) + 'AAAA');
    expect(forged).toMatchObject({ code: 1, out: expect.stringContaining('伪造') });
  });

  it('lists every unreadable question and creates nothing; answers usage mistakes in one line', async () => {
    const node = await centre();
    const bankFile = path.join(node.dir, '坏题库.xlsx');
    await writeBankXlsx(bankFile, [
      { no: 1, type: '判断', stem: '题一', answer: '对' },
      { no: 2, type: '单选', stem: '题二', options: ['甲', '乙'], answer: 'AB' },
    ]);
    const result = await qkl('exam', 'create', '--db', node.file, '--bank', bankFile, '--title', '考试', '--json');
    expect(result.code).toBe(1);
    expect(JSON.parse(result.out)).toEqual({ examId: null, errors: [{ row: 4, no: '2', column: '答案', code: 'bad-answer', message: '单选题答案“AB”应只有一个字母' }] });
    expect(result.err).toMatch(/^错误：题库中有 1 处无法识别/);
    expect(JSON.parse((await qkl('call', 'training.exams', '--db', node.file)).out)).toEqual([]);

    expect(await qkl('exam', 'create', '--db', node.file, '--title', 'x')).toMatchObject({ code: 2, err: expect.stringContaining('缺少 --bank') });
    expect(await qkl('exam', 'grade')).toMatchObject({ code: 2, err: expect.stringContaining('未知的 exam 子命令') });
    expect(await qkl('grade', '--db', node.file, '--answers', bankFile)).toMatchObject({ code: 2, err: expect.stringContaining('缺少 --exam') });
    expect(await qkl('grade', '--db', node.file, '--exam', 'nope', '--answers', bankFile)).toMatchObject({ code: 1, err: expect.stringContaining('考试不存在') });
    expect(await qkl('verify-cert', '--db', node.file)).toMatchObject({ code: 2 });
    expect(await qkl('verify-cert', '--db', node.file, 'hello', '--json')).toMatchObject({ code: 1, out: expect.stringContaining('"status":"malformed"') });
  });
});
