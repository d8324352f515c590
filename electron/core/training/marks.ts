import { toHalfWidth } from '../text.ts';

// Keys (答案) as question banks write them and marks (作答) as people and scanners
// write them, normalised to one spelling: 'T' / 'F' for 判断, sorted upper-case
// letters for 单选 / 多选 ('ACD'). Pure functions: the bank import, the grader and
// the regrade all go through here, so a key and a mark are compared in one form.

export type QuestionType = 'judge' | 'single' | 'multi';

export const OPTION_LETTERS = 'ABCDEF';

const TRUE_WORDS = new Set(['对', '√', '✓', '✔', '正确', 'T', 'TRUE', '是', 'Y', '☑']);
const FALSE_WORDS = new Set(['错', '×', '✗', '✘', '错误', 'F', 'FALSE', '否', 'N', 'X', '╳', '☒']);

/** Separators written between letters: spaces, commas (half and full width), 、 ; / and the like. */
const SEPARATORS = /[\s,，、;；/|.。·]+/g;

function clean(raw: string): string {
  return toHalfWidth(raw).replace(/\u00a0/g, ' ').trim().toUpperCase();
}

/** 对/错, √/×, 正确/错误, T/F (any case or width) → 'T' / 'F'; anything else → null. */
export function normaliseJudge(raw: string): 'T' | 'F' | null {
  const text = clean(raw).replace(SEPARATORS, '');
  if (TRUE_WORDS.has(text)) return 'T';
  if (FALSE_WORDS.has(text)) return 'F';
  return null;
}

/**
 * Letters with or without separators ('ACD', 'A,C,D', 'a、c、d', 'Ａ，Ｃ') → 'ACD',
 * sorted and without repeats; null when anything but letters A…(optionCount) is left.
 */
export function normaliseLetters(raw: string, optionCount = OPTION_LETTERS.length): string | null {
  const text = clean(raw).replace(SEPARATORS, '');
  if (!text) return null;
  const allowed = OPTION_LETTERS.slice(0, Math.max(1, Math.min(optionCount, OPTION_LETTERS.length)));
  const letters = new Set<string>();
  for (const ch of text) {
    if (!allowed.includes(ch)) return null;
    letters.add(ch);
  }
  return [...letters].sort().join('');
}

export type KeyResult = { ok: true; key: string } | { ok: false; message: string };

/** A bank's key for a question of this type, or why it cannot be read. */
export function normaliseKey(type: QuestionType, raw: string, optionCount: number): KeyResult {
  if (!raw.trim()) return { ok: false, message: '缺少答案' };
  if (type === 'judge') {
    const key = normaliseJudge(raw);
    return key ? { ok: true, key } : { ok: false, message: `判断题答案“${raw}”无法识别，应为 对/错、√/×、正确/错误 或 T/F` };
  }
  const key = normaliseLetters(raw, optionCount);
  if (!key) return { ok: false, message: `答案“${raw}”不是选项 ${OPTION_LETTERS.slice(0, optionCount).split('').join('、')} 中的字母` };
  if (type === 'single' && key.length !== 1) return { ok: false, message: `单选题答案“${raw}”应只有一个字母` };
  if (type === 'multi' && key.length < 2) return { ok: false, message: `多选题答案“${raw}”应至少有两个字母` };
  return { ok: true, key };
}

/** A candidate's mark: blank (not answered), a valid normalised answer, or invalid (scores 0, reported as a warning). */
export type Mark = { kind: 'blank' } | { kind: 'valid'; value: string } | { kind: 'invalid'; raw: string };

// Grading 10,000 sheets × 100 questions normalises a million marks drawn from a few
// dozen spellings: a bounded memo of this pure function per question type and option
// count saves most of that work (looked up by the mark as written: no key to build).
const memos = new Map<string, Map<string, Mark>>();
const MEMO_LIMIT = 50_000;

/** The normaliser of marks for questions of one type and option count, memoised. */
export function markReader(type: QuestionType, optionCount: number): (raw: string | null | undefined) => Mark {
  const id = `${type}${optionCount}`;
  let memo = memos.get(id);
  if (!memo) memos.set(id, (memo = new Map()));
  const known = memo;
  return (raw) => {
    const text = raw == null ? '' : String(raw);
    let mark = known.get(text);
    if (mark === undefined) {
      mark = normaliseMarkUncached(type, text, optionCount);
      if (known.size >= MEMO_LIMIT) known.clear();
      known.set(text, mark);
    }
    return mark;
  };
}

export function normaliseMark(type: QuestionType, raw: string | null | undefined, optionCount: number): Mark {
  return markReader(type, optionCount)(raw);
}

function normaliseMarkUncached(type: QuestionType, text: string, optionCount: number): Mark {
  if (!clean(text).replace(SEPARATORS, '')) return { kind: 'blank' };
  if (type === 'judge') {
    const value = normaliseJudge(text);
    return value ? { kind: 'valid', value } : { kind: 'invalid', raw: text };
  }
  const value = normaliseLetters(text, optionCount);
  if (!value || (type === 'single' && value.length !== 1)) return { kind: 'invalid', raw: text };
  return { kind: 'valid', value };
}
