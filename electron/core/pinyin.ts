import { pinyin } from 'pinyin-pro';

/**
 * Lower-case pinyin initials of a Chinese name (张家港市塘桥机械 → zjgstqjx), letters
 * and digits kept as they are, so desk staff can find 张三 by typing "zs".
 */
export function nameInitials(name: string): string {
  return initialsOf(pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' }).join(''));
}

/** Only the letters and digits of a name's first letters, in lower case: what the search matches. */
const initialsOf = (letters: string) => letters.replace(/[^0-9a-z]/gi, '').toLowerCase();

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
  return remembered(kind, name, () => computeSortKey(name, kind));
}

/** The recent key of `name`, else `compute`'s, remembered. */
function remembered(kind: 'unit' | 'person', name: string, compute: () => string): string {
  const recent = recentKeys[kind];
  let key = recent.get(name);
  if (key === undefined) {
    key = compute();
    // the oldest goes first (a Map keeps insertion order)
    if (recent.size >= RECENT_SORT_KEYS) recent.delete(recent.keys().next().value!);
    recent.set(name, key);
  }
  return key;
}

/** nameSortKey without the memory of recent keys. */
export function computeSortKey(name: string, kind: 'unit' | 'person'): string {
  const read = readName(name, kind === 'person' ? 'head' : 'off');
  return read ? sortKeyOf(name, read) : sortKeyOfAll(name, kind);
}

/**
 * The sort key and the initials of a unit's name, from one reading of it (both read the name
 * without a surname): what a new unit is written with. The same as nameSortKey(name, 'unit')
 * and nameInitials(name), at half the cost of both.
 */
export function unitNameKeys(name: string): { sortKey: string; initials: string } {
  const read = readName(name, 'off');
  if (!read) return { sortKey: nameSortKey(name, 'unit'), initials: nameInitials(name) };
  const sortKey = remembered('unit', name, () => sortKeyOf(name, read));
  let initials = '';
  for (const s of read) {
    if (!s.zh) initials += s.text;
    // the first letter of each syllable, as pinyin-pro's pattern 'first' gives it (a tone-numbered syllable starts with its toneless letter)
    else for (const syllable of s.text.split(' ')) initials += syllable.charAt(0);
  }
  return { sortKey, initials: initialsOf(initials) };
}

/** One piece of a name as pinyin-pro reads it: a character it knows (its tone-numbered pinyin) or a run of other text (as it is). */
interface NamePiece {
  zh: boolean;
  /** zh: the pinyin with its tone number (zhang1); otherwise the text itself */
  text: string;
  origin: string;
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * The name's pieces from pinyin-pro's plain array (type 'array'), which costs a third of its
 * 'all' form (that one works out every syllable's other readings, initial and final, which the
 * key does not use). The array gives, in order, the pinyin of each character the dictionary
 * knows and each run of other text as it is: a run is the text found at that point of the
 * name; a known character (〇 U+3007 and above, never a Latin letter) never starts its own
 * pinyin. null when the pieces do not add up to the name: the caller reads it the slow way.
 */
function readName(name: string, surname: 'head' | 'off'): NamePiece[] | null {
  const list = pinyin(name, { toneType: 'num', type: 'array', surname, nonZh: 'consecutive' });
  const pieces: NamePiece[] = [];
  let at = 0;
  for (const item of list) {
    if (item !== '' && name.startsWith(item, at)) {
      pieces.push({ zh: false, text: item, origin: item });
      at += item.length;
      continue;
    }
    // one character, as pinyin-pro splits the name: a surrogate pair is one
    const width = isHighSurrogate(name.charCodeAt(at)) && isLowSurrogate(name.charCodeAt(at + 1)) ? 2 : 1;
    pieces.push({ zh: true, text: item, origin: name.slice(at, at + width) });
    at += width;
  }
  return at === name.length ? pieces : null;
}

function sortKeyOf(name: string, pieces: NamePiece[]): string {
  let key = '';
  for (const s of pieces) key += s.zh ? `${HAN}${s.text.replace(/0$/, '5')}${s.origin}` : s.origin.normalize('NFKC').toLowerCase();
  return `${key}${TIE}${name}`;
}

/** The key from pinyin-pro's full reading of each character: the reference readName must agree with (pinyin.test.ts). */
export function sortKeyOfAll(name: string, kind: 'unit' | 'person'): string {
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
