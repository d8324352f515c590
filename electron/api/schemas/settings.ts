import { z } from 'zod';

/** Numbers DOMAIN.md calls settings, with its defaults. */
export const RegistrySettings = z.object({
  /** TSG 08-2017: 20 or more pieces → a full-time certified safety manager */
  screeningThreshold: z.number().int().min(1).max(10_000).default(20),
  /** statuses that count toward the screening (default: 在用 only) */
  countedStatuses: z.array(z.enum(['in_use', 'stopped', 'scrapped', 'cancelled'])).min(1).default(['in_use']),
  /** catalogue codes excluded from the count, with everything below them (default: 2300 气瓶) */
  excludedCodes: z.array(z.string().regex(/^[0-9A-Z]{4}$/)).default(['2300']),
  /** 50 or more pieces → a safety management body */
  safetyBodyThreshold: z.number().int().min(1).max(10_000).default(50),
  /** next inspection within this many days → 临期 */
  dueSoonDays: z.number().int().min(1).max(365).default(30),
  /** certificate expiring within this many days → flagged */
  certificateExpiringDays: z.number().int().min(1).max(365).default(90),
});
export type RegistrySettings = z.infer<typeof RegistrySettings>;

export const Settings = z.object({ registry: RegistrySettings });
export const SettingsUpdateInput = z.object({ registry: RegistrySettings.partial() });
