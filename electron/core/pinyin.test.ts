import { describe, expect, it } from 'vitest';
import { generateDistrict } from '../../scripts/sample-data/generate.ts';
import { comparePinyin, computeSortKey, forgetRecentSortKeys, nameInitials, nameSortKey, RECENT_SORT_KEYS, sortKeyOfAll, unitNameKeys } from './pinyin.ts';

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

// computeSortKey and unitNameKeys read a name from pinyin-pro's plain array and line its pieces
// up with the name (readName); the reference is pinyin-pro's full reading ('all') and the
// initials' own call. They must agree on every character pinyin-pro knows and on any other text.
describe('sort keys and initials from the plain reading', () => {
  const samples: string[] = [
    '张家港市塘桥机械有限公司', '曾国藩', '单田芳', '长江重庆', '一不做二不休', '说一说', '看不看', '了解', '〇号楼', '人々',
    'ABC（中国）有限公司', 'abc', 'a1啊', '啊a1', '3M中国', 'Ｈ＆Ｍ服饰', '张三 ', ' 李四', '王 五', '欧阳娜娜', '嗯', '呣', '欸',
    '𠀀𠀁公司', '𩾃鱼', '\uD800孤立', '孤立\uDC00', 'x\u0304', '—', '', ' ', '1号2号', 'Ⅱ期工程', '①', 'é', 'ü', 'ñ公司',
  ];
  // every character from U+0000 to U+33FF (the Latin, symbols and kana where no pinyin is), then one in seven of the Han blocks, alone and between other text
  for (let c = 0x20; c < 0x3400; c++) samples.push(String.fromCharCode(c));
  for (let c = 0x3400; c < 0xa000; c += 7) samples.push(String.fromCharCode(c), `a${String.fromCharCode(c)}1`, `${String.fromCharCode(c)}${String.fromCharCode(c + 1)}公司`);
  for (let c = 0x20000; c < 0x2a6df; c += 997) samples.push(`${String.fromCodePoint(c)}厂`);
  // and the names of a generated district, as a ledger brings them
  const district = generateDistrict({ seed: 11, units: 800 });
  samples.push(...district.units.map((u) => u.name), ...district.managers.map((m) => m.name));

  it('gives the key of the full reading, for units and people', () => {
    for (const name of samples) {
      expect(computeSortKey(name, 'unit')).toBe(sortKeyOfAll(name, 'unit'));
      expect(computeSortKey(name, 'person')).toBe(sortKeyOfAll(name, 'person'));
    }
  });

  it('gives a unit the key and the initials their own calls give', () => {
    forgetRecentSortKeys();
    for (const name of samples) {
      const keys = unitNameKeys(name);
      expect(keys.sortKey).toBe(sortKeyOfAll(name, 'unit'));
      expect(keys.initials).toBe(nameInitials(name));
      expect(nameSortKey(name, 'unit')).toBe(keys.sortKey);
    }
  });
});
