import { describe, expect, it } from 'vitest';
import { comparePinyin, computeSortKey, nameInitials, nameSortKey, RECENT_SORT_KEYS } from './pinyin.ts';

describe('nameInitials', () => {
  it('gives the pinyin initials of Chinese names', () => {
    expect(nameInitials('张三')).toBe('zs');
    expect(nameInitials('张家港市塘桥机械有限公司')).toBe('zjgstqjxyxgs');
  });

  it('keeps letters and digits and drops punctuation', () => {
    expect(nameInitials('江苏ABC（张家港）1号厂')).toBe('jsabczjg1hc');
  });
});

describe('nameSortKey', () => {
  const sorted = (names: string[], kind: 'unit' | 'person' = 'unit') => [...names].sort((a, b) => comparePinyin(a, b, kind));

  it('orders Chinese names by pinyin and tone, syllable by syllable, not by code point', () => {
    // code point order would be 先 西 长 重 阿 白 (U+5148 < U+897F …)
    expect(sorted(['先锋', '西安', '长江润发', '重庆啤酒', '阿里', '白云'])).toEqual(['阿里', '白云', '长江润发', '重庆啤酒', '西安', '先锋']);
  });

  it('keeps names that start with the same character together, the shorter first', () => {
    expect(sorted(['张三', '章丘', '张家港', '张'])).toEqual(['张', '张家港', '张三', '章丘']);
  });

  it('puts digits and Latin letters before Chinese, full-width as half-width', () => {
    expect(sorted(['阿里', 'ＡＢＢ（中国）', '3M公司'])).toEqual(['3M公司', 'ＡＢＢ（中国）', '阿里']);
  });

  it('reads a person’s surname as a surname', () => {
    // 曾 as a surname is zeng (after 陈 chen); elsewhere ceng (before it)
    expect(sorted(['张三', '曾小明', '陈明'], 'person')).toEqual(['陈明', '曾小明', '张三']);
    expect(sorted(['张三', '曾小明', '陈明'], 'unit')).toEqual(['曾小明', '陈明', '张三']);
    expect(nameSortKey('单田芳', 'person').startsWith('~shan4')).toBe(true);
  });

  it('gives a remembered key exactly as computed, per kind, also once older names were pushed out', () => {
    const names = ['曾小明', '单田芳', '长江润发', 'ＡＢＢ（中国）', '3M公司', ''];
    for (const name of names) {
      // the unit reading first, then the person reading of the same name: remembered apart
      expect(nameSortKey(name, 'unit')).toBe(computeSortKey(name, 'unit'));
      expect(nameSortKey(name, 'person')).toBe(computeSortKey(name, 'person'));
      expect(nameSortKey(name, 'unit')).toBe(computeSortKey(name, 'unit'));
    }
    expect(nameSortKey('曾小明', 'person')).not.toBe(nameSortKey('曾小明', 'unit'));
    for (let i = 0; i <= RECENT_SORT_KEYS; i++) nameSortKey(`n${i}`, 'person');
    for (const name of names) expect(nameSortKey(name, 'person')).toBe(computeSortKey(name, 'person'));
    expect(nameSortKey('n7', 'person')).toBe(computeSortKey('n7', 'person'));
  });
});
