import { useTranslation } from 'react-i18next';
import type { Block, BlockMember } from '../../../../electron/api/schemas/blocks.ts';
import { formatDate } from '../../format/time.ts';
import { hrefFor } from '../../router/hash-router.ts';
import { supervisorText } from './BlockDialog.tsx';
import { ProblemBadges } from './ProblemBadges.tsx';
import { RiskBadge } from '../risk/RiskBadge.tsx';

interface BlockCardProps {
  block: Block;
  onEdit: (block: Block) => void;
  onHistory: (block: Block) => void;
  onDissolve: (block: Block) => void;
  /** on the bureau, whose board holds every district's blocks */
  showDistrict?: boolean;
}

/** One block on the board: members (lead ★), inspectors, supervisors, equipment in use, overdue inspections, problems. */
export function BlockCard({ block, onEdit, onHistory, onDissolve, showDistrict = false }: BlockCardProps) {
  const { t } = useTranslation();
  const titleId = `block-${block.id}`;
  const lead = block.members.find((m) => m.isLead);
  const hasErrors = block.problems.some((p) => p.severity === 'error');
  return (
    <article
      className={`block-card${hasErrors ? ' block-card-problem' : ''}${block.dissolvedAt ? ' block-card-dissolved' : ''}`}
      aria-labelledby={titleId}
      data-testid="block-card"
      data-block-name={block.name}
    >
      <header className="block-card-head">
        <h2 id={titleId} className="block-card-title">
          {block.name}
        </h2>
        {block.schedule && <span className="tag tag-info">{block.schedule}</span>}
        {block.activitiesOverdue > 0 && (
          <a className="badge badge-danger" data-testid="block-activities-overdue" href={hrefFor('blocks', { block: block.id })}>
            {t('routine.cardOverdue', { count: block.activitiesOverdue })}
          </a>
        )}
        {showDistrict && <span className="muted">{block.districtName}</span>}
      </header>
      {block.dissolvedAt && <p className="muted">{t('blocks.card.dissolvedOn', { date: formatDate(block.dissolvedAt), reason: block.dissolvedReason ?? '' })}</p>}
      <div className="block-card-stats">
        <span data-testid="block-member-count">{t('blocks.card.members', { count: block.members.length })}</span>
        <span data-testid="block-equipment">{t('blocks.card.equipment', { count: block.equipmentInUse })}</span>
        <span data-testid="block-overdue" className={block.overdueCount > 0 ? 'text-danger' : undefined}>
          {t('blocks.card.overdue', { count: block.overdueCount })}
        </span>
      </div>
      <dl className="block-card-facts">
        <dt>{t('blocks.card.lead')}</dt>
        <dd data-testid="block-lead">
          {lead ? (
            <>
              {`★ ${lead.name}`} <DemoTag state={lead.demoState} />
            </>
          ) : (
            <span className="text-danger">{t('blocks.card.noLead')}</span>
          )}
        </dd>
        <dt>{t('blocks.card.inspectors')}</dt>
        <dd data-testid="block-inspectors">
          {block.inspectors.length === 0 ? (
            <span className="text-danger">{t('blocks.card.noInspector')}</span>
          ) : (
            block.inspectors.map((i) => `${i.name}${i.active ? '' : t('blocks.card.inactive')}`).join('、')
          )}
        </dd>
        {block.scheduleRules.length > 0 && (
          <>
            <dt>{t('blocks.card.schedule')}</dt>
            <dd data-testid="block-schedule-rules">{block.scheduleRules.join('；')}</dd>
          </>
        )}
        {block.supervisors.length > 0 && (
          <>
            <dt>{t('blocks.card.supervisors')}</dt>
            <dd data-testid="block-supervisors">{block.supervisors.map((s) => `${s.name}（${supervisorText(t, s.supervisorCertificate)}）`).join('、')}</dd>
          </>
        )}
      </dl>
      <ul className="block-members" aria-label={t('blocks.dialog.members')}>
        {block.members.map((m) => (
          <li key={m.unitId} className={m.isLead ? 'block-member-lead' : undefined}>
            <span className="block-member-name">
              {m.isLead && (
                <span className="lead-star" title={t('blocks.card.leadMark')} aria-label={t('blocks.card.leadMark')}>
                  ★
                </span>
              )}
              {m.name}
              {!m.isLead && <DemoTag state={m.demoState} />}
            </span>
            <span className="block-member-figures">
              <RiskBadge level={m.riskLevel} score={m.riskScore} />
              <span className="muted">{t('blocks.card.equipmentShort', { count: m.equipmentInUse })}</span>
              {m.overdueCount > 0 && <span className="text-danger">{t('blocks.card.overdueShort', { count: m.overdueCount })}</span>}
              {m.validManagerCount === 0 && <span className="text-danger">{t('blocks.card.noManager')}</span>}
            </span>
          </li>
        ))}
      </ul>
      <ProblemBadges problems={block.problems} />
      <div className="block-card-actions">
        <a className="button" href={hrefFor('blocks', { block: block.id })} aria-label={`${t('routine.open')}：${block.name}`}>
          {t('routine.open')}
        </a>
        {block.editable && (
          <button type="button" className="button" onClick={() => onEdit(block)}>
            {t('blocks.card.edit')}
          </button>
        )}
        <button type="button" className="button" onClick={() => onHistory(block)}>
          {t('blocks.card.history')}
        </button>
        {block.editable && (
          <button type="button" className="button" onClick={() => onDissolve(block)}>
            {t('blocks.card.dissolve')}
          </button>
        )}
      </div>
    </article>
  );
}

/** Whether a unit is an accepted 示范单位, or how far its acceptance file is; nothing without a file. */
function DemoTag({ state }: { state: BlockMember['demoState'] }) {
  const { t } = useTranslation();
  if (!state || state === 'revoked') return null;
  if (state === 'passed') return <span className="tag tag-ok" data-testid="demo-tag">{t('blocks.card.demoPassed')}</span>;
  return <span className="tag tag-info" data-testid="demo-tag">{t('blocks.card.demoInProgress', { state: t(`acceptance.state.${state}`) })}</span>;
}
