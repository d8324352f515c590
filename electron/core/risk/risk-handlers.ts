import type { riskCalls } from '../../api/calls/risk.ts';
import type { HandlerGroup } from '../handler-types.ts';
import { ensureRiskFresh } from './refresh.ts';
import { riskDistribution, unitRisk } from './risk-read.ts';
import { currentRule, ruleVersions, updateRule } from './rule.ts';

export const riskHandlers: HandlerGroup<keyof typeof riskCalls> = {
  'risk.unit': (ctx, input) => unitRisk(ctx, input.unitId),
  'risk.distribution': riskDistribution,
  'risk.rule': (ctx) => currentRule(ctx),
  'risk.ruleVersions': (ctx) => ruleVersions(ctx),
  'risk.updateRule': (ctx, input) => {
    const rule = updateRule(ctx, input);
    // every unit is rescored with the new version at once, so the next page shows it
    ensureRiskFresh(ctx);
    return rule;
  },
  'risk.refresh': (ctx, input) => ensureRiskFresh(ctx, { force: input.full }),
};
