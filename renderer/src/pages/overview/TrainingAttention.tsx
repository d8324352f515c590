import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useAppContext } from '../../app/app-context.ts';
import { useLoad } from '../../components/useLoad.ts';
import { hrefFor } from '../../router/hash-router.ts';
import { StatCard } from './StatCard.tsx';

type Figures = { unpublished: number; expiring: number };

/**
 * 培训考核 on the overview: the exams whose results are not yet published (training
 * centre and districts that examine) and the supervisors whose certificates run out
 * within the warning period; nothing is shown where there is nothing of the kind.
 */
export function TrainingAttention() {
  const { t } = useTranslation();
  const { node } = useAppContext();
  const { value: figures } = useLoad(
    () =>
      Promise.all([api.call('training.exams', {}), api.call('training.pool', { expiringWithin: true })]).then(
        ([exams, expiring]): Figures => {
          const own = exams.filter((e) => e.originNode === node.id);
          return { unpublished: own.filter((e) => e.resultsState === 'draft' || e.resultsState === 'unlocked').length, expiring: expiring.length };
        },
        // the registry's numbers above stand on their own; this part is left out if it cannot be read
        () => null,
      ),
    [node.id],
  );

  if (!figures || (node.role !== 'training' && figures.unpublished + figures.expiring === 0)) return null;
  return (
    <div className="stat-row" data-testid="training-attention">
      <StatCard testId="stat-unpublished" tone="warn" value={figures.unpublished} unit={t('overview.unitExams')} label={t('overview.unpublishedExams')} href={hrefFor('training', { tab: 'exams' })} />
      <StatCard testId="stat-supervisors-expiring" tone="warn" value={figures.expiring} unit={t('overview.unitPeople')} label={t('overview.supervisorsExpiring')} href={hrefFor('training', { tab: 'pool' })} />
    </div>
  );
}
