import type { LedgerField } from '../../api/schemas/ledger.ts';
import { loadCatalogue, type Resolved } from '../catalogue/catalogue.ts';
import { checkUscc, type UsccCheck } from '../validation/uscc.ts';
import { brokenTextMessage, checkCellText, excessLength, fieldLimit, fieldName, invisibleMessage, shortened, tooLongMessage } from './cell-text.ts';
import type { DistrictResolver } from './districts.ts';
import { columnLetter } from './headers.ts';
import { ledgerOnlyLimits } from '../../api/schemas/field-limits.ts';
import { displayText, isProblem, own } from '../sheets/cells.ts';
import type { Cell, RawRow } from '../sheets/types.ts';
import type { Issue, SheetLayout } from './types.ts';
import { cleanText, lostDigits, lostDigitsMessage, parseDate } from './values.ts';

/** What row validation needs besides the row: made once per import. */
export interface RowDeps {
  /** the catalogue's resolve, remembered per text: a ledger repeats a few dozen category texts 100,000 times */
  category(text: string): Resolved | undefined;
  /**
   * One copy of each repeated text (unit names, addresses, makers, dates …) for all
   * rows: a 100,000-row plan then holds thousands of strings instead of millions.
   */
  intern(text: string | null): string | null;
  /**
   * intern(cleanText(cell, false)), remembered per raw text: a unit's name and address, the
   * category names, makers and models come back on row after row, cleaned once each.
   */
  sharedText(cell: Cell): string | null;
  /** checkUscc, remembered per text: a unit's credit code repeats on each of its equipment rows */
  uscc(text: string): UsccCheck;
  districts: DistrictResolver;
  today: Date;
}

export function rowDeps(districts: DistrictResolver, today: Date): RowDeps {
  const catalogue = loadCatalogue();
  const cache = new Map<string, Resolved | undefined>();
  const category = (text: string) => {
    let resolved = cache.get(text);
    // one look-up for a text the catalogue knows (undefined is also what an unknown text is remembered as)
    if (resolved === undefined && !cache.has(text)) {
      resolved = catalogue.resolve(text);
      cache.set(text, resolved);
    }
    return resolved;
  };
  const strings = new Map<string, string>();
  const intern = (text: string | null) => {
    if (text === null) return null;
    let kept = strings.get(text);
    if (kept === undefined) {
      kept = own(text);
      strings.set(kept, kept);
    }
    return kept;
  };
  const cleaned = new Map<string, string | null>();
  const sharedText = (cell: Cell) => {
    if (typeof cell !== 'string') return intern(cleanText(cell, false));
    let text = cleaned.get(cell);
    if (text === undefined) {
      text = intern(cleanText(cell, false));
      // the key is a copy (own) unless the cleaned text is the same: a parser's slice would pin its chunk
      cleaned.set(text === cell ? text : own(cell), text);
    }
    return text;
  };
  const usccs = new Map<string, UsccCheck>();
  const uscc = (text: string) => {
    let checked = usccs.get(text);
    if (checked === undefined) {
      // kept, with what is made of it: a copy, not the reader's slice (cells.ts own)
      const kept = own(text);
      checked = checkUscc(kept);
      usccs.set(kept, checked);
    }
    return checked;
  };
  return { category, intern, sharedText, uscc, districts, today };
}

export interface SheetRef {
  index: number;
  name: string;
  layout: SheetLayout;
  /** headers of the columns kept as extra attributes */
  extraKeys: string[];
}

const problemMessages = {
  formula: (text: string) =>
    `单元格是公式“${text}”，但文件里没有保存它的计算结果（公式不会被执行）。请在 Excel 或 WPS 中打开文件、保存一次后再导入，或把公式改为数值`,
  error: (text: string) => `单元格是错误值“${text}”，请改为正确的内容`,
};

/**
 * One row under validation: reads cells by field and collects errors and warnings
 * with the cell they are about.
 */
export class RowContext {
  readonly errors: Issue[] = [];
  readonly warnings: Issue[] = [];
  /** raw texts of cells whose value could not be used: two rows are the same only if these agree too */
  dropped: string[] | null = null;
  /** columns whose text was refused (broken encoding, too long): reported once, read as unusable after */
  private refused: Set<number> | null = null;

  constructor(
    readonly sheet: SheetRef,
    readonly row: RawRow,
    readonly deps: RowDeps,
  ) {}

  has(field: LedgerField): boolean {
    return this.sheet.layout.fieldIndex[field] !== undefined;
  }

  cell(field: LedgerField): Cell | undefined {
    const index = this.sheet.layout.fieldIndex[field];
    return index === undefined ? undefined : (this.row.cells[index] ?? null);
  }

  private issue(columnIndex: number | null, code: string, message: string): Issue {
    const column = columnIndex === null ? undefined : this.sheet.layout.columns[columnIndex];
    return {
      sheetIndex: this.sheet.index,
      sheet: this.sheet.name,
      row: this.row.number,
      columnIndex,
      column: column?.header ?? '',
      value: columnIndex === null ? '' : shortened(displayText(this.row.cells[columnIndex])),
      code,
      message,
    };
  }

  error(field: LedgerField | null, code: string, message: string): void {
    this.errors.push(this.issue(field === null ? null : (this.sheet.layout.fieldIndex[field] ?? null), code, message));
  }

  warn(field: LedgerField | null, code: string, message: string): void {
    this.warnings.push(this.issue(field === null ? null : (this.sheet.layout.fieldIndex[field] ?? null), code, message));
  }

  warnAt(columnIndex: number, code: string, message: string): void {
    this.warnings.push(this.issue(columnIndex, code, message));
  }

  private errorAt(columnIndex: number, code: string, message: string): void {
    this.errors.push(this.issue(columnIndex, code, message));
  }

  /**
   * A text cell checked before it is read: a character lost to a broken encoding or a
   * text longer than the form allows is an error (the row is not imported); invisible
   * control characters are removed with a warning and the cleaned text is what the
   * row goes on with. False when the cell was refused.
   */
  private checkText(columnIndex: number, limit: number, field: LedgerField | null): boolean {
    if (this.refused?.has(columnIndex)) return false;
    const cell = this.row.cells[columnIndex];
    if (typeof cell !== 'string') return true;
    const checked = checkCellText(cell);
    if (checked.kind === 'broken') return this.refuse(columnIndex, 'TEXT_ENCODING', brokenTextMessage, cell);
    let text = cell;
    if (checked.kind === 'cleaned') {
      text = checked.text;
      // the row goes on with the cleaned text: every later read (and the extra attributes) sees it
      this.row.cells[columnIndex] = text === '' ? null : text;
      this.warnAt(columnIndex, 'INVISIBLE_CHARS', invisibleMessage(checked.removed, shortened(cleanText(text, false) ?? '')));
    }
    const length = excessLength(text, limit);
    if (length !== null) return this.refuse(columnIndex, 'TOO_LONG', tooLongMessage(field === null ? this.extraLabel(columnIndex) : fieldName(field), length, limit), text);
    return true;
  }

  private refuse(columnIndex: number, code: string, message: string, text: string): false {
    this.errorAt(columnIndex, code, message);
    (this.refused ??= new Set()).add(columnIndex);
    this.drop(shortened(text));
    return false;
  }

  /**
   * The cell of a field, or undefined after reporting it when it cannot be used:
   * a formula without its result, an error value, or a long number Excel cut short.
   * Required fields report an error (the row is not imported), optional ones a
   * warning (the row is imported without that value).
   */
  usable(field: LedgerField, required: boolean, digits = false): Cell | undefined {
    const index = this.sheet.layout.fieldIndex[field];
    if (index === undefined) return undefined;
    if (!this.checkText(index, fieldLimit[field], field)) return undefined;
    const cell = this.row.cells[index] ?? null;
    if (isProblem(cell)) {
      this.report(field, required, cell.problem === 'formula' ? 'FORMULA_NO_RESULT' : 'CELL_ERROR', problemMessages[cell.problem](cell.text));
      this.drop(cell.text);
      return undefined;
    }
    if (digits && lostDigits(cell)) {
      this.report(field, required, 'NUMBER_PRECISION', lostDigitsMessage);
      this.drop(displayText(cell));
      return undefined;
    }
    return cell;
  }

  private report(field: LedgerField, required: boolean, code: string, message: string): void {
    if (required) this.error(field, code, message);
    else this.warn(field, code, `${message}（该项将不导入，本行其余内容照常导入）`);
  }

  /** A repeated text (名称, 地点, 制造单位 …): shared between rows. */
  shared(cell: Cell): string | null {
    return this.deps.sharedText(cell);
  }

  drop(text: string | null): void {
    (this.dropped ??= []).push(text ?? '');
  }

  /** An extra column's name: its header, or without one its letter, as Excel shows it. */
  private extraLabel(c: number): string {
    return this.sheet.layout.columns[c]?.header.trim() || `列${columnLetter(c)}`;
  }

  /** Unknown columns as extra attributes (header → text), and empty cells under them skipped. */
  extras(): Record<string, string> | null {
    const { columns } = this.sheet.layout;
    let extra: Record<string, string> | null = null;
    for (let c = 0; c < this.row.cells.length; c++) {
      const column = columns[c];
      if (column && (column.field !== null || column.ignored)) continue;
      const cell = this.row.cells[c];
      if (cell === null || cell === undefined) continue;
      if (isProblem(cell)) {
        this.warnAt(c, cell.problem === 'formula' ? 'FORMULA_NO_RESULT' : 'CELL_ERROR', problemMessages[cell.problem](cell.text) + '（该项将不导入）');
        continue;
      }
      if (!this.checkText(c, ledgerOnlyLimits.extraValue, null)) continue;
      const text = this.deps.sharedText(this.row.cells[c]!);
      if (text === null) continue;
      extra ??= {};
      extra[this.extraLabel(c)] = text;
    }
    return extra;
  }

  /** Whether the field's column exists but its cell could not be used (already reported). */
  unusable(field: LedgerField, digits = false): boolean {
    const index = this.sheet.layout.fieldIndex[field];
    if (index !== undefined && this.refused?.has(index)) return true;
    const cell = this.cell(field);
    return cell !== undefined && (isProblem(cell) || (digits && lostDigits(cell)));
  }

  /** Text that must be there: an error names what to fill in when it is not. */
  requiredText(field: LedgerField, missing: string): string | null {
    const value = this.text(field, true);
    if (value === null && !this.unusable(field)) this.error(field, 'REQUIRED_MISSING', missing);
    return value;
  }

  /** Non-empty text of a field (half-width, trimmed), or null. */
  text(field: LedgerField, required = false): string | null {
    const cell = this.usable(field, required);
    return cell === undefined ? null : this.deps.sharedText(cell);
  }
}

/**
 * An optional date column: the normalised YYYY-MM-DD (null for a cleared cell, as parseDate
 * gives it), or undefined when the column is absent, unusable or unreadable. An unreadable date is dropped with a warning and the
 * row is still imported (equipment and manager sheets alike).
 */
export function readOptionalDate(row: RowContext, field: LedgerField): string | null | undefined {
  if (!row.has(field)) return undefined;
  const cell = row.usable(field, false);
  if (cell === undefined) return undefined;
  const parsed = parseDate(cell);
  if (parsed.ok) return parsed.value;
  row.warn(field, parsed.code, `${parsed.message}（该日期将不导入，本行其余内容照常导入）`);
  row.drop(cleanText(cell));
  return undefined;
}
