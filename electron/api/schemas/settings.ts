import { z } from 'zod';

const statuses = z.enum(['in_use', 'stopped', 'scrapped', 'cancelled']);

// The fields without defaults: an update names only what changes. (zod 4 applies a
// field's default even inside .partial(), so a partial of the defaulted shape would
// silently reset every field the user did not send.)
const registryFields = {
  /** TSG 08-2017: 20 or more pieces → a full-time certified safety manager */
  screeningThreshold: z.number().int().min(1, '筛查台数应在 1 到 10000 之间').max(10_000, '筛查台数应在 1 到 10000 之间'),
  /** statuses that count toward the screening (default: 在用 only) */
  countedStatuses: z.array(statuses).min(1, '至少选择一种计入的设备状态').max(4),
  /** catalogue codes excluded from the count, with everything below them (default: 2300 气瓶) */
  excludedCodes: z.array(z.string().regex(/^[0-9A-Z]{4}$/, '设备代码应为 4 位，如 2300')).max(50),
  /** 50 or more pieces → a safety management body */
  safetyBodyThreshold: z.number().int().min(1, '设置安全管理机构的台数应在 1 到 10000 之间').max(10_000, '设置安全管理机构的台数应在 1 到 10000 之间'),
  /** next inspection within this many days → 临期 */
  dueSoonDays: z.number().int().min(1, '临期天数应在 1 到 365 之间').max(365, '临期天数应在 1 到 365 之间'),
  /** certificate expiring within this many days → flagged */
  certificateExpiringDays: z.number().int().min(1, '证书到期提醒天数应在 1 到 365 之间').max(365, '证书到期提醒天数应在 1 到 365 之间'),
};

/** Numbers DOMAIN.md calls settings, with its defaults. */
export const RegistrySettings = z.object({
  screeningThreshold: registryFields.screeningThreshold.default(20),
  countedStatuses: registryFields.countedStatuses.default(['in_use']),
  excludedCodes: registryFields.excludedCodes.default(['2300']),
  safetyBodyThreshold: registryFields.safetyBodyThreshold.default(50),
  dueSoonDays: registryFields.dueSoonDays.default(30),
  certificateExpiringDays: registryFields.certificateExpiringDays.default(90),
});
export type RegistrySettings = z.infer<typeof RegistrySettings>;

export const Settings = z.object({ registry: RegistrySettings });
export const SettingsUpdateInput = z.object({ registry: z.object(registryFields).partial().strict() });
