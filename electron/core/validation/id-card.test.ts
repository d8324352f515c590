import { describe, expect, it } from 'vitest';
import { checkIdNumber, isValidIdNumber } from './id-card.ts';

describe('居民身份证号 (GB 11643)', () => {
  it('accepts the published example and normalises case and width', () => {
    expect(checkIdNumber('11010519491231002X')).toEqual({ ok: true, value: '11010519491231002X', birthDate: '1949-12-31' });
    expect(checkIdNumber(' １１０１０５１９４９１２３１００２ｘ ')).toMatchObject({ ok: true, value: '11010519491231002X' });
  });

  it('names the expected check character', () => {
    expect(checkIdNumber('110105194912310021')).toMatchObject({ ok: false, message: expect.stringContaining('第 18 位应为“X”') });
  });

  it('refuses impossible birth dates and wrong shapes', () => {
    expect(checkIdNumber('110105194902300010')).toMatchObject({ ok: false, message: expect.stringContaining('19490230') });
    expect(checkIdNumber('1101051949123100')).toMatchObject({ ok: false, message: expect.stringContaining('18 位') });
    expect(checkIdNumber('110105290001010010', new Date('2026-11-28'))).toMatchObject({ ok: false });
  });
});

describe('the grader’s check of an ID number', () => {
  it('accepts exactly what checkIdNumber accepts, whatever the spelling', () => {
    const today = new Date('2026-11-28');
    const body = (year: number, month: number, day: number, seq: number) => `320582${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(seq).padStart(3, '0')}`;
    const all: string[] = [];
    for (const year of [1899, 1900, 1949, 2000, 2024, 2026, 2027, 2999]) {
      for (const [month, day] of [[1, 1], [2, 28], [2, 29], [2, 30], [4, 31], [12, 31], [13, 1], [0, 10], [11, 28], [11, 29]] as const) {
        for (const seq of [1, 22, 333]) {
          const b = body(year, month, day, seq);
          for (const check of '0123456789Xx') all.push(b + check);
        }
      }
    }
    const spelled = all.flatMap((v) => [v, ` ${v} `, `${v.slice(0, 6)} ${v.slice(6)}`, v.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)), v.slice(0, 17), `${v}0`, v.replace('2', 'Z')]);
    let valid = 0;
    for (const v of spelled) {
      const ok = checkIdNumber(v, today).ok;
      if (ok) valid++;
      expect([v, isValidIdNumber(v, today)]).toEqual([v, ok]);
    }
    // both kinds are there
    expect(valid).toBeGreaterThan(300);
    expect(spelled.length - valid).toBeGreaterThan(10_000);
  });
});
