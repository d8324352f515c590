import { displayText } from '../sheets/cells.ts';
import type { Cell } from '../sheets/types.ts';
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

/** A sheet graded, with exam_results.marks as stored: exactly JSON.stringify of its StoredMarks. */
export interface GradedForStore {
  objective: number;
  invalid: Record<string, string>;
  stored: string;
}

/** What one question makes of one mark as written: both pure, so worth computing once per spelling. */
interface MarkOutcome {
  invalid: boolean;
  /**
   * The normalised mark and its points as JSON.stringify writes them, each after the comma
   * that separates it from the position before (none at the first): the stored text is then
   * one join of these pieces.
   */
  markPiece: string;
  scorePiece: string;
  score: number;
}

/** Spellings remembered per question; beyond this the table starts afresh (bounded memory whatever a file holds). */
const OUTCOME_LIMIT = 10_000;

/** The pieces of the stored text, reused from sheet to sheet: only the joined text is kept. */
let scratch: string[] = [];

/**
 * The same grading as gradeSheet, for the grader's hot path (10,000 sheets × 100 questions):
 * each question's outcome of a spelling is looked up, not normalised and scored again, and the
 * stored text is one join of those outcomes' pieces rather than JSON of three arrays and an object per sheet.
 * The marks are `rawMarks` by position, or with `columns` the cells of an answer-sheet row
 * (position i's mark in cell columns[i]), read where they are rather than copied out first.
 */
export function gradeSheetForStore(questions: readonly QuestionRow[], rawMarks: readonly Cell[], rule: MultiRule, columns?: readonly number[]): GradedForStore {
  const outcomes = outcomesOf(questions, rule);
  const count = questions.length;
  let invalid: Record<string, string> | undefined;
  let objective = 0;
  // {"marks":[ m1 ,m2 … ],"invalid":{…},"scores":[ s1 ,s2 … ]}: joined once (a string grown by 200 appends
  // is a chain of 200 pieces until flattened, and 10,000 of them are kept until the write)
  if (scratch.length !== 2 * count + 3) scratch = new Array<string>(2 * count + 3);
  const parts = scratch;
  parts[0] = '{"marks":[';
  for (let i = 0; i < count; i++) {
    const raw = columns === undefined ? rawMarks[i] : rawMarks[columns[i]!];
    const text = typeof raw === 'string' ? raw : displayText(raw);
    const table = outcomes[i]!;
    let outcome = table.get(text);
    if (outcome === undefined) {
      outcome = outcomeOf(questions[i]!, i, text, rule);
      if (table.size >= OUTCOME_LIMIT) table.clear();
      table.set(text, outcome);
    }
    if (outcome.invalid) (invalid ??= {})[String(i + 1)] = text;
    parts[i + 1] = outcome.markPiece;
    parts[count + 2 + i] = outcome.scorePiece;
    objective += outcome.score;
  }
  parts[count + 1] = invalid === undefined ? '],"invalid":{},"scores":[' : `],"invalid":${JSON.stringify(invalid)},"scores":[`;
  parts[2 * count + 2] = ']}';
  return { objective: round2(objective), invalid: invalid ?? {}, stored: parts.join('') };
}

function outcomeOf(q: QuestionRow, position: number, text: string, rule: MultiRule): MarkOutcome {
  const mark = markReader(q.type, optionCountOf(q))(text);
  const value = mark.kind === 'valid' ? mark.value : '';
  const score = scoreAnswer(q.type, q.answer, value || null, q.points, rule);
  const comma = position === 0 ? '' : ',';
  return { invalid: mark.kind === 'invalid', markPiece: comma + JSON.stringify(value), scorePiece: comma + JSON.stringify(score), score };
}

const paperOutcomes = new WeakMap<readonly QuestionRow[], Map<MultiRule, Map<string, MarkOutcome>[]>>();
function outcomesOf(questions: readonly QuestionRow[], rule: MultiRule): Map<string, MarkOutcome>[] {
  let byRule = paperOutcomes.get(questions);
  if (!byRule) paperOutcomes.set(questions, (byRule = new Map()));
  let tables = byRule.get(rule);
  if (!tables) byRule.set(rule, (tables = questions.map(() => new Map())));
  return tables;
}

/** Regrading after a key correction: the stored normalised marks against the corrected keys. */
export function regradeMarks(questions: readonly QuestionRow[], stored: StoredMarks, rule: MultiRule): GradedSheet {
  const scores = questions.map((q, i) => scoreAnswer(q.type, q.answer, stored.marks[i] || null, q.points, rule));
  return { marks: stored.marks, invalid: stored.invalid, scores, objective: round2(scores.reduce((n, s) => n + s, 0)) };
}

const optionCountOf = (q: QuestionRow) => (q.type === 'judge' ? 0 : Math.max(2, (JSON.parse(q.options) as string[]).length));

/** Each question's mark normaliser, found once per paper rather than once per sheet. */
const paperReaders = new WeakMap<readonly QuestionRow[], ((raw: string | null | undefined) => Mark)[]>();
function readersOf(questions: readonly QuestionRow[]): ((raw: string | null | undefined) => Mark)[] {
  let readers = paperReaders.get(questions);
  if (!readers) {
    readers = questions.map((q) => markReader(q.type, optionCountOf(q)));
    paperReaders.set(questions, readers);
  }
  return readers;
}

export function totalOf(objective: number, subjective: number | null): number {
  return round2(objective + (subjective ?? 0));
}
