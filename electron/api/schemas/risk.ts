import { z } from 'zod';
import { Id } from './common.ts';

// 风险分级管控 (issue 19): each unit's risk level from a transparent, versioned
// scoring of facts the node holds (electron/core/risk).

/** 高 / 较高 / 一般 / 低 */
export const RiskLevel = z.enum(['high', 'elevated', 'general', 'low'], { message: '风险等级应为高、较高、一般或低' });
export type RiskLevel = z.infer<typeof RiskLevel>;
export const riskLevels = RiskLevel.options;

const Points = (what: string) => z.number({ message: `${what}应为整数` }).int(`${what}应为整数`).min(0, `${what}不能为负数`).max(100, `${what}不能超过 100 分`);
const Cap = (what: string) => z.number({ message: `${what}应为整数` }).int(`${what}应为整数`).min(0, `${what}不能为负数`).max(1000, `${what}不能超过 1000 分`);
const KindCode = z.string().regex(/^[0-9A-Z]{4}$/, '设备种类代码应为 4 位，如 1000');

/**
 * The scoring rule: points per fact, caps, and the score bands of the levels. Every
 * weight is a setting; a saved change becomes a new version (risk_rules).
 */
export const RiskRuleBody = z
  .object({
    /** score ≥ high → 高, ≥ elevated → 较高, ≥ general → 一般, else 低 */
    thresholds: z.object({ high: Cap('“高”的分数线').meta({ label: '“高”的分数线' }), elevated: Cap('“较高”的分数线').meta({ label: '“较高”的分数线' }), general: Cap('“一般”的分数线').meta({ label: '“一般”的分数线' }) }).meta({ label: '分数线' }),
    /** in-use pieces past their next inspection date */
    overdueInspection: z.object({ perPiece: Points('每台超期未检设备的分值').meta({ label: '每台设备的分值' }), max: Cap('超期未检的最高分').meta({ label: '最高分' }) }).meta({ label: '逾期未检' }),
    /** hazards not yet closed, and those of them past their rectification deadline (added on top) */
    hazards: z.object({
      openGeneral: Points('每处未闭环一般隐患的分值').meta({ label: '每处未闭环一般隐患的分值' }),
      openMajor: Points('每处未闭环重大隐患的分值').meta({ label: '每处未闭环重大隐患的分值' }),
      overdueGeneral: Points('每处逾期一般隐患的加分').meta({ label: '每处逾期一般隐患的加分' }),
      overdueMajor: Points('每处逾期重大隐患的加分').meta({ label: '每处逾期重大隐患的加分' }),
      max: Cap('隐患的最高分').meta({ label: '最高分' }),
    }).meta({ label: '隐患' }),
    /** in-use pieces of the heavier kinds (锅炉, 压力容器, 压力管道, 大型游乐设施, 客运索道), by kind code */
    heavyKinds: z.object({
      perPiece: z.record(KindCode, Points('每台设备的分值')).meta({ label: '每台设备的分值' }),
      max: Cap('重点设备的最高分').meta({ label: '最高分' }),
      /** codes not counted (气瓶 2300 by default: cylinders number in the hundreds) */
      excludedCodes: z.array(KindCode).max(20).meta({ label: '不计入的设备类别' }),
    }).meta({ label: '重点设备' }),
    /** total in-use pieces: the highest band reached counts */
    sizeBands: z.array(z.object({ min: z.number().int().min(1, '台数下限至少为 1').max(100000).meta({ label: '台数下限' }), points: Points('台数分档的分值').meta({ label: '分值' }) })).max(10, '最多 10 个分档').meta({ label: '台数分档' }),
    /** a list-1 unit (20+ pieces) without a manager holding a valid A certificate */
    noValidAManager: Points('无有效 A 证安全管理员的分值').meta({ label: '无有效 A 证安全管理员的分值' }),
    /** a demonstration unit that passed acceptance: points taken off */
    demoPassed: Points('示范单位的减分').meta({ label: '示范单位的减分' }),
    /** complaints found true (查实 or 部分查实) in the last N months */
    complaints: z.object({ perComplaint: Points('每件查实投诉的分值').meta({ label: '每件查实投诉的分值' }), max: Cap('投诉举报的最高分').meta({ label: '最高分' }), months: z.number().int().min(1, '统计月数至少为 1').max(60, '统计月数不能超过 60').meta({ label: '统计月数' }) }).meta({ label: '查实投诉' }),
  })
  .superRefine((r, ctx) => {
    const { high, elevated, general } = r.thresholds;
    if (!(high > elevated && elevated > general && general > 0)) {
      ctx.addIssue({ code: 'custom', path: ['thresholds'], message: '分数线应满足：高 > 较高 > 一般 > 0' });
    }
    const mins = r.sizeBands.map((b) => b.min);
    if (new Set(mins).size !== mins.length) ctx.addIssue({ code: 'custom', path: ['sizeBands'], message: '台数分档的下限不能重复' });
  });
export type RiskRuleBody = z.infer<typeof RiskRuleBody>;

export const RiskRule = z.object({
  version: z.number().int(),
  rule: RiskRuleBody,
  createdAt: z.string().nullable(),
  createdBy: z.string().nullable(),
  note: z.string().nullable(),
});
export type RiskRule = z.infer<typeof RiskRule>;

export const RiskRuleUpdate = z.object({
  rule: RiskRuleBody.meta({ label: '评分规则' }),
  note: z.string().trim().max(200, '修改说明不能超过 200 个字符').optional().meta({ label: '说明' }),
});

/** One line of a score's breakdown: which fact, what it is at this unit, how many points it gave. */
export const RiskFactor = z.object({
  /** stable code of the factor (overdue-inspection, hazard-open-major …) */
  code: z.string(),
  /** 超期未检设备 */
  factor: z.string(),
  /** 3 台（每台 5 分，最多 30 分） */
  fact: z.string(),
  points: z.number().int(),
});
export type RiskFactor = z.infer<typeof RiskFactor>;

export const UnitRisk = z.object({
  unitId: Id,
  unitName: z.string(),
  districtId: Id,
  districtName: z.string(),
  score: z.number().int(),
  level: RiskLevel,
  ruleVersion: z.number().int(),
  /** the date the facts were read for */
  asOf: z.string(),
  computedAt: z.string(),
  breakdown: z.array(RiskFactor),
});
export type UnitRisk = z.infer<typeof UnitRisk>;

export const RiskLevelCounts = z.object({ high: z.number().int(), elevated: z.number().int(), general: z.number().int(), low: z.number().int() });
export type RiskLevelCounts = z.infer<typeof RiskLevelCounts>;

export const RiskDistribution = z.object({
  asOf: z.string(),
  ruleVersion: z.number().int(),
  /** null: the whole city (the bureau), else one district */
  districtId: Id.nullable(),
  counts: RiskLevelCounts,
  /** the last 12 months with a stored snapshot, oldest first; the current month as it is now */
  months: z.array(RiskLevelCounts.extend({ month: z.string(), ruleVersions: z.array(z.number().int()) })),
});
export type RiskDistribution = z.infer<typeof RiskDistribution>;

export const RiskRefreshOutput = z.object({
  /** 'full' (new day, rule or screening settings), 'changed' (units whose facts changed) or 'none' */
  mode: z.enum(['full', 'changed', 'none']),
  units: z.number().int(),
  ms: z.number(),
});
