import type Database from 'better-sqlite3';
import type { EquipmentValues } from './types.ts';

// How each table's rows are found by their natural keys, with raw prepared
// statements (the importer runs them once per row: drizzle would rebuild the SQL
// each time). Used by the planner at preview and again by apply when the
// database changed in between.

/** value key (as in EquipmentValues) → column */
export const equipmentColumns = {
  unitId: 'unit_id',
  equipmentCode: 'equipment_code',
  registrationCode: 'registration_code',
  registrationNo: 'registration_no',
  kindCode: 'kind_code',
  categoryCode: 'category_code',
  varietyCode: 'variety_code',
  categoryRaw: 'category_raw',
  status: 'status',
  location: 'location',
  lastInspectionDate: 'last_inspection_date',
  nextInspectionDate: 'next_inspection_date',
  nextInspectionSource: 'next_inspection_source',
  internalNo: 'internal_no',
  model: 'model',
  productNo: 'product_no',
  manufacturer: 'manufacturer',
  commissionedDate: 'commissioned_date',
  extra: 'extra',
} as const;

export const managerColumns = {
  unitId: 'unit_id',
  name: 'name',
  nameInitials: 'name_initials',
  idNumber: 'id_number',
  itemCode: 'item_code',
  certificateNo: 'certificate_no',
  issuedDate: 'issued_date',
  expiryDate: 'expiry_date',
  phone: 'phone',
  extra: 'extra',
} as const;

export const unitColumns = {
  districtId: 'district_id',
  name: 'name',
  nameInitials: 'name_initials',
  uscc: 'uscc',
  usccLegacy: 'uscc_legacy',
  address: 'address',
} as const;

const select = (columns: Record<string, string>) =>
  ['id', 'origin_node AS originNode', 'version', ...Object.entries(columns).map(([key, column]) => `${column} AS ${key}`)].join(', ');

export type ExistingRow = Record<string, string | number | null> & { id: string; originNode: string; version: number };
export type UnitRef = { id: string; districtId: string; name: string; uscc: string };
/** the named parameters of the equipment look-ups */
type EquipmentKeys = { equipmentCode: string | null; registrationCode: string | null; registrationNo: string | null; unitId: string };

export class Lookups {
  private readonly unitByKey: Database.Statement<[string, string], ExistingRow>;
  private readonly unitsByUscc: Database.Statement<[string], UnitRef>;
  private readonly unitsByName: Database.Statement<[string], UnitRef>;
  private readonly equipmentByCode: Database.Statement<[Pick<EquipmentKeys, 'equipmentCode'>], ExistingRow>;
  private readonly equipmentByRegistrationCode: Database.Statement<[Pick<EquipmentKeys, 'registrationCode' | 'equipmentCode'>], ExistingRow>;
  private readonly equipmentByRegistrationNo: Database.Statement<[EquipmentKeys], ExistingRow>;
  private readonly managerById: Database.Statement<[string], ExistingRow>;
  private readonly unitById: Database.Statement<[string], string>;
  private readonly equipmentEmpty: boolean;
  private managers: { byCertificate: Map<string, string>; byPersonItem: Map<string, string> } | null = null;

  constructor(private readonly sqlite: Database.Database) {
    const live = 'deleted_at IS NULL';
    this.unitByKey = sqlite.prepare(`SELECT ${select(unitColumns)} FROM units WHERE district_id = ? AND uscc = ? AND ${live}`);
    this.unitsByUscc = sqlite.prepare(`SELECT id, district_id AS districtId, name, uscc FROM units WHERE uscc = ? AND ${live}`);
    this.unitsByName = sqlite.prepare(`SELECT id, district_id AS districtId, name, uscc FROM units WHERE name = ? AND ${live}`);
    const eq = `SELECT ${select(equipmentColumns)} FROM equipment WHERE ${live}`;
    // A lower key matches only a row whose higher keys do not say otherwise.
    const agrees = (column: string, param: string) => `(${column} IS NULL OR ${param} IS NULL OR ${column} = ${param})`;
    this.equipmentByCode = sqlite.prepare(`${eq} AND equipment_code = @equipmentCode`);
    this.equipmentByRegistrationCode = sqlite.prepare(
      `${eq} AND registration_code = @registrationCode AND ${agrees('equipment_code', '@equipmentCode')} ORDER BY created_at LIMIT 1`,
    );
    this.equipmentByRegistrationNo = sqlite.prepare(
      `${eq} AND unit_id = @unitId AND registration_no = @registrationNo AND ${agrees('equipment_code', '@equipmentCode')} AND ${agrees('registration_code', '@registrationCode')} ORDER BY created_at LIMIT 1`,
    );
    this.managerById = sqlite.prepare(`SELECT ${select(managerColumns)} FROM safety_managers WHERE id = ?`);
    this.unitById = sqlite.prepare<[string], string>(`SELECT name || '（' || uscc || '）' FROM units WHERE id = ?`).pluck();
    // A first import into an empty registry needs no per-row look-ups.
    this.equipmentEmpty = !sqlite.prepare(`SELECT 1 FROM equipment WHERE ${live} LIMIT 1`).get();
  }

  unit(districtId: string, uscc: string): ExistingRow | undefined {
    return this.unitByKey.get(districtId, uscc);
  }

  unitsWithUscc(uscc: string): UnitRef[] {
    return this.unitsByUscc.all(uscc);
  }

  /** 张家港市某某有限公司（91320582…）, or the id when the unit is gone */
  unitLabel(id: string): string {
    return this.unitById.get(id) ?? id;
  }

  unitsNamed(name: string): UnitRef[] {
    return this.unitsByName.all(name);
  }

  /** 设备代码, else 注册代码, else 使用登记证编号 within the unit. */
  equipment(values: EquipmentValues, unitId: string): ExistingRow | undefined {
    if (this.equipmentEmpty) return undefined;
    const params: EquipmentKeys = {
      equipmentCode: values.equipmentCode ?? null,
      registrationCode: values.registrationCode ?? null,
      registrationNo: values.registrationNo ?? null,
      unitId,
    };
    let found: ExistingRow | undefined;
    if (params.equipmentCode) found = this.equipmentByCode.get({ equipmentCode: params.equipmentCode });
    if (!found && params.registrationCode) found = this.equipmentByRegistrationCode.get({ registrationCode: params.registrationCode, equipmentCode: params.equipmentCode });
    if (!found && params.registrationNo) found = this.equipmentByRegistrationNo.get(params);
    return found;
  }

  /** 证书编号, else 身份证号 + 作业项目. Managers are few: their keys are loaded once. */
  manager(certificateNo: string | null | undefined, idNumber: string | null | undefined, itemCode: string | null | undefined): ExistingRow | undefined {
    if (!this.managers) {
      const byCertificate = new Map<string, string>();
      const byPersonItem = new Map<string, string>();
      const rows = this.sqlite
        .prepare<[], { id: string; c: string | null; p: string | null; i: string | null }>(
          'SELECT id, certificate_no AS c, id_number AS p, item_code AS i FROM safety_managers WHERE deleted_at IS NULL ORDER BY created_at',
        )
        .all();
      for (const r of rows) {
        if (r.c && !byCertificate.has(r.c)) byCertificate.set(r.c, r.id);
        if (r.p && r.i && !byPersonItem.has(`${r.i}\u0000${r.p}`)) byPersonItem.set(`${r.i}\u0000${r.p}`, r.id);
      }
      this.managers = { byCertificate, byPersonItem };
    }
    const id = certificateNo ? this.managers.byCertificate.get(certificateNo) : undefined;
    if (!id && idNumber && itemCode) {
      const candidate = this.managers.byPersonItem.get(`${itemCode}\u0000${idNumber}`);
      const row = candidate ? this.managerById.get(candidate) : undefined;
      // the same person and item under another certificate number is another certificate
      if (row && (!certificateNo || !row['certificateNo'] || row['certificateNo'] === certificateNo)) return row;
    }
    return id ? this.managerById.get(id) : undefined;
  }
}
