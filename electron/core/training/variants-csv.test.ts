import { writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exchangeNode, type ExchangeNode } from '../../../tests/support/exchange.ts';
import { bankFile, people, smallBank } from './testing/exam-setup.ts';
import { writeAnswersXlsx } from './testing/workbooks.ts';

// A/B papers graded by the 试卷 column, and banks and answer sheets saved as CSV
// (UTF-8 with BOM, and GBK as WPS saves it).

let centre: ExchangeNode;
beforeEach(async () => {
  centre = await exchangeNode('training', '张家港市特种设备技术服务中心');
});
afterEach(() => centre.cleanup());

const keyOf = new Map(smallBank.map((q) => [q.no as number, { 1: '对', 2: '错', 3: 'B', 4: 'ABC', 5: 'A' }[q.no as number]!]));

describe('A/B papers', () => {
  it('draws B as the same questions in another order, reproducibly, and grades each sheet by its own variant', async () => {
    const { bank } = await centre.ok('training.importBank', { source: { kind: 'path', path: await bankFile(centre) }, title: '题库' });
    const spec = { mode: 'random', count: 4, weights: { 使用管理: 50, 法律法规: 50 } };
    const exam = await centre.ok('training.createExam', { title: 'A/B 卷', bankId: bank.id, paper: spec, variants: 2, seed: 'ab-2026' });
    const again = await centre.ok('training.createExam', { title: '同一种子', bankId: bank.id, paper: spec, variants: 2, seed: 'ab-2026' });
    expect(again.paper.variants).toEqual(exam.paper.variants);
    const { A, B } = exam.paper.variants as { A: number[]; B: number[] };
    expect(A).toEqual([1, 2, 3, 4]);
    expect([...B].sort()).toEqual(A);
    expect(B).not.toEqual(A);
    expect(exam).toMatchObject({ fullMarks: 80, passMark: 56 });

    const file = path.join(centre.dir, 'ab.xlsx');
    await writeAnswersXlsx(file, [
      { candidateNo: 'A1', name: people[0]!.name, variant: 'A', marks: A.map((no) => keyOf.get(no)!) },
      { candidateNo: 'B1', name: people[1]!.name, variant: 'B卷', marks: B.map((no) => keyOf.get(no)!) },
      // a B sheet graded against A would lose marks: this one answered A's keys on a B paper
      { candidateNo: 'B2', name: people[2]!.name, variant: 'b', marks: A.map((no) => keyOf.get(no)!) },
      { candidateNo: 'C1', name: '丙', variant: 'C', marks: A.map((no) => keyOf.get(no)!) },
    ], 4, true);
    const report = await centre.ok('training.grade', { examId: exam.id, source: { kind: 'path', path: file } });
    expect(report.results.map((r) => [r.candidateNo, r.score])).toEqual([['A1', 80], ['B1', 80], ['B2', expect.any(Number)]]);
    expect(report.results[2]!.score).toBeLessThan(80);
    expect(report.errors).toEqual([expect.objectContaining({ row: 5, candidateNo: 'C1', code: 'bad-variant' })]);
    expect((await centre.ok('training.results', { examId: exam.id })).map((r) => r.variant)).toEqual(['A', 'B', 'B']);
  });
});

describe('CSV files', () => {
  it('reads a UTF-8 bank and a GBK answer sheet', async () => {
    const header = '题号,题型,题干,选项A,选项B,选项C,选项D,答案,分值,知识模块';
    const lines = ['1,判断,使用单位应建立安全技术档案。,,,,,正确,50,使用管理', '2,多选,"下列哪些属于制度？",岗位责任,隐患排查,应急救援,采购,"A,B,C",50,使用管理'];
    const bankCsv = path.join(centre.dir, 'bank.csv');
    writeFileSync(bankCsv, `\uFEFF${[header, ...lines].join('\r\n')}\r\n`);
    const { bank } = await centre.ok('training.importBank', { source: { kind: 'path', path: bankCsv }, title: 'CSV 题库' });
    expect(bank.questions).toBe(2);
    const exam = await centre.ok('training.createExam', { title: 'CSV 考试', bankId: bank.id });
    const sheet = path.join(centre.dir, 'answers.csv');
    writeFileSync(sheet, iconv.encode(['准考证号,姓名,身份证号,1,2', `K1,王小明,${people[0]!.idNumber},√,"a，b、c"`, `K2,李芳,${people[1]!.idNumber},错,ＡＢ`].join('\r\n'), 'gbk'));
    const report = await centre.ok('training.grade', { examId: exam.id, source: { kind: 'path', path: sheet } });
    expect(report.results).toEqual([
      { candidateNo: 'K1', name: '王小明', score: 100, passed: true },
      { candidateNo: 'K2', name: '李芳', score: 0, passed: false },
    ]);
    expect(report.warnings).toEqual([]);
  });
});
