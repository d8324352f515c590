// The fixed set of defective rows written with `defects: true`, each carrying exactly one
// problem, and the report entry the importer must produce for it (codes: defect-codes.ts).
//
// Equipment sheet (position = fraction of the model's equipment rows it is inserted before):
//   0.10 USCC_CHECK              unit 张家港市鹿苑永兴五金加工厂, credit code with a wrong 18th character
//   0.20 USCC_LENGTH             unit 张家港市妙桥恒泰纸箱加工厂, credit code of 17 characters
//   0.35 DUPLICATE_ROW           exact copy of the written row at 0.15 (folded, not an error)
//   0.45 DATE_INVALID            下次检验日期 2023-02-30: warning, the row is imported without that date
//   0.55 STATUS_UNKNOWN          设备状态 在修
//   0.60 CATEGORY_UNKNOWN        设备类别 不是设备 (种类, 品种 empty)
//   0.70 CATEGORY_LEGACY         设备类别 5120 叉车(防爆) (种类, 品种 empty): warning, the row is imported
//   0.80 EQUIPMENT_CODE_CONFLICT copy of the row at 0.25 (first with a 设备代码) with another 设备使用地点
//   0.90 REQUIRED_MISSING        使用单位名称 empty (credit code of an existing unit)
// Safety-manager sheet:
//   0.50 ID_CHECK                身份证号 with a wrong check digit
//   (the model's one A1 row)     ITEM_LEGACY warning: not injected, but the importer reports it
// Defect rows of existing units repeat that unit's columns exactly; new pieces get fresh
// 设备代码 with manufacturer code 99999 (used by no generated maker) and no other keys.
import { usccCheckChar } from '../../electron/core/validation/uscc.ts';
import { columnIndex, equipmentRow, managerRow, type Cell, type ColumnKey, type Formatter, type SheetKind } from './columns.ts';
import { LEDGER_ISSUE_SEVERITY, type IssueSeverity, type LedgerIssueCode } from './defect-codes.ts';
import { DIVISION, idCheckChar, orgCodeCheck } from './identifiers.ts';
import type { SampleEquipment, SampleModel } from './model.ts';

export interface ExpectedIssue {
  sheet: string;
  /** Excel row number in the written file (for CSV: the line number) */
  row: number;
  /** the header text as written ('' for row-level entries) */
  column: string;
  code: LedgerIssueCode;
  severity: IssueSeverity;
  /** the cell's text as written */
  value: string;
}

export interface DefectReport {
  errors: ExpectedIssue[];
  warnings: ExpectedIssue[];
  /** exact repeats: the importer counts them in duplicatesFolded */
  folded: ExpectedIssue[];
  /** rows an import of the written sheets should end with: the model's rows + the defect rows that only warn */
  imported: { equipment?: number; managers?: number };
}

export interface Placement {
  /** inserted before the model row with this index (after `position` model rows) */
  position: number;
  /** the model row whose written cells are copied (written earlier in the file) */
  source?: number;
  code: LedgerIssueCode;
  column: ColumnKey | null;
  /** plain formatter (no messy values), the written cells of `source` */
  build(plain: Formatter, sourceCells: Cell[] | undefined): Cell[];
}

function fictionalUscc(org8: string): string {
  const body = `91${DIVISION}${org8}${orgCodeCheck(org8)}`;
  return body + usccCheckChar(body);
}

/** a credit code of the right shape whose 18th character is wrong */
function wrongCheck(code: string): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  return code.slice(0, 17) + alphabet[(alphabet.indexOf(code[17]!) + 1) % alphabet.length];
}

function freshPiece(model: SampleModel, at: number, serial: number): SampleEquipment {
  const e = model.equipment[at]!;
  const year = e.commissionedDate.slice(0, 4);
  const code = `${e.varietyCode ?? e.categoryCode}99999${year}${String(serial).padStart(5, '0')}`;
  return { ...e, equipmentCode: code, registrationCode: null, registrationNo: null, internalNo: `${e.internalNo}-B` };
}

function set(cells: Cell[], key: ColumnKey, value: Cell, sheet: SheetKind = 'equipment'): Cell[] {
  cells[columnIndex(sheet, key)] = value;
  return cells;
}

function equipmentPlacements(model: SampleModel): Placement[] {
  const n = model.equipment.length;
  if (n < 10) throw new Error('sample data: defects need at least 10 pieces of equipment');
  const at = (f: number) => Math.floor(n * f);
  const piece = (f: number, serial: number) => freshPiece(model, at(f), serial);
  const ownUnit = (f: number, cells: (p: Formatter, e: SampleEquipment) => Cell[], serial: number) => (p: Formatter) => cells(p, piece(f, serial));
  const foreignUnit = (name: string, uscc: string) => (p: Formatter) => {
    const cells = equipmentRow(p, model, piece(0.1, 1));
    set(cells, 'unitName', name);
    set(cells, 'unitAddress', '张家港市塘桥镇鹿苑东路12号');
    return set(cells, 'uscc', uscc);
  };
  const conflictSource = model.equipment.findIndex((e, i) => i >= at(0.25) && e.equipmentCode !== null);
  if (conflictSource < 0 || conflictSource >= at(0.8)) throw new Error('sample data: no piece with a 设备代码 for the conflict defect');
  const row = (p: Formatter, e: SampleEquipment) => equipmentRow(p, model, e);

  return [
    { position: at(0.1), code: 'USCC_CHECK', column: 'uscc', build: foreignUnit('张家港市鹿苑永兴五金加工厂', wrongCheck(fictionalUscc('MA1T4K7P'))) },
    { position: at(0.2), code: 'USCC_LENGTH', column: 'uscc', build: foreignUnit('张家港市妙桥恒泰纸箱加工厂', fictionalUscc('MA2C8N5R').slice(0, 17)) },
    { position: at(0.35), source: at(0.15), code: 'DUPLICATE_ROW', column: null, build: (_p, src) => [...src!] },
    { position: at(0.45), code: 'DATE_INVALID', column: 'nextInspectionDate', build: ownUnit(0.45, (p, e) => set(row(p, e), 'nextInspectionDate', '2023-02-30'), 2) },
    { position: at(0.55), code: 'STATUS_UNKNOWN', column: 'status', build: ownUnit(0.55, (p, e) => set(row(p, e), 'status', '在修'), 3) },
    {
      position: at(0.6),
      code: 'CATEGORY_UNKNOWN',
      column: 'category',
      build: ownUnit(0.6, (p, e) => set(set(set(row(p, e), 'kind', null), 'variety', null), 'category', '不是设备'), 4),
    },
    {
      position: at(0.7),
      code: 'CATEGORY_LEGACY',
      column: 'category',
      build: (p) => {
        // an explosion-proof forklift as older Jiangsu systems coded it; this row is imported
        const e = piece(0.7, 5);
        const forklift = { ...e, equipmentCode: `512099999${e.equipmentCode!.slice(9)}`, model: 'CPCD30-EX', manufacturer: '杭叉集团股份有限公司', location: '危化品仓库', maintainer: null };
        return set(set(set(row(p, forklift), 'kind', null), 'variety', null), 'category', '5120 叉车(防爆)');
      },
    },
    {
      position: at(0.8),
      source: conflictSource,
      code: 'EQUIPMENT_CODE_CONFLICT',
      column: 'equipmentCode',
      build: (_p, src) => set([...src!], 'location', `${model.equipment[conflictSource]!.location}（已移装）`),
    },
    { position: at(0.9), code: 'REQUIRED_MISSING', column: 'unitName', build: ownUnit(0.9, (p, e) => set(row(p, e), 'unitName', null), 6) },
  ];
}

function managerPlacements(model: SampleModel): Placement[] {
  const n = model.managers.length;
  if (n < 1) throw new Error('sample data: defects need at least one safety manager');
  const at = Math.floor(n * 0.5);
  const build = (p: Formatter) => {
    const m = model.managers[at]!;
    // sequence 987 is never generated (generated ones are below 500): nobody real has this body
    const body = `${m.idNumber.slice(0, 14)}987`;
    const good = body + idCheckChar(body);
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : good[17] === 'X' ? '0' : String((Number(good[17]) + 1) % 10));
    const certificateNo = `TS3205${m.issuedDate.slice(2, 4)}99001`;
    return set(set(managerRow(p, model, { ...m, name: '钱卫东', certificateNo }), 'idNumber', bad, 'managers'), 'personName', '钱卫东', 'managers');
  };
  return [{ position: at, code: 'ID_CHECK', column: 'idNumber', build }];
}

export function planDefects(model: SampleModel, sheet: SheetKind): Placement[] {
  const list = sheet === 'equipment' ? equipmentPlacements(model) : managerPlacements(model);
  // stable: equal positions keep the order above
  return list.map((p, i) => ({ p, i })).sort((a, b) => a.p.position - b.p.position || a.i - b.i).map(({ p }) => p);
}

export function severityOf(code: LedgerIssueCode): IssueSeverity {
  return LEDGER_ISSUE_SEVERITY[code];
}
