import type { TFunction } from 'i18next';
import type { PlanSummary, TeamMember } from '../../../../electron/api/schemas/inspections.ts';
import type { KindCode } from '../equipment/kinds.ts';

// How plans and teams are named in grids, views and print.

export function period(start: string, end: string): string {
  return start === end ? start : `${start} 至 ${end}`;
}

export function teamNames(team: readonly TeamMember[]): string {
  return team.map((m) => m.name).join('、');
}

export function scopeLabel(t: TFunction, plan: Pick<PlanSummary, 'scopeKind' | 'scopeBlockName' | 'scopeEquipmentKind' | 'unitCount'> & { scopeRiskLevels?: PlanSummary['scopeRiskLevels'] }): string {
  if (plan.scopeKind === 'block') return `${t('inspections.scopeKind.block')}：${plan.scopeBlockName ?? ''}`;
  if (plan.scopeKind === 'equipment_kind') return `${t('inspections.scopeKind.equipment_kind')}：${plan.scopeEquipmentKind ? kindName(t, plan.scopeEquipmentKind) : ''}`;
  if (plan.scopeKind === 'risk_level') {
    return `${t('inspections.scopeKind.risk_level')}：${(plan.scopeRiskLevels ?? []).map((l) => t(`risk.level.${l}`)).join('、')}（${plan.unitCount} 家）`;
  }
  return `${t('inspections.scopeKind.units')}（${plan.unitCount} 家）`;
}

export function kindName(t: TFunction, code: string): string {
  return t(`catalogue.kind.${code as KindCode}`);
}
