import { describe, expect, it } from 'vitest';
import { displayText } from '../sheets/cells.ts';
import type { Cell } from '../sheets/types.ts';
import type { QuestionRow } from './banks-read.ts';
import { gradeSheet, gradeSheetForStore } from './grade-sheet.ts';
import { bankKeys, sampleBank, sampleSheets } from './testing/workbooks.ts';

// The grader's fast path must store, byte for byte, what the plain grading stores
// (JSON of the normalised marks, the invalid ones as written and the points), and total
// the same objective score, for every spelling and both 多选 rules.

const typeOf = { 判断: 'judge', 单选: 'single', 多选: 'multi' } as const;

function paper(n: number, points: (i: number) => number): QuestionRow[] {
  const bank = sampleBank(n, 'exact');
  const keys = bankKeys(bank);
  return bank.map((l, i) => ({
    id: `q${i}`, originNode: 'me', version: 1, no: Number(l.no), type: typeOf[l.type as keyof typeof typeOf], stem: l.stem,
    options: JSON.stringify(l.options ?? []), answer: keys[i]!, points: points(i), module: l.module ?? null,
  }));
}

/** Plain grading's stored text and score. */
const plain = (questions: QuestionRow[], marks: string[], rule: 'all' | 'partial') => {
  const g = gradeSheet(questions, marks, rule);
  return { objective: g.objective, invalid: g.invalid, stored: JSON.stringify({ marks: g.marks, invalid: g.invalid, scores: g.scores }) };
};

describe('the grader’s fast path', () => {
  it('stores exactly what plain grading stores, sheet after sheet', () => {
    // points that give thirds under partial credit, and odd spellings: quotes, backslashes, full width, blanks, nulls
    const questions = paper(60, (i) => [1, 2, 3, 1.5][i % 4]!);
    const keys = questions.map((q) => q.answer);
    const odd = ['"A"', 'a\\b', 'ＡＣ', ' ', '', 'Z', '对"', '\u00a0', 'A,B,C,D,E', 'ab', 'ba', '√', '错误', 'é', '\n'];
    const sheets = [...sampleSheets(400, keys, 'odd')].map((s, k) => s.marks.map((m, i) => ((k + i) % 11 === 0 ? odd[(k * 7 + i) % odd.length]! : (m as string))));
    for (const rule of ['all', 'partial'] as const) {
      for (const [k, marks] of sheets.entries()) {
        expect({ k, rule, ...gradeSheetForStore(questions, marks, rule) }).toEqual({ k, rule, ...plain(questions, marks, rule) });
      }
    }
    // the stored text reads back as the marks, invalid marks and points it stands for
    const { marks, invalid, scores } = gradeSheet(questions, sheets[0]!, 'partial');
    expect(JSON.parse(gradeSheetForStore(questions, sheets[0]!, 'partial').stored)).toEqual({ marks, invalid, scores });
    expect(Object.keys(invalid).length).toBeGreaterThan(0);
  });

  it('reads the marks in place from a row’s cells, in any column order, as the cells show them', () => {
    const questions = paper(40, (i) => [1, 2, 3, 1.5][i % 4]!);
    const keys = questions.map((q) => q.answer);
    // position i in column columns[i], after three leading columns; cells of every kind the reader hands on
    const columns = questions.map((_, i) => 3 + ((i * 17) % questions.length));
    const odd: Cell[] = [1, 0, 2.5, true, false, new Date(Date.UTC(2026, 0, 2)), { problem: 'formula', text: '=A1' }, { problem: 'error', text: '#N/A' }, null, 'ＡＣ', ' '];
    for (const rule of ['all', 'partial'] as const) {
      for (const [k, sheet] of [...sampleSheets(200, keys, 'cells')].entries()) {
        const marks: Cell[] = sheet.marks.map((m, i) => ((k + i) % 5 === 0 ? odd[(k * 3 + i) % odd.length]! : m));
        const cells: Cell[] = ['no', 'name', null];
        marks.forEach((m, i) => (cells[columns[i]!] = m));
        expect({ k, rule, ...gradeSheetForStore(questions, cells, rule, columns) }).toEqual({ k, rule, ...plain(questions, marks.map(displayText), rule) });
      }
    }
  });

  it('forgets spellings beyond its bound and still grades the same', () => {
    const questions = paper(3, () => 2);
    for (let i = 0; i < 25_000; i++) {
      const marks = [`X${i}`, i % 2 ? 'A' : 'b、a', String(i % 7)];
      const fast = gradeSheetForStore(questions, marks, 'partial');
      if (i % 997 === 0 || i > 24_990) expect(fast).toEqual(plain(questions, marks, 'partial'));
    }
  });
});
