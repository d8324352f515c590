// Bulk-inserts a model straight into a QKL database, bypassing the importer: for grid
// benchmarks and e2e of the registry and lists. One transaction of prepared statements;
// no audit entries (this is test data, not a user's change).
import type Database from 'better-sqlite3';
import { loadCatalogue } from '../../electron/core/catalogue/catalogue.ts';
import { newId } from '../../electron/core/ids.ts';
import { nameInitials } from '../../electron/core/pinyin.ts';
import { registerSqlFunctions } from '../../db/functions.ts';
import type { EquipmentStatus, SampleModel } from './model.ts';

export const STATUS_VALUES: Readonly<Record<EquipmentStatus, 'in_use' | 'stopped' | 'scrapped' | 'cancelled'>> = {
  在用: 'in_use',
  停用: 'stopped',
  报废: 'scrapped',
  注销: 'cancelled',
};

export interface InsertOptions {
  /** this node's id (origin_node of every row) */
  nodeId: string;
  districtId: string;
  /** created_at / updated_at of the first row; later rows are 1 ms apart so the grids' default order is stable */
  now?: Date;
}

export interface InsertResult {
  units: number;
  equipment: number;
  managers: number;
  /** ids of the inserted units, by unit index of the model */
  unitIds: string[];
}

export function insertModel(sqlite: Database.Database, model: SampleModel, options: InsertOptions): InsertResult {
  const base = (options.now ?? new Date()).getTime();
  let tick = 0;
  const stamp = () => new Date(base + tick++).toISOString();
  const catalogue = loadCatalogue();
  // the name_sort triggers call it; the e2e helper opens the file directly
  registerSqlFunctions(sqlite);

  const unit = sqlite.prepare(
    `INSERT INTO units (id, origin_node, created_at, updated_at, district_id, name, name_initials, uscc, address, industry)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const piece = sqlite.prepare(
    `INSERT INTO equipment (id, origin_node, created_at, updated_at, unit_id, equipment_code, registration_code, registration_no,
       kind_code, category_code, variety_code, category_raw, status, location, last_inspection_date, next_inspection_date,
       internal_no, model, product_no, manufacturer, commissioned_date, extra)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const manager = sqlite.prepare(
    `INSERT INTO safety_managers (id, origin_node, created_at, updated_at, unit_id, name, name_initials, id_number, item_code,
       certificate_no, issued_date, expiry_date, phone)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  const run = sqlite.transaction(() => {
    const unitIds = model.units.map((u) => {
      const id = newId();
      const at = stamp();
      unit.run(id, options.nodeId, at, at, options.districtId, u.name, nameInitials(u.name), u.uscc, u.address, u.industry);
      return id;
    });
    for (const e of model.equipment) {
      const at = stamp();
      // the ledger's own wording of the most specific level, as an import would keep it
      const raw = catalogue.get(e.varietyCode ?? e.categoryCode)?.name ?? null;
      const extra: Record<string, string> = {};
      if (e.maintainer) extra['维保单位'] = e.maintainer;
      if (e.remark) extra['备注'] = e.remark;
      piece.run(
        newId(), options.nodeId, at, at, unitIds[e.unitIndex], e.equipmentCode, e.registrationCode, e.registrationNo,
        e.kindCode, e.categoryCode, e.varietyCode, raw, STATUS_VALUES[e.status], e.location, e.lastInspectionDate, e.nextInspectionDate,
        e.internalNo, e.model, e.productNo, e.manufacturer, e.commissionedDate, Object.keys(extra).length ? JSON.stringify(extra) : null,
      );
    }
    for (const m of model.managers) {
      const at = stamp();
      manager.run(
        newId(), options.nodeId, at, at, unitIds[m.unitIndex], m.name, nameInitials(m.name), m.idNumber, m.itemCode,
        m.certificateNo, m.issuedDate, m.expiryDate, m.phone,
      );
    }
    return unitIds;
  });
  const unitIds = run();
  return { units: model.units.length, equipment: model.equipment.length, managers: model.managers.length, unitIds };
}
