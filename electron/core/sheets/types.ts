// What the spreadsheet readers hand on: sheets of rows of cells, as the file holds
// them, not yet interpreted.

/** A cell whose value cannot be used: a formula saved without its result, or an error value (#N/A). */
export interface CellProblem {
  problem: 'formula' | 'error';
  text: string;
}

/** One cell as the readers hand it on: what the file holds, not yet interpreted. */
export type Cell = string | number | boolean | Date | CellProblem | null;

export interface RawRow {
  /** the Excel row number (1-based), as the user sees it */
  number: number;
  /** 0-based by column */
  cells: Cell[];
}

export interface RawSheet {
  name: string;
  /** rows in batches (one per chunk of the file): one await per batch, not per row */
  batches: AsyncIterable<RawRow[]>;
}
