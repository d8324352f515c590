import amusementV1 from '../../../resources/inspection-checklists/amusement-v1.json' with { type: 'json' };
import boilerV1 from '../../../resources/inspection-checklists/boiler-v1.json' with { type: 'json' };
import commonV1 from '../../../resources/inspection-checklists/common-v1.json' with { type: 'json' };
import craneV1 from '../../../resources/inspection-checklists/crane-v1.json' with { type: 'json' };
import elevatorV1 from '../../../resources/inspection-checklists/elevator-v1.json' with { type: 'json' };
import fieldVehicleV1 from '../../../resources/inspection-checklists/field-vehicle-v1.json' with { type: 'json' };
import pressurePipingV1 from '../../../resources/inspection-checklists/pressure-piping-v1.json' with { type: 'json' };
import pressureVesselV1 from '../../../resources/inspection-checklists/pressure-vessel-v1.json' with { type: 'json' };
import ropewayV1 from '../../../resources/inspection-checklists/ropeway-v1.json' with { type: 'json' };
import { AppError } from '../../api/errors.ts';
import { ChecklistFile } from '../../api/schemas/inspections.ts';
import { loadCatalogue } from '../catalogue/catalogue.ts';

// The checklists shipped in resources/inspection-checklists (bundled at build time):
// one per equipment kind, each starting with a pinned version of the common items.
// A new version is a new file (elevator-v2.json) added here; plans pin key and
// version, so an old plan keeps the list it was made with.

const files: Record<string, unknown> = {
  'common-v1.json': commonV1,
  'boiler-v1.json': boilerV1,
  'pressure-vessel-v1.json': pressureVesselV1,
  'pressure-piping-v1.json': pressurePipingV1,
  'elevator-v1.json': elevatorV1,
  'crane-v1.json': craneV1,
  'field-vehicle-v1.json': fieldVehicleV1,
  'amusement-v1.json': amusementV1,
  'ropeway-v1.json': ropewayV1,
};

export interface ShippedChecklist {
  key: string;
  version: number;
  name: string;
  equipmentKind: string | null;
  /** common items first (if the list names them), then its own */
  items: Array<{ code: string; text: string; basis: string | null }>;
}

/** Checks every file: the schema, the file name, unique item codes, a real kind code, an existing common list. */
export function parseShippedChecklists(raw: Record<string, unknown>): ShippedChecklist[] {
  const parsed = Object.entries(raw).map(([name, json]) => {
    const result = ChecklistFile.safeParse(json);
    if (!result.success) {
      throw new AppError('INTERNAL', `检查表模板 ${name} 格式不正确：${result.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('；')}`);
    }
    const file = result.data;
    if (name !== `${file.key}-v${file.version}.json`) throw new AppError('INTERNAL', `检查表模板 ${name} 的代号或版本与文件名不符（${file.key} v${file.version}）`);
    if (file.equipmentKind && loadCatalogue().get(file.equipmentKind)?.level !== 'kind') {
      throw new AppError('INTERNAL', `检查表模板 ${name} 的设备种类 ${file.equipmentKind} 不是目录中的种类代码`);
    }
    return { name, file };
  });
  const byId = new Map(parsed.map(({ file }) => [`${file.key}@${file.version}`, file]));
  return parsed.map(({ name, file }) => {
    const common = file.common ? byId.get(`${file.common.key}@${file.common.version}`) : undefined;
    if (file.common && (!common || common.common)) throw new AppError('INTERNAL', `检查表模板 ${name} 引用的通用检查项目 ${file.common.key} v${file.common.version} 不存在`);
    const items = [...(common?.items ?? []), ...file.items].map((i) => ({ code: i.code, text: i.text, basis: i.basis ?? null }));
    const seen = new Set<string>();
    for (const item of items) {
      if (seen.has(item.code)) throw new AppError('INTERNAL', `检查表模板 ${name} 的检查项目编号 ${item.code} 重复`);
      seen.add(item.code);
    }
    return { key: file.key, version: file.version, name: file.name, equipmentKind: file.equipmentKind, items };
  });
}

let cache: ShippedChecklist[] | null = null;

/** Every shipped checklist version, sorted by key and version. */
export function shippedChecklists(): ShippedChecklist[] {
  cache ??= parseShippedChecklists(files).sort((a, b) => a.key.localeCompare(b.key) || a.version - b.version);
  return cache;
}
