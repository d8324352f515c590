import { AppError } from '../../api/errors.ts';
import type { LedgerField, SheetKind } from '../../api/schemas/ledger.ts';
import type { NodeIdentity } from '../../api/schemas/node.ts';
import type { CoreContext } from '../context.ts';
import { DistrictResolver } from '../ledger/districts.ts';
import { readEquipmentRow } from '../ledger/equipment-row.ts';
import { columnLetter } from '../ledger/headers.ts';
import { readManagerRow } from '../ledger/manager-row.ts';
import { RowContext, rowDeps } from '../ledger/row-context.ts';
import type { ColumnInfo, EquipmentRecord, Issue, ManagerRecord, SheetLayout } from '../ledger/types.ts';

// A form's fields checked as one row of a ledger: the importer's row readers run
// on a one-row sheet whose columns are the fields, so a form accepts exactly what
// the import accepts (lengths, catalogue, keys, ID numbers, dates), with the same
// messages. An error names the form field it is about.

export type FormCells = Partial<Record<LedgerField, string | null>>;

function formRow(kind: SheetKind, cells: FormCells, deps: ReturnType<typeof rowDeps>): RowContext {
  const fields = Object.keys(cells) as LedgerField[];
  const columns: ColumnInfo[] = fields.map((field, index) => ({ index, header: field, letter: columnLetter(index), field, ignored: false }));
  const layout: SheetLayout = { kind, headerRow: 1, columns, fieldIndex: Object.fromEntries(fields.map((f, i) => [f, i])), missingRequired: [] };
  return new RowContext({ index: 0, name: '表单', layout, extraKeys: [] }, { number: 2, cells: fields.map((f) => cells[f] ?? null) }, deps);
}

export interface FormWarning {
  field: string;
  code: string;
  message: string;
}

/** Form field of a ledger field: the three category columns are one field, the unit is chosen by id. */
function formField(issue: Issue, rename: Record<string, string>): string {
  return rename[issue.column] ?? issue.column;
}

/** The import's words for what a form does: it saves what was typed, it does not import a file. */
const inFormTerms = (message: string) => message.replace(/导入/g, '保存').replace(/原文件/g, '录入的内容');

// warnings about the unit (a legacy credit code) belong to the unit's own form
const UNIT_WARNINGS = new Set(['USCC_LEGACY']);

function settle<R>(outcome: { kind: string; errors?: Issue[]; warnings?: Issue[]; record?: R }, rename: Record<string, string>): { record: R; warnings: FormWarning[] } {
  if (outcome.kind !== 'record' || !outcome.record) {
    const first = outcome.errors?.[0];
    throw new AppError('VALIDATION', first?.message ?? '内容有误，请检查后重新保存', first ? { field: formField(first, rename) } : undefined);
  }
  const warnings = (outcome.warnings ?? [])
    .filter((w) => !UNIT_WARNINGS.has(w.code))
    .map((w) => ({ field: formField(w, rename), code: w.code, message: inFormTerms(w.message) }));
  return { record: outcome.record, warnings };
}

const equipmentRename = { kind: 'category', category: 'category', variety: 'category', unitName: 'unitId', uscc: 'unitId', districtName: 'unitId' };
const managerRename = { personName: 'name', unitName: 'unitId', uscc: 'unitId' };

export function checkEquipmentForm(ctx: CoreContext, identity: NodeIdentity, cells: FormCells): { record: EquipmentRecord; warnings: FormWarning[] } {
  const deps = rowDeps(new DistrictResolver(ctx, identity), ctx.now());
  return settle(readEquipmentRow(formRow('equipment', cells, deps)), equipmentRename);
}

export function checkManagerForm(ctx: CoreContext, identity: NodeIdentity, cells: FormCells): { record: ManagerRecord; warnings: FormWarning[] } {
  const deps = rowDeps(new DistrictResolver(ctx, identity), ctx.now());
  return settle(readManagerRow(formRow('managers', cells, deps)), managerRename);
}
