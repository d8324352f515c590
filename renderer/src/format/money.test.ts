import { describe, expect, it } from 'vitest';
import { amountInWords, formatFen, parsePercent, parseYuan } from './money.ts';

describe('amounts in capital numerals (大写金额)', () => {
  it('writes whole yuan with 整', () => {
    expect(amountInWords(1_000_000)).toBe('壹万元整');
    expect(amountInWords(100_000_000)).toBe('壹佰万元整');
    expect(amountInWords(500_000)).toBe('伍仟元整');
    expect(amountInWords(1_200_000)).toBe('壹万贰仟元整');
    expect(amountInWords(1000)).toBe('壹拾元整');
    expect(amountInWords(0)).toBe('零元整');
    expect(amountInWords(10_000_000_000)).toBe('壹亿元整');
  });

  it('writes a zero once where digits are missing', () => {
    expect(amountInWords(100_100)).toBe('壹仟零壹元整');
    expect(amountInWords(10_010_000)).toBe('壹拾万零壹佰元整');
    expect(amountInWords(10_500_000)).toBe('壹拾万伍仟元整');
    expect(amountInWords(10_001_000_000)).toBe('壹亿零壹万元整');
    expect(amountInWords(1_000_010_000)).toBe('壹仟万零壹佰元整');
    expect(amountInWords(30_405_000)).toBe('叁拾万肆仟零伍拾元整');
    expect(amountInWords(30_040_500)).toBe('叁拾万零肆佰零伍元整');
  });

  it('writes 角 and 分', () => {
    expect(amountInWords(120_005)).toBe('壹仟贰佰元零伍分');
    expect(amountInWords(1_000_050)).toBe('壹万元伍角整');
    expect(amountInWords(1_000_056)).toBe('壹万元伍角陆分');
    expect(amountInWords(5)).toBe('伍分');
    expect(amountInWords(50)).toBe('伍角整');
    expect(() => amountInWords(-1)).toThrow(RangeError);
    expect(() => amountInWords(1.5)).toThrow(RangeError);
  });
});

describe('amounts typed and shown', () => {
  it('shows fen as yuan with separators', () => {
    expect(formatFen(1_000_000)).toBe('10,000.00');
    expect(formatFen(5)).toBe('0.05');
    expect(formatFen(null)).toBe('');
  });

  it('reads yuan and per cent exactly, or refuses them', () => {
    expect(parseYuan('200,000')).toBe(20_000_000);
    expect(parseYuan('0.1')).toBe(10);
    expect(parseYuan('')).toBe(0);
    expect(parseYuan('1.234')).toBeNull();
    expect(parseYuan('-3')).toBeNull();
    expect(parsePercent('5')).toBe(500);
    expect(parsePercent('2.5')).toBe(250);
    expect(parsePercent('1.25')).toBe(125);
    expect(parsePercent('101')).toBeNull();
    expect(parsePercent('abc')).toBeNull();
  });
});
