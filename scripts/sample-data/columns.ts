// The ledger's columns as real exports write them, and the messy ways values are written
// (date forms, lower-case or full-width credit codes, stray spaces). Header texts are the
// issue's exact texts; `headerVariants` swaps in the spaced / bracketed forms seen in WPS files.
import { loadCatalogue } from '../../electron/core/catalogue/catalogue.ts';
import { excelSerial, formatDay, parseDay, type DateForm } from './dates.ts';
import type { SampleEquipment, SampleManager, SampleModel } from './model.ts';
import type { Rng } from './prng.ts';

export type Cell = string | number | Date | null;
export type SheetKind = 'equipment' | 'managers';

/** field (electron/api/schemas/ledger.ts names) or an extra column → [exact header, variant header] */
export const EQUIPMENT_COLUMNS = [
  ['districtName', '所属分局', ' 所属分局'],
  ['unitName', '使用单位名称', '使用单位 名称'],
  ['uscc', '统一社会信用代码', '统一社会信用代码 '],
  ['unitAddress', '使用单位地址', '使用单位地址（详细地址）'],
  ['kind', '设备种类', '设备种类'],
  ['category', '设备类别', '设备\u3000类别'],
  ['variety', '设备品种', '设备品种(名称)'],
  ['equipmentCode', '设备代码', '设备代码（１８位）'],
  ['registrationCode', '注册代码', '注册代码（20位）'],
  ['registrationNo', '使用登记证编号', '使用登记证编号'],
  ['location', '设备使用地点', '设备使用地点 '],
  ['status', '设备状态', '设备状态（在用/停用/报废/注销）'],
  ['lastInspectionDate', '上次检验日期', '上次检验日期(年月日)'],
  ['nextInspectionDate', '下次检验日期', '下次检验日期（年月日）'],
  ['internalNo', '单位内编号', '单位内编号'],
  ['model', '型号规格', '型号规格'],
  ['productNo', '产品编号', '产品编号 '],
  ['manufacturer', '制造单位', '制造单位（全称）'],
  // an unknown column between known ones, so column letters after it must still line up
  ['extra:维保单位', '维保单位', '维保单位'],
  ['commissionedDate', '投入使用日期', '投入使用日期(年/月/日)'],
  ['extra:备注', '备注', '备注'],
] as const;

export const MANAGER_COLUMNS = [
  ['unitName', '使用单位名称', '使用单位名称'],
  ['uscc', '统一社会信用代码', '统一社会信用代码 '],
  ['personName', '姓名', '姓\u3000名'],
  ['idNumber', '身份证号', '身份证号（18位）'],
  ['itemCode', '作业项目', '作业项目（代号）'],
  ['certificateNo', '证书编号', '证书编号'],
  ['issuedDate', '发证日期', '发证日期'],
  ['expiryDate', '有效期至', '有效期至（年月日）'],
  ['phone', '联系电话', '联系电话 '],
] as const;

export type EquipmentKey = (typeof EQUIPMENT_COLUMNS)[number][0];
export type ManagerKey = (typeof MANAGER_COLUMNS)[number][0];
export type ColumnKey = EquipmentKey | ManagerKey;

export function columnsOf(sheet: SheetKind): readonly (readonly [ColumnKey, string, string])[] {
  return sheet === 'equipment' ? EQUIPMENT_COLUMNS : MANAGER_COLUMNS;
}

export function headersOf(sheet: SheetKind, variants: boolean): string[] {
  return columnsOf(sheet).map((c) => (variants ? c[2] : c[1]));
}

export function columnIndex(sheet: SheetKind, key: ColumnKey): number {
  const i = columnsOf(sheet).findIndex((c) => c[0] === key);
  if (i < 0) throw new Error(`no column ${key} on the ${sheet} sheet`);
  return i;
}

/** Excel column letter of a 0-based index (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

// weight tables are module constants: Rng.weighted caches them by identity
const DATE_FORMS: Readonly<Record<DateForm, number>> = { cell: 40, serial: 8, iso: 20, slash: 12, cn: 8, dot: 6, compact: 6 };
const CATEGORY_FORMS = { names: 85, codes: 10, both: 5 } as const;

const toFullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/**
 * Writes values. `messy: false` writes every value in its plain form (used for the
 * defect rows, so that each carries exactly the one problem it is meant to carry).
 */
export class Formatter {
  constructor(
    private readonly rng: Rng,
    private readonly target: 'xlsx' | 'csv',
    private readonly messy = true,
  ) {}

  date(iso: string | null): Cell {
    if (!iso) return null;
    if (!this.messy) return iso;
    const form = this.rng.weighted(DATE_FORMS);
    if (this.target === 'csv') {
      // a CSV holds what the cell showed: date cells as 2023/5/1, serials never survive
      return formatDay(iso, form === 'cell' ? 'slash' : form === 'serial' ? 'iso' : form);
    }
    if (form === 'cell') return parseDay(iso);
    if (form === 'serial') return excelSerial(iso);
    return formatDay(iso, form);
  }

  uscc(code: string): string {
    if (!this.messy) return code;
    const r = this.rng.float();
    if (r < 0.06) return code.toLowerCase();
    if (r < 0.1) return toFullWidth(code);
    if (r < 0.15) return this.rng.chance(0.5) ? ` ${code}` : `${code} `;
    return code;
  }

  /** stray spaces around free text, as typed by hand */
  text(value: string | null, p = 0.03): string | null {
    if (value === null || !this.messy || !this.rng.chance(p)) return value;
    return this.rng.chance(0.5) ? `${value} ` : ` ${value}`;
  }

  registrationNo(value: string | null): string | null {
    if (value === null || !this.messy || !this.rng.chance(0.15)) return value;
    return value.replace('(', '（').replace(')', '）');
  }

  /** 设备种类 / 设备类别 / 设备品种: names mostly, codes or "code name" sometimes. */
  categories(e: SampleEquipment): [string | null, string | null, string | null] {
    const cat = loadCatalogue();
    const codes = [e.kindCode, e.categoryCode, e.varietyCode];
    const form = this.messy ? this.rng.weighted(CATEGORY_FORMS) : 'names';
    return codes.map((code) => {
      if (!code) return null;
      const name = cat.get(code)!.name;
      return form === 'codes' ? code : form === 'both' ? `${code} ${name}` : name;
    }) as [string | null, string | null, string | null];
  }

  phone(value: string): Cell {
    // phone numbers typed into Excel often end up as numbers
    return this.messy && this.target === 'xlsx' && this.rng.chance(0.2) ? Number(value) : value;
  }
}

const indexOf = <K extends string>(columns: readonly (readonly [K, string, string])[]) =>
  Object.fromEntries(columns.map(([key], i) => [key, i])) as Record<K, number>;
const EQ = indexOf(EQUIPMENT_COLUMNS);
const MG = indexOf(MANAGER_COLUMNS);

// Rows are filled by column index (not built as objects): this runs 100,000 times per file.
export function equipmentRow(f: Formatter, model: SampleModel, e: SampleEquipment): Cell[] {
  const unit = model.units[e.unitIndex]!;
  const row: Cell[] = new Array<Cell>(EQUIPMENT_COLUMNS.length).fill(null);
  const [kind, category, variety] = f.categories(e);
  row[EQ.districtName] = unit.districtName;
  row[EQ.unitName] = f.text(unit.name);
  row[EQ.uscc] = f.uscc(unit.uscc);
  row[EQ.unitAddress] = unit.address;
  row[EQ.kind] = kind;
  row[EQ.category] = category;
  row[EQ.variety] = variety;
  row[EQ.equipmentCode] = e.equipmentCode;
  row[EQ.registrationCode] = e.registrationCode;
  row[EQ.registrationNo] = f.registrationNo(e.registrationNo);
  row[EQ.location] = e.location;
  row[EQ.status] = f.text(e.status, 0.02);
  row[EQ.lastInspectionDate] = f.date(e.lastInspectionDate);
  row[EQ.nextInspectionDate] = f.date(e.nextInspectionDate);
  row[EQ.internalNo] = e.internalNo;
  row[EQ.model] = e.model;
  row[EQ.productNo] = e.productNo;
  row[EQ.manufacturer] = e.manufacturer;
  row[EQ['extra:维保单位']] = e.maintainer;
  row[EQ.commissionedDate] = f.date(e.commissionedDate);
  row[EQ['extra:备注']] = e.remark;
  return row;
}

export function managerRow(f: Formatter, model: SampleModel, m: SampleManager): Cell[] {
  const unit = model.units[m.unitIndex]!;
  const row: Cell[] = new Array<Cell>(MANAGER_COLUMNS.length).fill(null);
  row[MG.unitName] = f.text(unit.name);
  row[MG.uscc] = f.uscc(unit.uscc);
  row[MG.personName] = f.text(m.name);
  row[MG.idNumber] = m.idNumber;
  row[MG.itemCode] = m.itemCode;
  row[MG.certificateNo] = m.certificateNo;
  row[MG.issuedDate] = f.date(m.issuedDate);
  row[MG.expiryDate] = f.date(m.expiryDate);
  row[MG.phone] = f.phone(m.phone);
  return row;
}
