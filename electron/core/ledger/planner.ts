import { setImmediate as tick } from 'node:timers/promises';
import type { NodeIdentity } from '../../api/schemas/node.ts';
import { newId } from '../ids.ts';
import type { JobHandle } from '../jobs/job-registry.ts';
import { nameInitials, nameSortKey, unitNameKeys } from '../pinyin.ts';
import type { Collector, UnitAgg } from './collector.ts';
import type { StagedInserts } from './staging.ts';
import type { DistrictResolver } from './districts.ts';
import type { ExistingRow, Lookups, UnitRef } from './lookups.ts';
import { diff, mergeExtra, opsOf, type PlanOps } from './plan.ts';
import type { EquipmentRecord, EquipmentValues, Issue, ManagerRecord, ManagerValues, RowRef } from './types.ts';
import { UpdateRecorder, type Match } from './update-list.ts';
import type { HeldUpdate } from './update-op.ts';
import { settleNextInspection } from './next-inspection.ts';
import type { IntervalRules } from '../registry/inspection-interval.ts';
import type { LedgerUpdate } from '../../api/schemas/ledger.ts';
import type { ColumnInfo } from './types.ts';
import { maskIdNumber } from '../privacy/mask.ts';

// Compares what the file says with what the database holds, by natural keys, and
// decides per row: insert, update (with the fields that changed, listed for the
// preview and held back when an identifying field changes), unchanged, or an
// error (another node's row, a unit that cannot be found). Writes nothing to the
// data: inserts are staged (staging.ts) for apply.
//
// Equipment rows are planned as the file is read, each as soon as the collector takes
// it, so no row outlives its own planning. Managers wait for the end of the file (their
// unit may be on an equipment sheet further on), and units for the last row that needs
// them (a unit is written only when a row imported under it needs it, and a later row
// may fill in its address).

export interface Counts {
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface PlanResult {
  ops: PlanOps;
  counts: { units: Counts; equipment: Counts; managers: Counts };
  errors: Issue[];
  warnings: Issue[];
  /** every update, held ones included, in file order */
  updates: LedgerUpdate[];
  held: HeldUpdate[];
}

export interface PlanOptions {
  /** each sheet's columns, to name the cell an identity change is about */
  columns: ReadonlyMap<number, readonly ColumnInfo[]>;
  /** the held identity changes the user accepted already */
  accept: (ref: RowRef) => boolean;
  /** periodic-inspection intervals (settings), for a next date derived from the last one */
  intervals: IntervalRules;
}

const CHUNK = 2000;
const zero = (): Counts => ({ inserted: 0, updated: 0, unchanged: 0 });

function rowIssue(ref: RowRef, code: string, message: string, column: { index: number; header: string } | null = null, value = ''): Issue {
  return { sheetIndex: ref.sheetIndex, sheet: ref.sheet, row: ref.row, columnIndex: column?.index ?? null, column: column?.header ?? '', value, code, message };
}

/** Which key found the existing piece: the first of 设备代码, 注册代码, 使用登记证编号 they share. */
function equipmentMatch(v: EquipmentValues, existing: ExistingRow): Match {
  if (v.equipmentCode && existing['equipmentCode'] === v.equipmentCode) return { by: '设备代码', key: v.equipmentCode };
  if (v.registrationCode && existing['registrationCode'] === v.registrationCode) return { by: '注册代码', key: v.registrationCode };
  return { by: '使用登记证编号', key: v.registrationNo ?? '' };
}

function managerMatch(v: ManagerValues, existing: ExistingRow): Match {
  if (v.certificateNo && existing['certificateNo'] === v.certificateNo) return { by: '证书编号', key: v.certificateNo };
  return { by: '身份证号和作业项目', key: `${maskIdNumber(v.idNumber) ?? ''} ${v.itemCode ?? ''}`.trim() };
}

const notOwned = (what: string) => `${what}由其他节点登记，本机不能修改（每条数据只由登记它的单位修改）。如需更改，请联系登记单位；本行不导入`;

export class Planner {
  private readonly ops: PlanOps;
  private readonly counts = { units: zero(), equipment: zero(), managers: zero() };
  private readonly errors: Issue[] = [];
  private readonly warnings: Issue[] = [];
  /** existing row id → the file row that matched it (its number only: records are not kept alive) */
  private readonly matched = new Map<string, number>();
  private readonly unitsByUscc = new Map<string, UnitAgg[]>();
  private readonly unitsByName = new Map<string, UnitAgg[]>();
  private readonly existingUnits = new Map<string, ExistingRow | undefined>();

  constructor(
    private readonly identity: NodeIdentity,
    private readonly lookups: Lookups,
    private readonly districts: DistrictResolver,
    private readonly job: JobHandle,
    private readonly options: PlanOptions,
    private readonly staged: StagedInserts,
  ) {
    this.ops = opsOf(staged);
    this.recorder = new UpdateRecorder(options.columns, options.accept, this.unitLabel);
  }

  private readonly recorder: UpdateRecorder;
  private unitsById: Map<string, UnitAgg> | null = null;

  /**
   * A unit as an update names it: by name and credit code (a unit of the file may not be in the database yet).
   * Asked only once every unit of the file is known (UpdateRecorder.list).
   */
  readonly unitLabel = (id: string): string => {
    if (!this.unitsById) {
      this.unitsById = new Map();
      for (const list of this.unitsByUscc.values()) for (const u of list) if (!this.unitsById.has(u.id)) this.unitsById.set(u.id, u);
    }
    const u = this.unitsById.get(id);
    return u ? `${u.name}（${u.uscc}）` : this.lookups.unitLabel(id);
  };

  /** A unit the file names for the first time: the existing row it is, or a new id. */
  private unitSeen(unit: UnitAgg): void {
    const existing = this.lookups.unit(unit.districtId, unit.uscc);
    this.existingUnits.set(unit.key, existing);
    unit.id = existing?.id ?? newId();
    push(this.unitsByUscc, unit.uscc, unit);
    push(this.unitsByName, unit.name, unit);
  }

  /** One equipment row the collector took, planned while the file is still being read. */
  equipmentRow(record: EquipmentRecord, unit: UnitAgg): void {
    if (!unit.id) this.unitSeen(unit);
    this.equipment(record, unit);
    this.equipmentPlanned++;
  }

  private equipmentPlanned = 0;

  /** After the last row of the file: the managers, then the units that rows need. */
  async finish(collected: Collector): Promise<PlanResult> {
    let done = this.equipmentPlanned;
    this.job.phase('检查数据', done + collected.managers.length);
    this.job.advance(done);
    for (const record of collected.managers) {
      this.manager(record);
      if (++done % CHUNK === 0) await this.pause(done);
    }
    for (const unit of collected.units.values()) if (unit.refs > 0) this.unit(unit);
    this.staged.finish();
    this.job.advance(done);
    const { warnings, held } = this.recorder;
    return { ops: this.ops, counts: this.counts, errors: this.errors, warnings: [...this.warnings, ...warnings], updates: this.recorder.list(), held };
  }

  private async pause(done: number): Promise<void> {
    this.job.advance(done);
    await tick();
    this.job.checkpoint();
  }

  /** Two rows of the file that land on one row of the database: the later one is refused. */
  private claim(existing: ExistingRow, ref: RowRef, what: string): boolean {
    const previous = this.matched.get(existing.id);
    if (previous === undefined) {
      this.matched.set(existing.id, ref.row);
      return true;
    }
    this.errors.push(rowIssue(ref, 'DUPLICATE_MATCH', `本行与第 ${previous} 行对应数据库中的同一${what}，但两行的编号不同。请核对设备代码、注册代码或证书编号`));
    return false;
  }

  private equipment(record: EquipmentRecord, unit: UnitAgg): void {
    const existing = this.lookups.equipment(record.values, unit.id);
    settleNextInspection(record.values, existing, this.options.intervals);
    const extra = mergeExtra(existing?.['extra'] as string | null | undefined, record.extra, record.extraKeys);
    if (!existing) {
      // the record's own values object is staged: no copy per row
      const values = record.values as Record<string, unknown>;
      values['status'] = record.values.status ?? 'in_use';
      values['unitId'] = unit.id;
      values['extra'] = extra;
      this.staged.equipment.add(newId(), values);
      this.counts.equipment.inserted++;
      unit.refs++;
      return;
    }
    if (!this.claim(existing, record, '台设备')) return;
    const change = diff(existing, { ...record.values, unitId: unit.id, extra });
    if (!change) {
      this.counts.equipment.unchanged++;
      unit.refs++;
    } else if (existing.originNode !== this.identity.id) {
      this.errors.push(rowIssue(record, 'NOT_OWNER', notOwned('这台设备')));
    } else {
      const op = { id: existing.id, version: existing.version, ...change };
      if (this.recorder.record('equipment', record, op, equipmentMatch(record.values, existing))) {
        this.ops.equipment.updates.push(op);
        this.counts.equipment.updated++;
      }
      // a held update may yet be accepted: its unit must then exist
      unit.refs++;
    }
  }

  /** The manager's unit: by credit code, else by a name that is unique in the file and the database. */
  private unitOf(record: ManagerRecord): { id: string; agg?: UnitAgg } | Issue {
    const fixed = this.districts.fixed?.id;
    const inScope = (u: UnitRef) => !fixed || u.districtId === fixed;
    const [inDb, inFile, shown, column] = record.uscc
      ? [this.lookups.unitsWithUscc(record.uscc), this.unitsByUscc.get(record.uscc), record.uscc, '统一社会信用代码']
      : [this.lookups.unitsNamed(record.unitName!), this.unitsByName.get(record.unitName!), record.unitName!, '使用单位名称'];
    // the file's entry wins over the database row of the same unit: it counts the unit as needed
    const ids = new Map<string, UnitRef | UnitAgg>([...inDb.filter(inScope), ...(inFile ?? [])].map((u) => [u.id, u] as const));
    if (ids.size === 1) {
      const [id, unit] = [...ids][0]!;
      return { id, agg: 'refs' in unit ? unit : undefined };
    }
    if (ids.size === 0) {
      return rowIssue(record, 'UNIT_NOT_FOUND', `在本文件的设备台账和已有数据中都找不到${column}为“${shown}”的使用单位。请先导入该单位的设备台账，或核对${column}`, record.unitColumn, shown);
    }
    return rowIssue(record, 'UNIT_AMBIGUOUS', `${column}“${shown}”对应多个使用单位（不同分局或同名单位），无法确定是哪一家。请填写统一社会信用代码`, record.unitColumn, shown);
  }

  private manager(record: ManagerRecord): void {
    const unit = this.unitOf(record);
    if ('code' in unit) {
      this.errors.push(unit);
      return;
    }
    const v = record.values;
    const existing = this.lookups.manager(v.certificateNo, v.idNumber, v.itemCode);
    const extra = mergeExtra(existing?.['extra'] as string | null | undefined, record.extra, record.extraKeys);
    if (!existing) {
      this.staged.safety_managers.add(newId(), { ...v, nameInitials: nameInitials(v.name), nameSort: nameSortKey(v.name, 'person'), unitId: unit.id, extra });
      this.counts.managers.inserted++;
      if (unit.agg) unit.agg.refs++;
      return;
    }
    if (!this.claim(existing, record, '本证书')) return;
    const next: Record<string, unknown> = { ...v, unitId: unit.id, extra };
    if (existing['name'] !== v.name || existing['nameInitials'] === null) next['nameInitials'] = nameInitials(v.name);
    const change = diff(existing, next);
    if (!change) this.counts.managers.unchanged++;
    else if (existing.originNode !== this.identity.id) {
      this.errors.push(rowIssue(record, 'NOT_OWNER', notOwned('该安全管理员证书')));
      return;
    } else {
      const op = { id: existing.id, version: existing.version, ...change };
      if (this.recorder.record('safety_managers', record, op, managerMatch(v, existing))) {
        this.ops.safety_managers.updates.push(op);
        this.counts.managers.updated++;
      }
    }
    if (unit.agg) unit.agg.refs++;
  }

  private unit(unit: UnitAgg): void {
    const existing = this.existingUnits.get(unit.key);
    if (!existing) {
      // the name read once for both (pinyin.ts)
      const keys = unitNameKeys(unit.name);
      const values = {
        districtId: unit.districtId,
        name: unit.name,
        nameInitials: keys.initials,
        nameSort: keys.sortKey,
        uscc: unit.uscc,
        usccLegacy: unit.usccLegacy ? 1 : 0,
        address: unit.address ?? null,
      };
      this.staged.units.add(unit.id, values);
      this.counts.units.inserted++;
      return;
    }
    const next: Record<string, unknown> = { name: unit.name, address: unit.address };
    if (existing['name'] !== unit.name || existing['nameInitials'] === null) next['nameInitials'] = nameInitials(unit.name);
    const change = diff(existing, next);
    if (change && existing.originNode !== this.identity.id) {
      // The unit stays as it is; its equipment and managers still import under it.
      this.warnings.push(rowIssue(unit.first, 'NOT_OWNER', `使用单位“${existing['name']}”由其他节点登记，本机不能修改其名称或地址，将保持原样（该单位的设备照常导入）`));
      this.counts.units.unchanged++;
    } else if (change) {
      const op = { id: existing.id, version: existing.version, ...change };
      if (this.recorder.record('units', unit.first, op, { by: '统一社会信用代码', key: unit.uscc })) {
        this.ops.units.updates.push(op);
        this.counts.units.updated++;
      }
    } else this.counts.units.unchanged++;
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
