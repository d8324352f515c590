import { useTranslation } from 'react-i18next';
import type { HazardLevel, HazardState } from '../../../../electron/api/schemas/hazards.ts';
import { Badge, type BadgeTone } from '../../components/Badge.tsx';

const tones: Record<HazardState, BadgeTone> = {
  found: 'warn',
  ordered: 'info',
  rectifying: 'info',
  submitted: 'info',
  reviewing: 'warn',
  closed: 'ok',
  archived: 'muted',
};

export function HazardStateBadge({ state }: { state: HazardState }) {
  const { t } = useTranslation();
  return <Badge tone={tones[state]}>{t(`hazards.state.${state}`)}</Badge>;
}

export function HazardLevelBadge({ level }: { level: HazardLevel }) {
  const { t } = useTranslation();
  return <Badge tone={level === 'major' ? 'danger' : 'muted'}>{t(`hazards.level.${level}`)}</Badge>;
}
