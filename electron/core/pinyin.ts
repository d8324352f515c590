import { pinyin } from 'pinyin-pro';

/**
 * Lower-case pinyin initials of a Chinese name (张家港市塘桥机械 → zjgstqjx), letters
 * and digits kept as they are, so desk staff can find 张三 by typing "zs".
 */
export function nameInitials(name: string): string {
  return pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .replace(/[^0-9a-z]/gi, '')
    .toLowerCase();
}

// A Han syllable starts with this mark, which is above every ASCII letter and digit: digits
// and Latin letters sort before Chinese, as in Excel's 拼音排序 and the zh-CN collation.
const HAN = '~';
// Before the name itself, which breaks the last ties (ABB / abb): below every character of
// the key, so a name that is the start of another comes first.
const TIE = '\u0001';

/**
 * Keys computed lately, per kind. Computing one costs ~0.1 ms (pinyin-pro, with word
 * segmentation), and the same names come back soon: a ledger preview computes the key of
 * each new unit and manager, and apply's name_sort triggers (db/functions.ts) check the same
 * names again on the same connection; a sort in memory (comparePinyin) asks for each name
 * many times. Bounded: 20,000 names hold a few megabytes.
 */
export const RECENT_SORT_KEYS = 20_000;
const recentKeys = { unit: new Map<string, string>(), person: new Map<string, string>() };

/** Forgets the recent keys: a benchmark's baseline computes them as a first write would. */
export function forgetRecentSortKeys(): void {
  recentKeys.unit.clear();
  recentKeys.person.clear();
}

/**
 * The key a Chinese name sorts by (stored in name_sort, compared as plain text): each
 * character in turn by its pinyin and tone (西安 xi1·an1 before 先 xian1, as in a
 * dictionary), then by the character itself, so names starting with 张 stay together
 * before those starting with 章; digits and Latin letters before Chinese.
 * People's names read a leading surname as a surname (曾 zeng, 单 shan); unit names
 * read words in context (长江 chang, 重庆 chong). The neutral tone (0) sorts last, as 5.
 */
export function nameSortKey(name: string, kind: 'unit' | 'person' = 'unit'): string {
  const recent = recentKeys[kind];
  let key = recent.get(name);
  if (key === undefined) {
    key = computeSortKey(name, kind);
    // the oldest goes first (a Map keeps insertion order)
    if (recent.size >= RECENT_SORT_KEYS) recent.delete(recent.keys().next().value!);
    recent.set(name, key);
  }
  return key;
}

/** nameSortKey without the memory of recent keys. */
export function computeSortKey(name: string, kind: 'unit' | 'person'): string {
  const syllables = pinyin(name, { toneType: 'num', type: 'all', surname: kind === 'person' ? 'head' : 'off', nonZh: 'consecutive' });
  const key = syllables
    .map((s) => (s.isZh ? `${HAN}${s.pinyin.replace(/0$/, '5')}${s.origin}` : s.origin.normalize('NFKC').toLowerCase()))
    .join('');
  return `${key}${TIE}${name}`;
}

/** Compares two names the way name_sort orders them, for lists sorted in memory. */
export function comparePinyin(a: string, b: string, kind: 'unit' | 'person' = 'unit'): number {
  const ka = nameSortKey(a, kind);
  const kb = nameSortKey(b, kind);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Unit name, then person name, both by pinyin: the order of rosters and sign-in sheets. */
export function byUnitThenPerson<T extends { unitName: string | null; name: string }>(a: T, b: T): number {
  return comparePinyin(a.unitName ?? '', b.unitName ?? '') || comparePinyin(a.name, b.name, 'person');
}
