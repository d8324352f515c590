import type { SheetKind } from '../../api/schemas/ledger.ts';
import type { JobHandle } from '../jobs/job-registry.ts';
import { MAX_ROWS, tooManyRows } from '../sheets/caps.ts';
import type { Collector, UnitAgg } from './collector.ts';
import { readEquipmentRow } from './equipment-row.ts';
import { detectLayout, HEADER_SEARCH_ROWS, type Lookup } from './headers.ts';
import { readManagerRow } from './manager-row.ts';
import type { SpreadsheetFile as LedgerFile } from '../sheets/reader.ts';
import type { RawRow } from '../sheets/types.ts';
import { RowContext, type RowDeps, type SheetRef } from './row-context.ts';
import type { ColumnInfo, EquipmentRecord, SheetLayout } from './types.ts';

// Phase 1 of preview (读取文件): streams every sheet once, finds its header,
// validates each data row and hands it to the collector, and an equipment row the
// collector takes on to the planner. Nothing is kept of an equipment row but what
// the plan needs (its staged insert or update, and the fingerprint duplicates are
// compared by).

export interface ScannedSheet {
  index: number;
  name: string;
  kind: SheetKind | null;
  headerRow: number | null;
  dataRows: number;
  columns: ColumnInfo[];
  missingRequired: SheetLayout['missingRequired'];
}

export interface ScanOptions {
  lookup: Lookup;
  requireDistrict: boolean;
  deps: RowDeps;
  /** an equipment row the collector took, with its unit: planned at once (planner.ts) */
  plan(record: EquipmentRecord, unit: UnitAgg): void;
  /** filled with each sheet's columns as its header is found, before its rows are planned */
  columns: Map<number, readonly ColumnInfo[]>;
}

const PROGRESS_EVERY = 1000;

function isBlank(row: RawRow, layout: SheetLayout): boolean {
  const { cells } = row;
  for (let c = 0; c < cells.length; c++) {
    const cell = cells[c];
    if (cell === null || layout.columns[c]?.ignored === true || (typeof cell === 'string' && cell.trim() === '')) continue;
    return false;
  }
  return true;
}

export async function scanLedger(file: LedgerFile, options: ScanOptions, collector: Collector, job: JobHandle): Promise<{ sheets: ScannedSheet[]; rowsRead: number }> {
  const sheets: ScannedSheet[] = [];
  let rowsRead = 0;
  job.phase('读取文件', file.size);

  for await (const sheet of file.sheets) {
    const scanned: ScannedSheet = { index: sheets.length, name: sheet.name, kind: null, headerRow: null, dataRows: 0, columns: [], missingRequired: [] };
    sheets.push(scanned);
    let ref: SheetRef | null = null;
    let buffer: RawRow[] | null = [];

    const handle = (row: RawRow) => {
      if (ref === null) {
        scanned.dataRows++; // a sheet we do not import: its rows are only counted
        return;
      }
      if (isBlank(row, ref.layout)) return;
      scanned.dataRows++;
      if (++rowsRead > MAX_ROWS) throw tooManyRows(sheet.name);
      if (ref.layout.missingRequired.length > 0) return; // waits for the user's column mapping
      const context = new RowContext(ref, row, options.deps);
      if (ref.layout.kind === 'equipment') {
        const outcome = readEquipmentRow(context);
        if (outcome.kind === 'record') {
          const unit = collector.addEquipment(outcome.record, outcome.warnings, context);
          if (unit) options.plan(outcome.record, unit);
        } else if (outcome.kind === 'skipped') collector.warnings.push(outcome.warning);
        else collector.reject(outcome.errors);
      } else {
        const outcome = readManagerRow(context);
        if (outcome.kind === 'record') collector.addManager(outcome.record, outcome.warnings, context);
        else collector.reject(outcome.errors);
      }
    };

    const settle = (rows: RawRow[]) => {
      const detected = detectLayout(rows, options.lookup, options.requireDistrict);
      if (!detected?.layout) {
        // not a ledger sheet (instructions, a chart's data) or columns that fit both kinds: counted, not imported
        scanned.headerRow = detected?.headerRow ?? null;
        scanned.dataRows = rows.length;
        return;
      }
      const { layout } = detected;
      Object.assign(scanned, { kind: layout.kind, headerRow: layout.headerRow, columns: layout.columns, missingRequired: layout.missingRequired });
      options.columns.set(scanned.index, layout.columns);
      const extraKeys = layout.columns.filter((c) => c.field === null && !c.ignored && c.header.trim()).map((c) => c.header.trim());
      ref = { index: scanned.index, name: sheet.name, layout, extraKeys };
      if (layout.kind === 'equipment' && layout.fieldIndex.status === undefined && layout.missingRequired.length === 0) {
        collector.warnings.push({
          sheetIndex: scanned.index,
          sheet: sheet.name,
          row: layout.headerRow,
          columnIndex: null,
          column: '',
          value: '',
          code: 'STATUS_COLUMN_MISSING',
          message: '表中没有“设备状态”列：新增的设备均按“在用”导入，已有设备的状态不变',
        });
      }
      for (const row of rows.slice(detected.lastHeaderIndex + 1)) handle(row);
    };

    let seen = 0;
    let nextProgress = PROGRESS_EVERY;
    for await (const batch of sheet.batches) {
      for (const row of batch) {
        if (buffer) {
          buffer.push(row);
          if (buffer.length >= HEADER_SEARCH_ROWS) {
            settle(buffer);
            buffer = null;
          }
        } else handle(row);
      }
      seen += batch.length;
      if (seen >= nextProgress) {
        nextProgress = seen + PROGRESS_EVERY;
        job.advance(Math.min(file.bytesRead(), file.size));
        job.checkpoint();
      }
    }
    if (buffer) settle(buffer);
    job.checkpoint();
  }
  job.advance(file.size);
  job.checkpoint();
  return { sheets, rowsRead };
}
