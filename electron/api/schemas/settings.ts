import { z } from 'zod';

const statuses = z.enum(['in_use', 'stopped', 'scrapped', 'cancelled']);

/** A periodic-inspection interval: a catalogue code (kind, category or variety; the most specific one applies) and months. */
export const InspectionInterval = z.object({
  code: z.string().regex(/^[0-9A-Z]{4}$/, '设备代码应为 4 位，如 3000').meta({ label: '设备类别代码' }),
  months: z.number().int().min(1, '检验周期应在 1 到 120 个月之间').max(120, '检验周期应在 1 到 120 个月之间').meta({ label: '统计月数' }),
});
export type InspectionInterval = z.infer<typeof InspectionInterval>;

/**
 * Used only when a piece has a last inspection date and no recorded next one.
 * Boilers: the yearly external inspection. Fixed pressure vessels: within 3 years
 * at first, then by safety grade (3 years taken). Cranes: bridge, gantry and
 * parking equipment every 2 years, the rest (tower, hoists, mobile, or a crane of
 * unknown category) yearly. 7310 安全阀 sits under F000 in the catalogue.
 */
export const defaultInspectionIntervals: InspectionInterval[] = [
  { code: '1000', months: 12 },
  { code: '2100', months: 36 },
  { code: '3000', months: 12 },
  { code: '4000', months: 12 },
  { code: '4100', months: 24 },
  { code: '4200', months: 24 },
  { code: '4D00', months: 24 },
  { code: '5000', months: 12 },
  { code: '6000', months: 12 },
  { code: '8000', months: 36 },
  { code: '9000', months: 12 },
  { code: '7310', months: 12 },
];

// The fields without defaults: an update names only what changes. (zod 4 applies a
// field's default even inside .partial(), so a partial of the defaulted shape would
// silently reset every field the user did not send.)
const registryFields = {
  /** TSG 08-2017: 20 or more pieces → a full-time certified safety manager */
  screeningThreshold: z.number().int().min(1, '筛查台数应在 1 到 10000 之间').max(10_000, '筛查台数应在 1 到 10000 之间').meta({ label: '筛查台数' }),
  /** statuses that count toward the screening (default: 在用 only) */
  countedStatuses: z.array(statuses).min(1, '至少选择一种计入的设备状态').max(4).meta({ label: '计入的设备状态' }),
  /** catalogue codes excluded from the count, with everything below them (default: 2300 气瓶) */
  excludedCodes: z.array(z.string().regex(/^[0-9A-Z]{4}$/, '设备代码应为 4 位，如 2300')).max(50).meta({ label: '不计入的设备类别' }),
  /** 50 or more pieces → a safety management body */
  safetyBodyThreshold: z.number().int().min(1, '设置安全管理机构的台数应在 1 到 10000 之间').max(10_000, '设置安全管理机构的台数应在 1 到 10000 之间').meta({ label: '需设安全管理机构的台数' }),
  /** next inspection within this many days → 临期 */
  dueSoonDays: z.number().int().min(1, '临期天数应在 1 到 365 之间').max(365, '临期天数应在 1 到 365 之间').meta({ label: '临期天数' }),
  /** certificate expiring within this many days → flagged */
  certificateExpiringDays: z.number().int().min(1, '证书到期提醒天数应在 1 到 365 之间').max(365, '证书到期提醒天数应在 1 到 365 之间').meta({ label: '证书到期提醒天数' }),
  /** periodic-inspection intervals for a next date derived from the last one (推算) */
  inspectionIntervals: z.array(InspectionInterval).max(100, '检验周期最多 100 条').meta({ label: '检验周期' }),
};

/** The numbers docs/DOMAIN.md makes settings ("两项清单 and the other thresholds"), with their defaults. */
export const RegistrySettings = z.object({
  screeningThreshold: registryFields.screeningThreshold.default(20),
  countedStatuses: registryFields.countedStatuses.default(['in_use']),
  excludedCodes: registryFields.excludedCodes.default(['2300']),
  safetyBodyThreshold: registryFields.safetyBodyThreshold.default(50),
  dueSoonDays: registryFields.dueSoonDays.default(30),
  certificateExpiringDays: registryFields.certificateExpiringDays.default(90),
  inspectionIntervals: registryFields.inspectionIntervals.default(() => defaultInspectionIntervals.map((r) => ({ ...r }))),
});
export type RegistrySettings = z.infer<typeof RegistrySettings>;

export const Settings = z.object({ registry: RegistrySettings });
export const SettingsUpdateInput = z.object({ registry: z.object(registryFields).partial().strict().meta({ label: '台账设置' }) });
