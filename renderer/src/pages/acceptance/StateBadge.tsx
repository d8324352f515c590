import { useTranslation } from 'react-i18next';
import type { AcceptanceState } from '../../../../electron/api/schemas/acceptance.ts';
import { Badge, type BadgeTone } from '../../components/Badge.tsx';

const tones: Record<AcceptanceState, BadgeTone> = {
  created: 'muted',
  self_check: 'info',
  district_review: 'info',
  city_review: 'warn',
  passed: 'ok',
  returned: 'danger',
  recheck: 'warn',
  revoked: 'muted',
};

export function StateBadge({ state }: { state: AcceptanceState }) {
  const { t } = useTranslation();
  return <Badge tone={tones[state]}>{t(`acceptance.state.${state}`)}</Badge>;
}
