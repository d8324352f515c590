import { describe, expect, it } from 'vitest';
import { formatPlaqueNo } from '../acceptance/plaque.ts';
import { validUntil } from './certificates.ts';
import { normaliseJudge, normaliseKey, normaliseLetters, normaliseMark } from './marks.ts';
import { drawPaper, moduleQuotas, type BankQuestion } from './paper.ts';
import { scoreAnswer } from './scoring.ts';

describe('keys as banks write them', () => {
  it.each([
    ['对', 'T'], ['错', 'F'], ['√', 'T'], ['×', 'F'], ['✓', 'T'], ['✗', 'F'], ['正确', 'T'], ['错误', 'F'], ['T', 'T'], ['F', 'F'], ['t', 'T'], ['f', 'F'],
    ['Ｔ', 'T'], [' 对 ', 'T'], ['true', 'T'], ['x', 'F'],
  ])('judge %s → %s', (raw, key) => expect(normaliseJudge(raw)).toBe(key));

  it.each(['', '对错', 'A', '1', '是的', '?'])('judge %j is unreadable', (raw) => expect(normaliseJudge(raw)).toBeNull());

  it.each([
    ['ACD', 'ACD'], ['A,C,D', 'ACD'], ['A、C、D', 'ACD'], ['a c d', 'ACD'], ['DCA', 'ACD'], ['Ａ，Ｃ，Ｄ', 'ACD'], ['A，C，D', 'ACD'], ['A;C/D', 'ACD'], ['AAC', 'AC'], ['b', 'B'],
  ])('letters %j → %s', (raw, key) => expect(normaliseLetters(raw, 4)).toBe(key));

  it('refuses letters beyond the options and anything else', () => {
    expect(normaliseLetters('E', 4)).toBeNull();
    expect(normaliseLetters('F', 6)).toBe('F');
    expect(normaliseLetters('A1', 4)).toBeNull();
    expect(normaliseLetters('对', 4)).toBeNull();
    expect(normaliseLetters('  ', 4)).toBeNull();
  });

  it('checks the key against the question type', () => {
    expect(normaliseKey('single', 'B', 4)).toEqual({ ok: true, key: 'B' });
    expect(normaliseKey('single', 'AB', 4)).toMatchObject({ ok: false, message: expect.stringContaining('只有一个字母') });
    expect(normaliseKey('multi', 'A', 4)).toMatchObject({ ok: false, message: expect.stringContaining('至少有两个') });
    expect(normaliseKey('multi', 'A、C', 4)).toEqual({ ok: true, key: 'AC' });
    expect(normaliseKey('judge', '√', 0)).toEqual({ ok: true, key: 'T' });
    expect(normaliseKey('judge', 'A', 0)).toMatchObject({ ok: false, message: expect.stringContaining('对/错') });
    expect(normaliseKey('single', '', 4)).toMatchObject({ ok: false, message: '缺少答案' });
    expect(normaliseKey('single', 'E', 4)).toMatchObject({ ok: false, message: expect.stringContaining('A、B、C、D') });
  });
});

describe('marks as people and scanners write them', () => {
  it('normalises case, width, separators and ticks', () => {
    expect(normaliseMark('multi', 'a，c、d', 4)).toEqual({ kind: 'valid', value: 'ACD' });
    expect(normaliseMark('multi', 'Ｂ Ｄ', 4)).toEqual({ kind: 'valid', value: 'BD' });
    expect(normaliseMark('single', 'c', 4)).toEqual({ kind: 'valid', value: 'C' });
    expect(normaliseMark('judge', '√', 0)).toEqual({ kind: 'valid', value: 'T' });
    expect(normaliseMark('judge', 'X', 0)).toEqual({ kind: 'valid', value: 'F' });
  });

  it('tells blank from invalid', () => {
    expect(normaliseMark('single', '', 4)).toEqual({ kind: 'blank' });
    expect(normaliseMark('single', null, 4)).toEqual({ kind: 'blank' });
    expect(normaliseMark('single', ' 、 ', 4)).toEqual({ kind: 'blank' });
    expect(normaliseMark('single', 'AB', 4)).toEqual({ kind: 'invalid', raw: 'AB' });
    expect(normaliseMark('single', 'Z', 4)).toEqual({ kind: 'invalid', raw: 'Z' });
    expect(normaliseMark('judge', 'A', 0)).toEqual({ kind: 'invalid', raw: 'A' });
  });
});

describe('scoring', () => {
  it('is all or nothing by default, partial credit when set', () => {
    expect(scoreAnswer('multi', 'ACD', 'ACD', 2, 'all')).toBe(2);
    expect(scoreAnswer('multi', 'ACD', 'AC', 2, 'all')).toBe(0);
    expect(scoreAnswer('multi', 'ACD', 'AC', 2, 'partial')).toBe(1.33);
    expect(scoreAnswer('multi', 'ACD', 'AB', 2, 'partial')).toBe(0);
    expect(scoreAnswer('single', 'A', 'A', 1, 'partial')).toBe(1);
    expect(scoreAnswer('single', 'A', null, 1, 'all')).toBe(0);
  });
});

describe('papers', () => {
  const bank: BankQuestion[] = Array.from({ length: 200 }, (_, i) => ({ no: i + 1, points: 1, module: ['基础知识', '法律法规', '使用管理', '应急管理'][i % 4]! }));
  const weights = { 基础知识: 10, 法律法规: 30, 使用管理: 30, 应急管理: 30 };

  it('splits a count by module weights with largest remainders', () => {
    expect(Object.fromEntries(moduleQuotas(100, weights))).toEqual({ 基础知识: 10, 法律法规: 30, 使用管理: 30, 应急管理: 30 });
    expect([...moduleQuotas(7, { a: 1, b: 1, c: 1 }).values()].reduce((n, q) => n + q, 0)).toBe(7);
  });

  it('draws the same paper from the same seed, and A/B with the same questions in another order', () => {
    const one = drawPaper({ mode: 'random', count: 100, weights }, bank, 'seed-1', 2);
    const two = drawPaper({ mode: 'random', count: 100, weights }, bank, 'seed-1', 2);
    const other = drawPaper({ mode: 'random', count: 100, weights }, bank, 'seed-2', 2);
    expect(one).toEqual(two);
    if (!one.ok || !other.ok) throw new Error('draw failed');
    const a = one.paper.variants['A']!;
    const b = one.paper.variants['B']!;
    expect(a).toHaveLength(100);
    expect([...b].sort((x, y) => x - y)).toEqual(a);
    expect(b).not.toEqual(a);
    expect(other.paper.variants['A']).not.toEqual(a);
    expect(a.filter((no) => no % 4 === 1)).toHaveLength(10);
  });

  it('says why a paper cannot be drawn', () => {
    expect(drawPaper({ mode: 'random', count: 300, weights }, bank, 's', 1)).toMatchObject({ ok: false, message: expect.stringContaining('只有 200 道题') });
    expect(drawPaper({ mode: 'random', count: 100, weights: { 基础知识: 90, 法律法规: 10 } }, bank, 's', 1)).toMatchObject({ ok: false, message: expect.stringContaining('基础知识') });
    expect(drawPaper({ mode: 'fixed', questionNos: [1, 2, 999] }, bank, 's', 1)).toMatchObject({ ok: false, message: '题库中没有第 999 题' });
    expect(drawPaper({ mode: 'fixed', questionNos: [3, 1] }, bank, 's', 1)).toEqual({ ok: true, paper: { variants: { A: [3, 1] } } });
  });
});

describe('certificate numbers and validity', () => {
  it('reuses the plaque pattern engine with {seq:4}', () => {
    expect(formatPlaqueNo('张特监〔{year}〕第{seq:4}号', 2026, 7)).toBe('张特监〔2026〕第0007号');
    expect(formatPlaqueNo('张特示〔{year}〕第{seq:000}号', 2026, 7)).toBe('张特示〔2026〕第007号');
  });

  it('is valid for N years less a day', () => {
    expect(validUntil('2026-12-04', 4)).toBe('2030-12-03');
    expect(validUntil('2028-02-29', 4)).toBe('2032-02-28');
    expect(validUntil('2026-01-01', 4)).toBe('2029-12-31');
  });
});
