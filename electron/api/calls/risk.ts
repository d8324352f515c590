import { z } from 'zod';
import { anyNode, call, districtAndBureau } from '../call-spec.ts';
import { Empty, Id } from '../schemas/common.ts';
import { RiskDistribution, RiskRefreshOutput, RiskRule, RiskRuleUpdate, UnitRisk } from '../schemas/risk.ts';

// 风险分级管控 (issue 19): see schemas/risk.ts. The unit grid filters and sorts by level
// through units.query (riskLevels, sort riskScore).
export const riskCalls = {
  'risk.unit': call(z.object({ unitId: Id.meta({ label: '使用单位' }) }), UnitRisk, '一家使用单位的风险等级、得分明细和所用的评分规则版本', anyNode),
  'risk.distribution': call(z.object({ districtId: Id.optional().meta({ label: '所属分局' }) }), RiskDistribution, '风险等级分布（高 / 较高 / 一般 / 低）及近 12 个月的逐月变化', districtAndBureau('风险分级')),
  'risk.rule': call(Empty, RiskRule, '当前的风险评分规则（权重、上限、分数线）及其版本号', anyNode),
  'risk.ruleVersions': call(Empty, z.array(RiskRule), '风险评分规则的全部版本（新的在前）', anyNode),
  'risk.updateRule': call(RiskRuleUpdate, RiskRule, '修改风险评分规则：保存为新版本，全部单位按新版本重新评分', anyNode),
  'risk.refresh': call(z.object({ full: z.boolean().default(false).meta({ label: '全量' }) }), RiskRefreshOutput, '立即重新评分（数据变化的单位，或 full: true 时全部单位），返回评分单位数和用时', anyNode),
} as const;
