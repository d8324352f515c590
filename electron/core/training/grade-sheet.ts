import type { QuestionRow } from './banks-read.ts';
import { markReader, type Mark } from './marks.ts';
import { round2, scoreAnswer, type MultiRule } from './scoring.ts';

// One candidate's sheet against the paper: pure, so grading, regrading and the
// benchmark share it. What exam_results.marks stores: the normalised marks, the
// invalid ones as written, and what each position scored.

export interface StoredMarks {
  /** position → normalised mark ('' when blank) */
  marks: string[];
  /** position (1-based) → the mark as written, for marks that are not a valid option */
  invalid: Record<string, string>;
  /** points per position */
  scores: number[];
}

export interface GradedSheet extends StoredMarks {
  objective: number;
}

export function gradeSheet(questions: readonly QuestionRow[], rawMarks: readonly string[], rule: MultiRule): GradedSheet {
  const marks: string[] = new Array(questions.length);
  const scores: number[] = new Array(questions.length);
  const invalid: Record<string, string> = {};
  let objective = 0;
  const readers = readersOf(questions);
  for (let i = 0; i < questions.length; i++) {
    const q = questions[i]!;
    const mark = readers[i]!(rawMarks[i]);
    let value = '';
    if (mark.kind === 'valid') value = mark.value;
    else if (mark.kind === 'invalid') invalid[String(i + 1)] = mark.raw;
    marks[i] = value;
    const score = scoreAnswer(q.type, q.answer, value || null, q.points, rule);
    scores[i] = score;
    objective += score;
  }
  return { marks, invalid, scores, objective: round2(objective) };
}

/** Regrading after a key correction: the stored normalised marks against the corrected keys. */
export function regradeMarks(questions: readonly QuestionRow[], stored: StoredMarks, rule: MultiRule): GradedSheet {
  const scores = questions.map((q, i) => scoreAnswer(q.type, q.answer, stored.marks[i] || null, q.points, rule));
  return { marks: stored.marks, invalid: stored.invalid, scores, objective: round2(scores.reduce((n, s) => n + s, 0)) };
}

/** Each question's mark normaliser, found once per paper rather than once per sheet. */
const paperReaders = new WeakMap<readonly QuestionRow[], ((raw: string | null | undefined) => Mark)[]>();
function readersOf(questions: readonly QuestionRow[]): ((raw: string | null | undefined) => Mark)[] {
  let readers = paperReaders.get(questions);
  if (!readers) {
    readers = questions.map((q) => markReader(q.type, q.type === 'judge' ? 0 : Math.max(2, (JSON.parse(q.options) as string[]).length)));
    paperReaders.set(questions, readers);
  }
  return readers;
}

export function totalOf(objective: number, subjective: number | null): number {
  return round2(objective + (subjective ?? 0));
}
