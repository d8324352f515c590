import { z } from 'zod';
import { RiskLevel } from './risk.ts';

// 两项清单 (the seed's "two lists"): list 1 = using units with 20 or more pieces of
// special equipment in use, gas cylinders excluded (TSG 08-2017 §2.4.2.2.2);
// list 2 = their safety managers with a valid A certificate on the list date.

/**
 * kind code → counted pieces, checked where it stands rather than rebuilt: z.record copies an
 * object key by key, and V8 turns an object given integer-like keys ('3000') one by one into a
 * slow sparse array, which made checking a district's list 1 cost ~20 µs a unit (a third of lists.get).
 */
const KindCounts = z.custom<Record<string, number>>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((n) => Number.isInteger(n)),
  { message: 'countsByKind: kind code → whole number of pieces' },
);

export const ListedUnit = z.object({
  unitId: z.string(),
  uscc: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  /** pieces counted for the screening (status and exclusions from the settings) */
  count: z.number().int(),
  countsByKind: KindCounts,
  /** at 50+ a safety management body is required */
  needsSafetyBody: z.boolean(),
  /** number of valid A-certificate managers; 0 is a problem to show */
  managerCount: z.number().int(),
  /** the unit's current 风险等级 and score (issue 19): today's, whatever the list date */
  riskLevel: RiskLevel.nullable(),
  riskScore: z.number().int().nullable(),
});

export const ListedManager = z.object({
  managerId: z.string(),
  certificateNo: z.string().nullable(),
  name: z.string(),
  uscc: z.string(),
  unitName: z.string(),
  idNumberMasked: z.string().nullable(),
  itemCode: z.string(),
  issuedDate: z.string().nullable(),
  expiryDate: z.string().nullable(),
  phoneMasked: z.string().nullable(),
});

export const TwoLists = z.object({
  asOf: z.string(),
  /** the district named in the title row (this node's district, or 全市 on the bureau) */
  districtName: z.string(),
  /** the title rows as printed and exported: issuing authority and the two list titles */
  titles: z.object({ authority: z.string(), units: z.string(), managers: z.string() }),
  threshold: z.number().int(),
  units: z.array(ListedUnit),
  managers: z.array(ListedManager),
  countsByKind: z.array(z.object({ kindCode: z.string(), kindName: z.string(), count: z.number().int() })),
});
export type TwoLists = z.infer<typeof TwoLists>;
