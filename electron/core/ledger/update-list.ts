import type { LedgerChange, LedgerUpdate } from '../../api/schemas/ledger.ts';
import { maskIdNumber, maskPhone } from '../privacy/mask.ts';
import { fieldName } from './cell-text.ts';
import type { PlanTable } from './staging.ts';
import type { ColumnInfo, Issue, RowRef } from './types.ts';
import type { HeldUpdate, UpdateOp } from './update-op.ts';

// Every update the import would make, field by field, for the preview: nothing is
// changed that the user was not shown. A change to a field that identifies the
// record (a registration number, a unit's name …) may mean the row is another
// piece of equipment altogether: such an update is held back until the user
// accepts it (per row or all).

export type Entity = LedgerUpdate['entity'];
export const entityOf: Record<PlanTable, Entity> = { units: 'unit', equipment: 'equipment', safety_managers: 'manager' };

/** Stored value keys shown under another name: the ledger field they come from. */
const shownAs: Record<PlanTable, Record<string, string>> = {
  units: { name: 'unitName', address: 'unitAddress' },
  equipment: { kindCode: 'kind', categoryCode: 'category', varietyCode: 'variety', unitId: 'unit' },
  safety_managers: { name: 'personName', unitId: 'unit' },
};
/** derived from another field: not a change of its own */
const notShown = new Set(['nameInitials']);

/** Fields that say which record a row is: changed only when the user accepts it. */
export const identityFields: Record<PlanTable, ReadonlySet<string>> = {
  units: new Set(['unitName', 'uscc']),
  equipment: new Set(['equipmentCode', 'registrationCode', 'registrationNo']),
  safety_managers: new Set(['certificateNo', 'idNumber']),
};

const otherLabels: Record<string, string> = {
  unit: '所属使用单位',
  categoryRaw: '设备类别（原文）',
  nextInspectionSource: '下次检验日期来源',
};

/** The Chinese name of a changed field: its usual header, or the header of an extra attribute. */
export function changeLabel(field: string): string {
  if (field.startsWith('extra.')) return `${field.slice('extra.'.length)}（其他属性）`;
  return otherLabels[field] ?? fieldName(field as never);
}

const valueLabels: Record<string, Record<string, string>> = {
  status: { in_use: '在用', stopped: '停用', scrapped: '报废', cancelled: '注销' },
  nextInspectionSource: { recorded: '记录', derived: '推算' },
};

/** A changed value as the user reads it: statuses and sources in Chinese. */
export function changeValue(field: string, value: string | null): string {
  if (value === null) return '';
  return valueLabels[field]?.[value] ?? value;
}

const masks: Record<string, (v: string | null) => string | null> = { idNumber: maskIdNumber, phone: maskPhone };

const text = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));

function extraChanges(before: unknown, after: unknown): LedgerChange[] {
  const parse = (v: unknown) => (typeof v === 'string' && v ? (JSON.parse(v) as Record<string, string>) : {});
  const [a, b] = [parse(before), parse(after)];
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys.filter((k) => a[k] !== b[k]).map((k) => ({ field: `extra.${k}`, before: a[k] ?? null, after: b[k] ?? null }));
}

/** The fields an update changes, as the user reads them: personal data masked, units by name. */
export function describeChanges(table: PlanTable, op: UpdateOp, unitLabel: (id: string) => string): LedgerChange[] {
  const changes: LedgerChange[] = [];
  for (const key of Object.keys(op.set)) {
    if (notShown.has(key)) continue;
    if (key === 'extra') {
      changes.push(...extraChanges(op.before[key], op.set[key]));
      continue;
    }
    const field = shownAs[table][key] ?? key;
    let [before, after] = [text(op.before[key]), text(op.set[key])];
    if (field === 'unit') [before, after] = [before && unitLabel(before), after && unitLabel(after)];
    const mask = masks[field];
    if (mask) [before, after] = [mask(before), mask(after)];
    changes.push({ field, before, after });
  }
  return changes;
}

/** Identity fields the update would change: a value that was there and becomes another (filling a gap is not a change of identity). */
export function identityChanges(table: PlanTable, op: UpdateOp): { field: string; before: string; after: string | null }[] {
  const found: { field: string; before: string; after: string | null }[] = [];
  for (const key of Object.keys(op.set)) {
    const field = shownAs[table][key] ?? key;
    if (!identityFields[table].has(field)) continue;
    const [before, after] = [text(op.before[key]), text(op.set[key])];
    if (before !== null && before !== after) found.push({ field, before, after });
  }
  return found;
}

/** How a row was matched to the record it would update: shown in the warning and as the update's key. */
export interface Match {
  /** 设备代码, 统一社会信用代码 … */
  by: string;
  key: string;
}

const what: Record<PlanTable, string> = { units: '使用单位', equipment: '设备', safety_managers: '证书' };

export function identityMessage(field: string, before: string, after: string | null, match: Match, table: PlanTable, accepted: boolean): string {
  const shown = (v: string | null) => (v === null ? '空' : `“${field === 'idNumber' ? maskIdNumber(v) : v}”`);
  const change = `${fieldName(field as never)}将由${shown(before)}改为${shown(after)}（本行按${match.by}“${match.key}”对应到已有的${what[table]}）`;
  return accepted
    ? `${change}。已确认接受，将更新`
    : `${change}。识别编号或名称改变，可能说明这是另一个${what[table]}：本行暂不更新。核对无误后请在预览中确认接受（命令行加 --accept-identity-changes）`;
}

/** Collects the updates of one preview in file order, and holds back those that change an identity field. */
export class UpdateRecorder {
  /** described (field by field, units by name) only in list(), once every unit of the file is known */
  private readonly updates: (Omit<LedgerUpdate, 'changes'> & { sheetIndex: number; table: PlanTable; op: UpdateOp })[] = [];
  readonly held: HeldUpdate[] = [];
  readonly warnings: Issue[] = [];

  constructor(
    private readonly columns: ReadonlyMap<number, readonly ColumnInfo[]>,
    private readonly accept: (ref: RowRef) => boolean,
    private readonly unitLabel: (id: string) => string,
  ) {}

  /** True: write it with the plan. False: held until the user accepts its identity change. */
  record(table: PlanTable, ref: RowRef, op: UpdateOp, match: Match): boolean {
    this.updates.push({ sheetIndex: ref.sheetIndex, sheet: ref.sheet, row: ref.row, entity: entityOf[table], key: match.key, table, op });
    const identity = identityChanges(table, op);
    if (identity.length === 0) return true;
    const accepted = this.accept(ref);
    for (const change of identity) {
      const column = this.columns.get(ref.sheetIndex)?.find((c) => c.field === change.field);
      this.warnings.push({
        sheetIndex: ref.sheetIndex,
        sheet: ref.sheet,
        row: ref.row,
        columnIndex: column?.index ?? null,
        column: column?.header ?? '',
        value: (change.field === 'idNumber' ? maskIdNumber(change.after) : change.after) ?? '',
        code: 'IDENTITY_CHANGED',
        message: identityMessage(change.field, change.before, change.after, match, table, accepted),
      });
    }
    if (!accepted) this.held.push({ table, ref, op });
    return accepted;
  }

  /** The updates in file order, shaped for the contract. */
  list(): LedgerUpdate[] {
    return this.updates
      .sort((a, b) => a.sheetIndex - b.sheetIndex || a.row - b.row)
      .map(({ sheet, row, entity, key, table, op }) => ({ sheet, row, entity, key, changes: describeChanges(table, op, this.unitLabel) }));
  }
}
