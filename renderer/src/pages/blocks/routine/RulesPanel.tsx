import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScheduleRule } from '../../../../../electron/api/schemas/routine.ts';
import { RuleDialog } from './RuleDialog.tsx';

/** The block's 活动安排 as rules (ended ones kept), with add and edit. */
export function RulesPanel({ blockId, rules, canEdit, onSaved }: { blockId: string; rules: ScheduleRule[]; canEdit: boolean; onSaved: (text: string) => void }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<{ rule: ScheduleRule | null } | null>(null);
  return (
    <section className="panel">
      {canEdit && (
        <div className="toolbar">
          <button type="button" className="button button-primary" onClick={() => setDialog({ rule: null })}>
            {t('routine.rule.add')}
          </button>
        </div>
      )}
      {rules.length === 0 ? (
        <p className="muted">{t('routine.rule.empty')}</p>
      ) : (
        <table className="list-table" data-testid="routine-rules">
          <thead>
            <tr>
              <th>{t('routine.rule.label')}</th>
              <th>{t('routine.rule.period')}</th>
              <th>{t('routine.rule.notes')}</th>
              {canEdit && <th />}
            </tr>
          </thead>
          <tbody>
            {rules.map((r) => (
              <tr key={r.id} className={r.endedOn ? 'muted' : undefined}>
                <td>{r.label}</td>
                <td>{r.endedOn ? t('routine.rule.between', { from: r.startsOn, to: r.endedOn }) : t('routine.rule.since', { from: r.startsOn })}</td>
                <td>{r.notes ?? ''}</td>
                {canEdit && (
                  <td>
                    <button type="button" className="button" onClick={() => setDialog({ rule: r })} aria-label={`${t('routine.rule.edit')} ${r.label}`}>
                      {t('routine.rule.edit')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {dialog && (
        <RuleDialog
          blockId={blockId}
          rule={dialog.rule}
          onClose={() => setDialog(null)}
          onSaved={(rule) => {
            setDialog(null);
            onSaved(t('routine.rule.saved', { label: rule.label }));
          }}
        />
      )}
    </section>
  );
}
