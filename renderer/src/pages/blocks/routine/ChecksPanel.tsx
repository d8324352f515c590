import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BlockDetail } from '../../../../../electron/api/schemas/blocks.ts';
import type { BlockCheckSummary, CheckKind } from '../../../../../electron/api/schemas/routine.ts';
import { Badge } from '../../../components/Badge.tsx';
import { hrefFor, navigate } from '../../../router/hash-router.ts';
import { CheckDialog } from './CheckDialog.tsx';

/** The block's 自查 and 互查, newest first; a new one of either kind. */
export function ChecksPanel({ block, checks, canEdit, onSaved }: { block: BlockDetail; checks: BlockCheckSummary[]; canEdit: boolean; onSaved: (text: string) => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<CheckKind | null>(null);
  return (
    <section className="panel">
      {canEdit && (
        <div className="toolbar">
          <button type="button" className="button button-primary" onClick={() => setKind('mutual')}>
            {t('routine.check.addMutual')}
          </button>
          <button type="button" className="button" onClick={() => setKind('self')}>
            {t('routine.check.addSelf')}
          </button>
        </div>
      )}
      {checks.length === 0 ? (
        <p className="muted">{t('routine.check.empty')}</p>
      ) : (
        <table className="list-table" data-testid="routine-checks">
          <thead>
            <tr>
              <th>{t('routine.check.col.checkedOn')}</th>
              <th>{t('routine.check.col.kind')}</th>
              <th>{t('routine.check.col.checkedUnit')}</th>
              <th>{t('routine.check.col.checker')}</th>
              <th className="num">{t('routine.check.col.problems')}</th>
              <th className="num">{t('routine.check.col.hazards')}</th>
              <th>{t('routine.check.col.state')}</th>
            </tr>
          </thead>
          <tbody>
            {checks.map((c) => (
              <tr key={c.id}>
                <td>
                  <a href={hrefFor('blocks', { check: c.id })}>{c.checkedOn}</a>
                </td>
                <td>{t(`routine.checkKind.${c.kind}`)}</td>
                <td>{c.checkedUnitName}</td>
                <td>
                  {c.checkerManagerName}
                  {c.kind === 'mutual' && <span className="muted">（{c.checkerUnitName}）</span>}
                </td>
                <td className="num">{c.problems}</td>
                <td className="num">{c.hazards}</td>
                <td>
                  <Badge tone={c.state === 'final' ? 'ok' : 'muted'}>{t(`routine.check.state.${c.state}`)}</Badge>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {kind && (
        <CheckDialog
          block={block}
          kind={kind}
          onClose={() => setKind(null)}
          onSaved={(check) => {
            setKind(null);
            onSaved(t('routine.check.saved', { kind: t(`routine.checkKind.${check.kind}`) }));
            navigate('blocks', { check: check.id });
          }}
        />
      )}
    </section>
  );
}
