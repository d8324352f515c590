import type { LedgerField } from '../../api/schemas/ledger.ts';
import type { RowContext } from './row-context.ts';
import type { EquipmentRecord, Issue, ManagerRecord, RowRef } from './types.ts';

// Gathers the rows that passed validation while the file streams by: folds exact
// duplicates, refuses a second, different row under the same key, and builds one
// entry per using unit (the unit's columns repeat on every equipment row).

export interface UnitAgg {
  key: string;
  districtId: string;
  uscc: string;
  usccLegacy: boolean;
  name: string;
  /** undefined: no address column anywhere */
  address: string | null | undefined;
  first: RowRef;
  /** assigned when planning: the existing row's id or a new one */
  id: string;
  /** imported rows (equipment or managers) that need this unit; a unit nobody needs is not written */
  refs: number;
}

/** One natural key: where its values are kept, and what a clash is called. */
interface KeyKind<R, E = R> {
  map: Map<string, E>;
  field: LedgerField;
  code: string;
  label: string;
  of(record: R): string | null | undefined;
}

// Managers (a few thousand) are kept whole and compared field by field when two
// rows share a key.
function sameFields(a: object | null, b: object | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  return keys.length === Object.keys(y).length && keys.every((k) => x[k] === y[k]);
}

const joinDropped = (a: string[] | null) => (a ?? []).join('\u0000');
const sameDropped = (a: string[] | null, b: string[] | null) => joinDropped(a) === joinDropped(b);

/** Codes mixed into the fingerprint besides a text's UTF-16 code units and lengths: above any length a string can have. */
const UNDEFINED = 0x2000_0001;
const NULL = 0x2000_0002;
const END = 0x2000_0003;

/**
 * cyrb53 (two 32-bit multiply-xorshift lanes, combined to 53 bits) over a sequence of codes:
 * each value as its length then its UTF-16 code units two by two, so no text can pass for two, and
 * undefined ("the file does not say") apart from null and ''. Fed piece by piece, without
 * building a text per row (100,000 rows of garbage to collect), and with lengths and markers
 * mixed in as numbers, not as texts made for the purpose.
 */
class Hash53 {
  private h1 = 0xdeadbeef;
  private h2 = 0x41c6ce57;

  code(c: number): void {
    this.h1 = Math.imul(this.h1 ^ c, 2654435761);
    this.h2 = Math.imul(this.h2 ^ c, 1597334677);
  }

  part(v: unknown): void {
    if (v === undefined) return this.code(UNDEFINED);
    if (v === null) return this.code(NULL);
    const text = typeof v === 'string' ? v : String(v);
    const n = text.length;
    let h1 = Math.imul(this.h1 ^ n, 2654435761);
    let h2 = Math.imul(this.h2 ^ n, 1597334677);
    // two code units per step (the length went first, so the pairs are read one way only)
    let i = 0;
    for (; i + 1 < n; i += 2) {
      const c = text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    if (i < n) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    this.h1 = h1;
    this.h2 = h2;
  }

  digest(): number {
    let { h1, h2 } = this;
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return 4294967296 * (2097151 & h2) + (h1 >>> 0);
  }
}

/**
 * What two equipment rows are compared by: a 53-bit hash of the district, unit columns,
 * values, extra attributes (in any order) and dropped cells. The planner goes on to fill
 * in the record's values (its unit, status, derived dates) and the record itself is not
 * kept: 100,000 retained records, or their texts, cost more in garbage collection than
 * the rest of the checks. Only rows that share a key are ever compared, so two different
 * rows pass for one with a chance of 2⁻⁵³ per repeated key.
 * The values go in by position, not by key: every values object has one shape, the same
 * keys in one order (equipment-row.ts' emptyValues).
 */
export function equipmentFingerprint(r: EquipmentRecord): number {
  const v = r.values as Record<string, unknown>;
  const hash = new Hash53();
  hash.part(r.districtId);
  hash.part(r.uscc);
  hash.part(r.unitName);
  hash.part(r.unitAddress);
  for (const key in v) hash.part(v[key]);
  hash.code(END);
  if (r.extra) {
    const keys = Object.keys(r.extra);
    if (keys.length > 1) keys.sort();
    for (const k of keys) {
      hash.part(k);
      hash.part(r.extra[k]);
    }
  }
  hash.code(END);
  for (const d of r.dropped ?? []) hash.part(d);
  return hash.digest();
}

function sameManager(a: ManagerRecord, b: ManagerRecord): boolean {
  return a.uscc === b.uscc && a.unitName === b.unitName && sameFields(a.values, b.values) && sameFields(a.extra, b.extra) && sameDropped(a.dropped, b.dropped);
}

const where = (r: RowRef, sheet: string) => (r.sheet === sheet ? `第 ${r.row} 行` : `工作表“${r.sheet}”第 ${r.row} 行`);

/** The earlier row of a conflicting pair: imported, but the problem-row file gives it back beside the later one. */
export interface ConflictPartner {
  earlier: RowRef;
  later: RowRef;
  label: string;
  key: string;
}

export class Collector {
  readonly errors: Issue[] = [];
  readonly partners: ConflictPartner[] = [];
  readonly warnings: Issue[] = [];
  /** equipment rows taken (planned at once, not kept) */
  equipmentRows = 0;
  readonly managers: ManagerRecord[] = [];
  readonly units = new Map<string, UnitAgg>();
  duplicatesFolded = 0;

  // The maps are built once; rows only look up and add (a row allocates nothing here).
  // An equipment row as the key maps keep it, where it is and what it holds, is a number into
  // the arrays below: a map value that is a small integer is no object for the collector to
  // copy and keep (100,000 of them, alive to the end of the file).
  private readonly seenSheet: number[] = [];
  private readonly seenRow: number[] = [];
  private readonly seenFingerprint: number[] = [];
  private readonly sheetNames: string[] = [];
  private readonly equipmentKeys: KeyKind<EquipmentRecord, number>[] = [
    { map: new Map(), field: 'equipmentCode', code: 'EQUIPMENT_CODE_CONFLICT', label: '设备代码', of: (r) => r.values.equipmentCode },
    { map: new Map(), field: 'registrationCode', code: 'REGISTRATION_CONFLICT', label: '注册代码', of: (r) => r.values.registrationCode },
    {
      map: new Map(),
      field: 'registrationNo',
      code: 'REGISTRATION_CONFLICT',
      label: '使用登记证编号',
      // only when it is the row's key: unique within a unit, so the key carries the unit
      of: (r) => (r.values.equipmentCode || r.values.registrationCode || !r.values.registrationNo ? null : `${r.districtId}\u0000${r.uscc}\u0000${r.values.registrationNo}`),
    },
  ];
  private readonly managerKeys: KeyKind<ManagerRecord>[] = [
    { map: new Map(), field: 'certificateNo', code: 'CERTIFICATE_CONFLICT', label: '证书编号', of: (r) => r.values.certificateNo },
    {
      map: new Map(),
      field: 'idNumber',
      code: 'PERSON_ITEM_CONFLICT',
      label: '身份证号（同一作业项目）',
      of: (r) => (r.values.idNumber && r.values.itemCode ? `${r.values.itemCode}\u0000${r.values.idNumber}` : null),
    },
  ];
  private readonly unitNameWarned = new Set<string>();

  /** The key maps are needed only while rows arrive: let them go before planning. */
  finish(): void {
    for (const kind of [...this.equipmentKeys, ...this.managerKeys]) kind.map.clear();
    this.seenSheet.length = this.seenRow.length = this.seenFingerprint.length = 0;
  }

  reject(errors: Issue[]): void {
    this.errors.push(...errors);
  }

  /** Same key, same content → folded; same key, other content → an error on the later row. */
  private claim<R extends RowRef, E extends RowRef>(record: R, kinds: KeyKind<R, E>[], row: RowContext, same: (a: E, b: R) => boolean, entry: () => E): 'new' | 'folded' | 'conflict' {
    for (const kind of kinds) {
      const key = kind.of(record);
      const previous = key ? kind.map.get(key) : undefined;
      if (!previous) continue;
      if (same(previous, record)) return 'folded';
      return this.conflict(kind, key!, previous, record, row);
    }
    let kept: E | undefined;
    for (const kind of kinds) {
      const key = kind.of(record);
      if (key) kind.map.set(key, (kept ??= entry()));
    }
    return 'new';
  }

  /** A later row with an earlier row's key and other content: refused, the earlier one kept and named. */
  private conflict<R extends RowRef>(kind: Pick<KeyKind<R>, 'field' | 'code' | 'label'>, key: string, previous: RowRef, record: R, row: RowContext): 'conflict' {
    const shown = key.split('\u0000').at(-1)!;
    this.partners.push({ earlier: { sheetIndex: previous.sheetIndex, sheet: previous.sheet, row: previous.row }, later: { sheetIndex: record.sheetIndex, sheet: record.sheet, row: record.row }, label: kind.label, key: shown });
    row.error(kind.field, kind.code, `${kind.label}“${shown}”在${where(previous, record.sheet)}已出现，但两行内容不同。同一${kind.label}只能对应一行，请核对后删除或改正其中一行`);
    return 'conflict';
  }

  private settle(result: 'new' | 'folded' | 'conflict', row: RowContext, warnings: Issue[]): boolean {
    if (result === 'folded') this.duplicatesFolded++;
    else if (result === 'conflict') this.errors.push(...row.errors);
    else this.warnings.push(...warnings);
    return result === 'new';
  }

  /** The row's unit when the row is to be planned; null when it was folded into an earlier row or refused. */
  addEquipment(record: EquipmentRecord, warnings: Issue[], row: RowContext): UnitAgg | null {
    // claim() without its closures (three per row, 100,000 rows): compared by the fingerprint
    // only when a key repeats; made for every row that has a key, since any may repeat later
    const kinds = this.equipmentKeys;
    let fingerprint: number | undefined;
    let result: 'new' | 'folded' | 'conflict' = 'new';
    const keys: (string | null | undefined)[] = this.equipmentKeyScratch;
    for (let k = 0; k < kinds.length; k++) {
      const kind = kinds[k]!;
      const key = (keys[k] = kind.of(record));
      const previous = key ? kind.map.get(key) : undefined;
      if (previous === undefined) continue;
      fingerprint ??= equipmentFingerprint(record);
      result = this.seenFingerprint[previous] === fingerprint ? 'folded' : this.conflict(kind, key!, this.seenRef(previous), record, row);
      break;
    }
    if (result === 'new') {
      let kept: number | undefined;
      for (let k = 0; k < kinds.length; k++) {
        const key = keys[k];
        if (key) kinds[k]!.map.set(key, (kept ??= this.seen(record, (fingerprint ??= equipmentFingerprint(record)))));
      }
    }
    if (!this.settle(result, row, warnings)) return null;
    this.equipmentRows++;
    return this.addUnit(record, row);
  }

  /** Keeps where an equipment row is and its fingerprint: its number for the key maps. */
  private seen(record: EquipmentRecord, fingerprint: number): number {
    this.sheetNames[record.sheetIndex] = record.sheet;
    this.seenSheet.push(record.sheetIndex);
    this.seenRow.push(record.row);
    return this.seenFingerprint.push(fingerprint) - 1;
  }

  private seenRef(seen: number): RowRef {
    const sheetIndex = this.seenSheet[seen]!;
    return { sheetIndex, sheet: this.sheetNames[sheetIndex]!, row: this.seenRow[seen]! };
  }

  /** the keys of the row under claim, per key kind (reused: nothing allocated per row) */
  private readonly equipmentKeyScratch: (string | null | undefined)[] = [];

  addManager(record: ManagerRecord, warnings: Issue[], row: RowContext): void {
    if (!this.settle(this.claim(record, this.managerKeys, row, sameManager, () => record), row, warnings)) return;
    this.managers.push(record);
  }

  /** units by district, then credit code (interned strings): found without a key text made per row */
  private readonly unitIndex = new Map<string, Map<string, UnitAgg>>();

  private addUnit(record: EquipmentRecord, row: RowContext): UnitAgg {
    let inDistrict = this.unitIndex.get(record.districtId);
    if (!inDistrict) this.unitIndex.set(record.districtId, (inDistrict = new Map()));
    const unit = inDistrict.get(record.uscc);
    if (!unit) {
      const key = `${record.districtId}\u0000${record.uscc}`;
      const created: UnitAgg = {
        key,
        districtId: record.districtId,
        uscc: record.uscc,
        usccLegacy: record.usccLegacy,
        name: record.unitName,
        address: record.unitAddress,
        first: { sheetIndex: record.sheetIndex, sheet: record.sheet, row: record.row },
        id: '',
        refs: 0,
      };
      this.units.set(key, created);
      inDistrict.set(record.uscc, created);
      return created;
    }
    // The first row names the unit; a later row that disagrees is pointed out once per unit.
    if (unit.name !== record.unitName && !this.unitNameWarned.has(unit.key)) {
      this.unitNameWarned.add(unit.key);
      row.warn(
        'unitName',
        'UNIT_NAME_CONFLICT',
        `统一社会信用代码 ${record.uscc} 在${where(unit.first, record.sheet)}的单位名称为“${unit.name}”，本行为“${record.unitName}”。将按前者导入，请核对`,
      );
      this.warnings.push(row.warnings.at(-1)!);
    }
    if (!unit.address && record.unitAddress) unit.address = record.unitAddress;
    return unit;
  }
}
