import { useTranslation } from 'react-i18next';
import type { RiskLevel } from '../../../../electron/api/schemas/risk.ts';
import { Badge, type BadgeTone } from '../../components/Badge.tsx';

export const riskTone: Record<RiskLevel, BadgeTone> = { high: 'danger', elevated: 'warn', general: 'info', low: 'ok' };
/** The four levels, highest first, as every list, filter and chart orders them. */
export const riskLevelOrder: readonly RiskLevel[] = ['high', 'elevated', 'general', 'low'];
/** Chart colours of the levels (red, orange, blue, green) */
export const riskColor: Record<RiskLevel, string> = { high: '#c0392b', elevated: '#e08e0b', general: '#2f6fb5', low: '#3d8b4f' };

/** 高 / 较高 / 一般 / 低 in its colour, with the score when given. */
export function RiskBadge({ level, score }: { level: RiskLevel | null; score?: number | null }) {
  const { t } = useTranslation();
  if (!level) return null;
  const word = t(`risk.level.${level}`);
  return <Badge tone={riskTone[level]}>{score == null ? word : t('risk.scored', { level: word, score })}</Badge>;
}
