import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dataDigest, exchangeNode, type ExchangeNode } from '../../../tests/support/exchange.ts';
import { bankFile, examOnTrainingNode, people, sheetFile } from './testing/exam-setup.ts';
import { testIdNumber } from './testing/workbooks.ts';

// 培训考核 on a real training node: real SQLite file, real xlsx written by exceljs,
// the node's real Ed25519 key.

let centre: ExchangeNode;
beforeEach(async () => {
  centre = await exchangeNode('training', '张家港市特种设备技术服务中心');
});
afterEach(() => centre.cleanup());

const auditOf = (node: ExchangeNode, call: string) =>
  node.core.ctx.database.sqlite.prepare('SELECT before, after FROM audit_log WHERE call = ? ORDER BY seq').all(call) as Array<{ before: string | null; after: string | null }>;

describe('question bank import', () => {
  it('reports every unreadable question with its row and imports nothing', async () => {
    const before = dataDigest(centre);
    const file = await bankFile(centre, [
      { no: 1, type: '判断', stem: '题一', answer: '对', points: 1 },
      { no: 2, type: '问答', stem: '题二', answer: '对', points: 1 },
      { no: 3, type: '单选', stem: '题三', options: ['甲', '乙'], answer: 'C', points: 1 },
      { no: 3, type: '多选', stem: '题四', options: ['甲', '乙', '丙'], answer: 'A', points: 1 },
      { no: 'x', type: '判断', stem: '', answer: '是否', points: -1 },
    ]);
    const refusal = await centre.core.call('training.importBank', { source: { kind: 'path', path: file }, title: '坏题库' });
    expect(refusal).toMatchObject({ ok: false, code: 'VALIDATION', message: expect.stringContaining('未导入') });
    const errors = (refusal as unknown as { details: { errors: Array<{ row: number; code: string }> } }).details.errors;
    expect(errors.map((e) => [e.row, e.code])).toEqual([
      [4, 'bad-type'],
      [5, 'bad-answer'],
      [6, 'duplicate-no'],
      [6, 'bad-answer'],
      [7, 'bad-no'],
      [7, 'no-stem'],
      [7, 'bad-answer'],
      [7, 'bad-points'],
    ]);
    expect(dataDigest(centre)).toBe(before);
  });

  it('imports keys as banks write them', async () => {
    const { bank } = await centre.ok('training.importBank', { source: { kind: 'path', path: await bankFile(centre) }, title: '监督员题库' });
    expect(bank).toMatchObject({ title: '监督员题库', questions: 5, modules: ['法律法规', '使用管理', '应急管理'] });
    const questions = await centre.ok('training.questions', { bankId: bank.id });
    expect(questions.map((q) => [q.no, q.type, q.answer])).toEqual([[1, 'judge', 'T'], [2, 'judge', 'F'], [3, 'single', 'B'], [4, 'multi', 'ABC'], [5, 'single', 'A']]);
    expect(questions[2]!.options).toEqual(['一周', '一个月', '三个月']);
  });

  it('stores stems and options exactly as written, full-width punctuation kept; keys still read in any width', async () => {
    const stem = '《特种设备安全法》规定：使用单位应当在投入使用前或者投入使用后３０日内，办理使用登记。（　）';
    const options = ['（Ａ）向负责特种设备安全监督管理的部门', '“检验机构”', 'ＡＢＣ公司；其他'];
    const file = await bankFile(centre, [
      { no: 1, type: '判断', stem: `  ${stem}\n`, answer: '正确', points: 1 },
      { no: 2, type: '单选', stem: '下列说法正确的是？（单选）', options, answer: 'Ａ', points: 1 },
      { no: 3, type: '多选', stem: '以下哪些，属于“制度”？', options, answer: 'ａ，ｃ', points: 1 },
    ]);
    const { bank } = await centre.ok('training.importBank', { source: { kind: 'path', path: file }, title: '全角题库' });
    const questions = await centre.ok('training.questions', { bankId: bank.id });
    expect(questions.map((q) => [q.stem, q.answer])).toEqual([[stem, 'T'], ['下列说法正确的是？（单选）', 'A'], ['以下哪些，属于“制度”？', 'AC']]);
    expect(questions[1]!.options).toEqual(options);
  });
});

describe('grading', () => {
  it('grades one file in one go: messy marks, a duplicate sheet, a candidate not on the roster, an invalid mark', async () => {
    const { exam } = await examOnTrainingNode(centre);
    expect(exam).toMatchObject({ fullMarks: 100, passMark: 70, multiRule: 'all', resultsState: 'none' });
    const file = await sheetFile(centre, [
      { candidateNo: '2026001', name: people[0]!.name, idNumber: people[0]!.idNumber, marks: ['对', '×', 'ｂ', 'a，b、c', 'A'] },
      { candidateNo: '2026002', name: people[1]!.name, idNumber: people[1]!.idNumber, marks: ['T', 'F', 'B', 'AB', 'Z'] },
      { candidateNo: '2026001', name: people[0]!.name, idNumber: people[0]!.idNumber, marks: ['对', '对', '对', '对', '对'] },
      { candidateNo: '2026009', name: '陌生人', idNumber: null, marks: ['√', '', 'B', 'A C B', 'a'] },
      { candidateNo: '2026010', name: '', marks: ['√', '', '', '', ''] },
    ]);
    const report = await centre.ok('training.grade', { examId: exam.id, source: { kind: 'path', path: file } });
    expect(report.results).toEqual([
      { candidateNo: '2026001', name: '王小明', score: 100, passed: true },
      { candidateNo: '2026002', name: '李芳', score: 60, passed: false },
      { candidateNo: '2026009', name: '陌生人', score: 80, passed: true },
    ]);
    expect(report).toMatchObject({ candidates: 3, passed: 2 });
    expect(report.errors.map((e) => [e.row, e.candidateNo, e.code])).toEqual([
      [4, '2026001', 'duplicate-sheet'],
      [6, '2026010', 'no-name'],
    ]);
    expect(report.errors[0]!.message).toContain('与第 2 行重复');
    expect(report.warnings.map((w) => [w.row, w.candidateNo, w.code])).toEqual([
      [3, '2026002', 'invalid-mark'],
      [5, '2026009', 'not-on-roster'],
    ]);
    expect(report.warnings[0]!.message).toBe('第 3 行：李芳第 5 题的作答“Z”不是有效选项，按 0 分计');
    const results = await centre.ok('training.results', { examId: exam.id });
    expect(results.map((r) => [r.candidateNo, r.idNumberMasked, r.unitName, r.attempt])).toEqual([
      ['2026001', `${people[0]!.idNumber.slice(0, 4)}**********${people[0]!.idNumber.slice(-4)}`, people[0]!.unit, 1],
      ['2026002', expect.stringContaining('****'), people[1]!.unit, 1],
      ['2026009', null, null, 1],
    ]);
  });

  it('groups the problems by kind with counts, roster problems first: one line for 25 sheets with an invalid option E', async () => {
    const { exam } = await examOnTrainingNode(centre);
    const strangers = Array.from({ length: 40 }, (_, i) => ({ candidateNo: `S${String(i + 1).padStart(3, '0')}`, name: `考生${i + 1}`, idNumber: testIdNumber(100 + i), marks: ['对', '错', 'B', 'ABC', 'A'] }));
    // E written three ways on question 3 of 25 sheets (twice on one of them), G on 5 others
    strangers.slice(0, 25).forEach((s, i) => (s.marks[2] = ['E', 'e', 'Ｅ'][i % 3]!));
    strangers[0]!.marks[4] = 'E';
    strangers.slice(25, 30).forEach((s) => (s.marks[3] = 'AG'));
    const lines = [
      { candidateNo: 'R1', name: people[0]!.name, idNumber: people[0]!.idNumber, marks: ['对', '错', 'B', 'ABC', 'A'] },
      ...strangers,
      { ...strangers[39]!, candidateNo: 'S999' },
    ];
    const report = await centre.ok('training.grade', { examId: exam.id, source: { kind: 'path', path: await sheetFile(centre, lines) } });
    expect(report.warnings.filter((w) => w.code === 'invalid-mark')).toHaveLength(31);
    expect(report.problemSummary.map((g) => [g.code, g.detail, g.severity, g.sheets, g.count, g.label])).toEqual([
      ['not-on-roster', null, 'warning', 40, 40, '40 名考生不在培训班名单中'],
      ['duplicate-sheet', null, 'error', 1, 1, '1 份答题卡是同一考生的第二份，未重复计分'],
      ['invalid-mark', 'E', 'warning', 25, 26, '25 张答题卡有无效选项“E”（共 26 处），按 0 分计'],
      ['invalid-mark', 'AG', 'warning', 5, 5, '5 张答题卡有无效选项“AG”，按 0 分计'],
    ]);
    // rows are Excel rows (the header, then the sheets): the strangers start on row 3
    expect(report.problemSummary[2]!.rows).toEqual(Array.from({ length: 25 }, (_, i) => 3 + i));
    expect(report.problemSummary[1]!.rows).toEqual([43]);
  });

  it('grades a sheet again from a newer file, and refuses the same person under another 准考证号', async () => {
    const { exam } = await examOnTrainingNode(centre);
    await centre.ok('training.grade', { examId: exam.id, source: { kind: 'path', path: await sheetFile(centre, [{ candidateNo: 'N1', name: '王小明', idNumber: people[0]!.idNumber, marks: ['对', '对', 'B', 'ABC', 'A'] }]) } });
    const again = await centre.ok('training.grade', {
      examId: exam.id,
      source: { kind: 'path', path: await sheetFile(centre, [
        { candidateNo: 'N1', name: '王小明', idNumber: people[0]!.idNumber, marks: ['对', '错', 'B', 'ABC', 'A'] },
        { candidateNo: 'N2', name: '王小明', idNumber: people[0]!.idNumber, marks: ['对', '错', 'B', 'ABC', 'A'] },
      ]) },
    });
    expect(again.results).toEqual([{ candidateNo: 'N1', name: '王小明', score: 100, passed: true }]);
    expect(again.errors.map((e) => [e.row, e.code])).toEqual([[3, 'duplicate-sheet']]);
    expect((await centre.ok('training.results', { examId: exam.id })).map((r) => [r.candidateNo, r.total])).toEqual([['N1', 100]]);
    expect(JSON.parse(auditOf(centre, 'training.grade')[1]!.before!)).toEqual({ replaced: [{ candidateNo: 'N1', before: { objective: 80, subjective: null, total: 80 } }] });
  });

  it('refuses a sheet that lacks question columns, changing nothing', async () => {
    const { exam } = await examOnTrainingNode(centre);
    const before = dataDigest(centre);
    const file = await sheetFile(centre, [{ candidateNo: '1', name: '王小明', marks: ['对', '对', 'B'] }], 3);
    expect(await centre.refused('training.grade', { examId: exam.id, source: { kind: 'path', path: file } })).toMatchObject({ code: 'UNREADABLE_FILE', message: expect.stringContaining('缺少第 4、5 题的列') });
    expect(dataDigest(centre)).toBe(before);
  });

  it('gives partial credit when set, adds subjective scores, regrades after a key correction with the old scores audited, and locks on publishing', async () => {
    const { exam, bank } = await examOnTrainingNode(centre, { multiRule: 'partial', subjectiveMax: 20 });
    expect(exam).toMatchObject({ fullMarks: 120, passMark: 84 });
    const file = await sheetFile(centre, [
      { candidateNo: 'A1', name: '王小明', idNumber: people[0]!.idNumber, marks: ['对', '错', 'B', 'AB', 'A'] },
      { candidateNo: 'A2', name: '李芳', idNumber: people[1]!.idNumber, marks: ['对', '错', 'C', 'ABD', 'A'] },
    ]);
    const report = await centre.ok('training.grade', { examId: exam.id, source: { kind: 'path', path: file } });
    expect(report.results.map((r) => r.score)).toEqual([93.33, 60]);
    let results = await centre.ok('training.results', { examId: exam.id });
    await centre.ok('training.setSubjective', { resultId: results[1]!.id, score: 18 });
    expect((await centre.refused('training.setSubjective', { resultId: results[1]!.id, score: 25 })).message).toContain('不能超过 20 分');

    const regraded = await centre.ok('training.correctKey', { bankId: bank.id, no: 3, answer: 'C', reason: '教材修订，答案应为三个月' });
    expect(regraded).toEqual({ exams: 1, results: 2, changed: 2, certifiedNowFailing: [] });
    results = await centre.ok('training.results', { examId: exam.id });
    expect(results.map((r) => [r.objectiveScore, r.subjectiveScore, r.total, r.passed])).toEqual([
      [73.33, null, 73.33, false],
      [80, 18, 98, true],
    ]);
    const audit = auditOf(centre, 'training.correctKey')[0]!;
    expect(JSON.parse(audit.before!)).toMatchObject({ answer: 'B', scores: [{ objective: 93.33, total: 93.33, passed: true }, { objective: 60, total: 78 }] });
    expect(JSON.parse(audit.after!)).toMatchObject({ answer: 'C', reason: '教材修订，答案应为三个月' });

    expect((await centre.ok('training.publishResults', { examId: exam.id })).resultsState).toBe('published');
    expect((await centre.refused('training.setSubjective', { resultId: results[0]!.id, score: 20 })).code).toBe('CONFLICT');
    expect((await centre.refused('training.correctKey', { bankId: bank.id, no: 1, answer: '错', reason: 'x' })).message).toContain('先“解锁成绩”');
    expect((await centre.refused('training.grade', { examId: exam.id, source: { kind: 'path', path: file } })).code).toBe('CONFLICT');
    expect((await centre.refused('training.unlockResults', { examId: exam.id, reason: '' })).code).toBe('VALIDATION');
    expect((await centre.ok('training.unlockResults', { examId: exam.id, reason: '复核实操成绩' })).resultsState).toBe('unlocked');
    expect(JSON.parse(auditOf(centre, 'training.unlockResults')[0]!.after!)).toMatchObject({ state: 'unlocked', reason: '复核实操成绩' });
    await centre.ok('training.setSubjective', { resultId: results[0]!.id, score: 20 });
    expect((await centre.ok('training.publishResults', { examId: exam.id })).passed).toBe(2);
  });

  it('counts retakes per person and reports statistics in the exported workbook', async () => {
    const first = await examOnTrainingNode(centre);
    await centre.ok('training.grade', { examId: first.exam.id, source: { kind: 'path', path: await sheetFile(centre, [{ candidateNo: 'R1', name: '赵强', idNumber: people[2]!.idNumber, marks: ['对', '对', 'C', 'A', 'B'] }]) } });
    const second = await centre.ok('training.createExam', { title: '补考', bankId: first.bank.id, sessionId: first.session.id });
    const report = await centre.ok('training.grade', {
      examId: second.id,
      source: { kind: 'path', path: await sheetFile(centre, [
        { candidateNo: 'B1', name: '赵强', idNumber: people[2]!.idNumber, marks: ['对', '错', 'B', 'ABC', 'A'] },
        { candidateNo: 'B2', name: '王小明', idNumber: people[0]!.idNumber, marks: ['错', '错', 'B', 'ABC', 'A'] },
        { candidateNo: 'B3', name: '李芳', idNumber: people[1]!.idNumber, marks: ['对', '错', 'A', 'AB', 'C'] },
      ]) },
    });
    expect(report.results.map((r) => r.score)).toEqual([100, 80, 40]);
    expect((await centre.ok('training.results', { examId: second.id })).map((r) => [r.name, r.attempt])).toEqual([['赵强', 2], ['王小明', 1], ['李芳', 1]]);
    const stats = await centre.ok('training.stats', { examId: second.id });
    expect(stats).toMatchObject({ candidates: 3, passed: 2, passRate: 0.6667, average: 73.33, fullMarks: 100 });
    expect(stats.histogram.map((h) => h.count)).toEqual([0, 0, 0, 0, 1, 0, 0, 0, 1, 1]);
    expect(stats.questions.map((q) => [q.no, q.difficulty])).toEqual([[1, 0.6667], [2, 1], [3, 0.6667], [4, 0.6667], [5, 0.6667]]);
    expect(stats.modules).toEqual([
      { module: '法律法规', points: 40, average: 33.33, share: 0.8333 },
      { module: '使用管理', points: 40, average: 26.67, share: 0.6667 },
      { module: '应急管理', points: 20, average: 13.33, share: 0.6667 },
    ]);
    const file = await centre.ok('training.exportResults', { examId: second.id });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['成绩', '统计', '试题分析', '知识模块']);
    expect(book.getWorksheet('成绩')!.getRow(3).values).toEqual(expect.arrayContaining(['B1', '赵强', 2, 100, '合格', '未发布']));
    expect(book.getWorksheet('统计')!.getRow(5).values).toEqual([undefined, '合格率', 0.6667]);
    expect(book.getWorksheet('试题分析')!.getRow(3).values).toEqual([undefined, 1, '判断', '使用管理', 3, 2, 0.6667]);
  });
});

describe('queries at scale', () => {
  it('read an exam’s results and a person’s earlier sittings through indexes', async () => {
    const sqlite = centre.core.ctx.database.sqlite;
    const plan = (sql: string) => (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>).map((p) => p.detail).join('; ');
    expect(plan("SELECT * FROM exam_results r JOIN exam_candidates c ON c.id = r.candidate_id WHERE r.exam_id = 'e' AND r.deleted_at IS NULL")).toMatch(/USING INDEX exam_results_exam/);
    expect(plan("SELECT id FROM exam_candidates WHERE id_number = 'x' AND deleted_at IS NULL")).toMatch(/USING INDEX exam_candidates_id_number/);
    expect(plan("SELECT id FROM supervisor_certificates WHERE result_id = 'r' AND deleted_at IS NULL")).toMatch(/USING INDEX supervisor_certificates_result_live/);
  });
});

describe('who may examine', () => {
  it('refuses the bureau and lets a district examine only for its own sessions', async () => {
    const bureau = await exchangeNode('bureau', '市局');
    const office = await exchangeNode('district', '塘桥分局', 'seed-district-03');
    try {
      const file = await bankFile(bureau);
      expect((await bureau.refused('training.importBank', { source: { kind: 'path', path: file }, title: '题库' })).code).toBe('FORBIDDEN');
      expect((await bureau.refused('training.saveSession', { title: '培训', startDate: '2026-11-01' })).message).toContain('市局只能查看');
      const { bank } = await office.ok('training.importBank', { source: { kind: 'path', path: file }, title: '题库' });
      expect((await office.refused('training.createExam', { title: '考试', bankId: bank.id })).message).toContain('请选择培训班');
      const session = await office.ok('training.saveSession', { title: '塘桥分局培训', startDate: '2026-11-01' });
      expect(session.districtIds).toEqual(['seed-district-03']);
      expect((await office.refused('training.saveSession', { title: '别处', startDate: '2026-11-01', districtIds: ['seed-district-04'] })).code).toBe('FORBIDDEN');
      expect(await office.ok('training.createExam', { title: '考试', bankId: bank.id, sessionId: session.id })).toMatchObject({ passMark: 70 });
    } finally {
      bureau.cleanup();
      office.cleanup();
    }
  });
});
