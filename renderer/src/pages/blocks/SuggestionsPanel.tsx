import { useTranslation } from 'react-i18next';
import type { BlockProposal, BlockSuggestions } from '../../../../electron/api/schemas/blocks.ts';
import { ProblemBadges } from './ProblemBadges.tsx';

interface SuggestionsPanelProps {
  suggestions: BlockSuggestions;
  dismissed: ReadonlySet<string>;
  canAccept: boolean;
  onAccept: (proposal: BlockProposal) => void;
  onDismiss: (proposal: BlockProposal) => void;
}

/** 智能分组建议: proposals only, each edited and confirmed in the block dialog before anything is created. */
export function SuggestionsPanel({ suggestions, dismissed, canAccept, onAccept, onDismiss }: SuggestionsPanelProps) {
  const { t } = useTranslation();
  const shown = suggestions.proposals.filter((p) => !dismissed.has(p.key));
  return (
    <section className="panel suggestions" aria-labelledby="suggestions-title" data-testid="suggestions">
      <h2 id="suggestions-title" className="section-title">
        {t('blocks.suggestions.title')}
      </h2>
      {suggestions.proposals.length === 0 ? (
        <p className="muted">{t('blocks.suggestions.none')}</p>
      ) : (
        <p className="muted">{t('blocks.suggestions.intro', { count: suggestions.unitCount, groups: suggestions.proposals.length })}</p>
      )}
      <div className="suggestion-list">
        {shown.map((p) => {
          const lead = p.members.find((m) => m.unitId === p.leadUnitId);
          return (
            <article key={p.key} className="suggestion" aria-label={p.name} data-testid="suggestion">
              <header className="block-card-head">
                <h3 className="block-card-title">{p.name}</h3>
                <span className="muted">{t('blocks.suggestions.members', { count: p.members.length })}</span>
              </header>
              <div className="muted">{t('blocks.suggestions.town', { town: p.town || t('blocks.suggestions.crossTown') })}</div>
              {lead && (
                <div>
                  {t('blocks.suggestions.lead')}：★ {lead.name}
                </div>
              )}
              <ul className="suggestion-members">
                {p.members.map((m) => (
                  <li key={m.unitId}>
                    {m.name}
                    <span className="muted">
                      （{m.industry ?? ''} {t('blocks.card.equipmentShort', { count: m.equipmentInUse })}）
                    </span>
                  </li>
                ))}
              </ul>
              <ProblemBadges problems={p.problems} />
              <div className="block-card-actions">
                {canAccept && (
                  <button type="button" className="button button-primary" onClick={() => onAccept(p)}>
                    {t('blocks.suggestions.accept')}
                  </button>
                )}
                <button type="button" className="button" onClick={() => onDismiss(p)}>
                  {t('blocks.suggestions.dismiss')}
                </button>
              </div>
            </article>
          );
        })}
      </div>
    </section>
  );
}
