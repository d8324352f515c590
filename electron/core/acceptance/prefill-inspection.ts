import type { PrefillOutcome } from '../../api/schemas/acceptance.ts';
import type { EquipmentFact } from './prefill-facts.ts';

// 3.2 特种设备及其安全附件均按期检验: the pieces' next inspection dates and the safety
// accessories the ledger knows of. An accessory is a row of its own (种类 F000 安全附件,
// 7310 安全阀 …) or a date in a piece's extra columns (压力表下次检定日期, 安全阀校验有效期 …),
// which is how offices keep pressure gauges: the catalogue has no entry for them.

const MAX_DETAILS = 10;
const ACCESSORY_WORDS = ['压力表', '安全阀', '爆破片', '安全附件'];
const DUE_WORDS = ['下次', '有效期', '到期'];

export function listed(items: string[]): string[] {
  return items.length > MAX_DETAILS ? [...items.slice(0, MAX_DETAILS), `…… 等共 ${items.length} 项`] : items;
}

export function isAccessory(e: Pick<EquipmentFact, 'kindCode' | 'categoryCode'>): boolean {
  return e.kindCode === 'F000' || e.categoryCode === '7310';
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** YYYY-MM-DD from the ways a date reaches an extra column (2026-05-01, 2026/5/1, 2026年5月1日, an Excel serial). */
export function extraDate(text: string): string | null {
  const t = text.trim();
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(t);
  if (m) return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  if (/^\d{5}(\.\d+)?$/.test(t)) {
    const serial = Math.floor(Number(t));
    if (serial > 20000 && serial < 80000) return new Date(EXCEL_EPOCH + serial * 86_400_000).toISOString().slice(0, 10);
  }
  return null;
}

/** The accessory due dates kept as extra attributes of one piece. */
export function accessoryDueDates(extra: string | null | undefined): Array<{ name: string; date: string }> {
  if (!extra) return [];
  let values: unknown;
  try {
    values = JSON.parse(extra);
  } catch {
    return [];
  }
  if (!values || typeof values !== 'object') return [];
  const out: Array<{ name: string; date: string }> = [];
  for (const [key, value] of Object.entries(values as Record<string, unknown>)) {
    if (!ACCESSORY_WORDS.some((w) => key.includes(w)) || !DUE_WORDS.some((w) => key.includes(w))) continue;
    const date = typeof value === 'string' || typeof value === 'number' ? extraDate(String(value)) : null;
    if (date) out.push({ name: key, date });
  }
  return out;
}

export function inspectionOutcome(inUse: readonly EquipmentFact[], asOf: string): PrefillOutcome {
  const key = 'inspection';
  if (inUse.length === 0) return { key, outcome: 'unknown', summary: '台账中没有该单位的在用设备', details: [] };
  const pieces = inUse.filter((e) => !isAccessory(e));
  const accessoryRows = inUse.filter(isAccessory);
  const gauges = pieces.flatMap((e) => accessoryDueDates(e.extra).map((d) => ({ ...d, label: e.label })));

  const overdue = pieces.filter((e) => e.nextInspectionDate && e.nextInspectionDate < asOf).map((e) => `${e.label}（下次检验日期 ${e.nextInspectionDate}）`);
  const unknown = pieces.filter((e) => !e.nextInspectionDate).map((e) => e.label);
  const accessoriesOverdue = [
    ...accessoryRows.filter((e) => e.nextInspectionDate && e.nextInspectionDate < asOf).map((e) => `安全附件 ${e.label}（下次校验日期 ${e.nextInspectionDate}）`),
    ...gauges.filter((g) => g.date < asOf).map((g) => `${g.label} 的${g.name} ${g.date}`),
  ];
  const accessoriesUnknown = accessoryRows.filter((e) => !e.nextInspectionDate).map((e) => `安全附件 ${e.label}`);
  const accessories = accessoryRows.length + gauges.length;

  if (overdue.length > 0 || accessoriesOverdue.length > 0) {
    const parts = [
      ...(overdue.length > 0 ? [`有 ${overdue.length} 台在用设备超期未检`] : []),
      ...(accessoriesOverdue.length > 0 ? [`${overdue.length > 0 ? '另有 ' : '有 '}${accessoriesOverdue.length} 个安全附件超期未校验`] : []),
    ];
    return { key, outcome: 'fail', summary: parts.join('，'), details: listed([...overdue, ...accessoriesOverdue]) };
  }
  if (unknown.length > 0 || accessoriesUnknown.length > 0) {
    const n = unknown.length + accessoriesUnknown.length;
    return { key, outcome: 'unknown', summary: `无超期设备，但有 ${n} 台（个）没有下次检验（校验）日期`, details: listed([...unknown, ...accessoriesUnknown]) };
  }
  const accessoryPart = accessories > 0 ? `；安全附件 ${accessories} 个均在校验有效期内` : '；台账中没有安全附件（安全阀、压力表）的校验记录，请查阅校验报告';
  return { key, outcome: 'pass', summary: `在用设备 ${pieces.length} 台均在检验有效期内${accessoryPart}`, details: [] };
}
