// One sheet as both writers see it: title lines, header, and the data rows (model rows
// with the defect rows interleaved), plus the expected report entries with their row numbers.
import { columnIndex, equipmentRow, Formatter, headersOf, managerRow, type Cell, type SheetKind } from './columns.ts';
import { planDefects, severityOf, type DefectReport, type ExpectedIssue } from './defects.ts';
import type { SampleModel } from './model.ts';
import { Rng } from './prng.ts';

export interface SheetWriteOptions {
  /** spaced / full-width / bracketed header texts instead of the exact ones */
  headerVariants?: boolean;
  /** title rows above the header (merged title, 导出时间 line); default 2 */
  titleRows?: 0 | 1 | 2;
  /** inject the fixed defect rows (defects.ts) */
  defects?: boolean;
}

export interface SheetPlan {
  kind: SheetKind;
  name: string;
  titles: string[];
  headers: string[];
  /** Excel row number of the header row */
  headerRow: number;
  /** rows after the header: model rows + defect rows */
  dataRows: number;
  rows(): Generator<Cell[]>;
  expected: ExpectedIssue[];
  /** rows an import should take from this sheet: model rows + defect rows that only warn */
  imports: number;
}

export function sheetTitles(model: SampleModel, kind: SheetKind, count: 0 | 1 | 2): string[] {
  const what = kind === 'equipment' ? '特种设备台账' : '特种设备安全管理人员名单';
  return [`张家港市${model.districtName}分局${what}（2020年专项整治）`, `导出时间：${model.asOf} 09:30:00`].slice(0, count);
}

export function planSheet(model: SampleModel, kind: SheetKind, name: string, target: 'xlsx' | 'csv', options: SheetWriteOptions): SheetPlan {
  const titles = sheetTitles(model, kind, options.titleRows ?? 2);
  const headers = headersOf(kind, options.headerVariants ?? false);
  const headerRow = titles.length + 1;
  const items: readonly unknown[] = kind === 'equipment' ? model.equipment : model.managers;
  const placements = options.defects ? planDefects(model, kind) : [];
  const sources = new Set(placements.flatMap((p) => (p.source === undefined ? [] : [p.source])));

  // Row numbers are known before writing: defect k sits after `position` model rows and k earlier defects.
  const expected: ExpectedIssue[] = [];
  const rowOf = placements.map((p, k) => headerRow + 1 + p.position + k);

  function* rows(): Generator<Cell[]> {
    // Same seed, same options → the same cells; xlsx and CSV differ only where the format does.
    const rng = new Rng((model.seed * 31 + (kind === 'equipment' ? 1 : 2)) >>> 0);
    const messy = new Formatter(rng, target);
    const plain = new Formatter(rng, target, false);
    const written = new Map<number, Cell[]>();
    let next = 0;
    for (let i = 0; i <= items.length; i++) {
      while (next < placements.length && placements[next]!.position === i) {
        const p = placements[next]!;
        yield p.build(plain, p.source === undefined ? undefined : written.get(p.source));
        next++;
      }
      if (i === items.length) break;
      const cells = kind === 'equipment' ? equipmentRow(messy, model, model.equipment[i]!) : managerRow(messy, model, model.managers[i]!);
      if (sources.has(i)) written.set(i, cells);
      yield cells;
    }
  }

  // Expected values come from the same builds. The plain formatter draws no random numbers,
  // and the copied source cells keep the code as generated, so plain sources give the same text.
  const plain = new Formatter(new Rng(0), target, false);
  const rowCells = (i: number) => (kind === 'equipment' ? equipmentRow(plain, model, model.equipment[i]!) : managerRow(plain, model, model.managers[i]!));
  placements.forEach((p, k) => {
    const cells = p.build(plain, p.source === undefined ? undefined : rowCells(p.source));
    const col = p.column === null ? -1 : columnIndex(kind, p.column);
    expected.push({
      sheet: name,
      row: rowOf[k]!,
      column: col < 0 ? '' : headers[col]!,
      code: p.code,
      severity: severityOf(p.code),
      value: col < 0 ? '' : cellText(cells[col] ?? null),
    });
  });
  if (options.defects && kind === 'managers') {
    // not a defect, but the importer warns about the model's legacy A1 certificate: part of the exact report
    const i = model.managers.findIndex((m) => m.itemCode === 'A1');
    if (i >= 0) {
      const col = columnIndex('managers', 'itemCode');
      const row = headerRow + 1 + i + placements.filter((p) => p.position <= i).length;
      expected.push({ sheet: name, row, column: headers[col]!, code: 'ITEM_LEGACY', severity: severityOf('ITEM_LEGACY'), value: 'A1' });
      expected.sort((a, b) => a.row - b.row);
    }
  }
  const imports = items.length + placements.filter((p) => severityOf(p.code) === 'warning').length;
  return { kind, name, titles, headers, headerRow, dataRows: items.length + placements.length, rows, expected, imports };
}

/** A cell as text, the way the report quotes it. */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell);
}

/** Splits expected entries the way the import report does. */
export function defectReport(plans: readonly SheetPlan[]): DefectReport {
  const all = plans.flatMap((p) => p.expected);
  const imported: DefectReport['imported'] = {};
  for (const plan of plans) imported[plan.kind] = plan.imports;
  return {
    errors: all.filter((e) => e.severity === 'error'),
    warnings: all.filter((e) => e.severity === 'warning'),
    folded: all.filter((e) => e.severity === 'folded'),
    imported,
  };
}
