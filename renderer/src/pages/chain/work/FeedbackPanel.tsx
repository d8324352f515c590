import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Block, Inspector } from '../../../../../electron/api/schemas/blocks.ts';
import type { Feedback, FeedbackList, FeedbackState } from '../../../../../electron/api/schemas/chain-work.ts';
import { api, errorMessage } from '../../../api/client.ts';
import { Badge, type BadgeTone } from '../../../components/Badge.tsx';
import { StatusNotice, type Status } from '../../../components/StatusNotice.tsx';
import { hrefFor } from '../../../router/hash-router.ts';
import { FeedbackActionDialog, type FeedbackAction } from './FeedbackActionDialog.tsx';
import { FeedbackDialog } from './FeedbackDialog.tsx';

const tones: Record<FeedbackState, BadgeTone> = { registered: 'warn', answered: 'info', hazard: 'danger', closed: 'ok' };
type Dialog = { kind: 'edit'; feedback: Feedback | null } | { kind: 'action'; feedback: Feedback; action: FeedbackAction };

/** 问题反馈: counted per safety manager, then the reports themselves with what may be done to each. */
export function FeedbackPanel({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const [list, setList] = useState<FeedbackList | null>(null);
  const [blocks, setBlocks] = useState<Block[]>([]);
  const [inspectors, setInspectors] = useState<Inspector[]>([]);
  const [managerId, setManagerId] = useState('');
  const [openOnly, setOpenOnly] = useState(false);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [status, setStatus] = useState<Status>(null);

  const load = useCallback(async () => {
    try {
      setList(await api.call('chain.feedback', { ...(managerId ? { managerId } : {}), ...(openOnly ? { open: true } : {}) }));
    } catch (error) {
      setStatus({ tone: 'error', text: errorMessage(error) });
    }
  }, [managerId, openOnly]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (!canEdit) return;
    Promise.all([api.call('blocks.list', {}), api.call('inspectors.list', { includeInactive: true })]).then(
      ([board, people]) => {
        setBlocks(board.blocks.filter((b) => b.dissolvedAt === null));
        setInspectors(people);
      },
      (error: unknown) => setStatus({ tone: 'error', text: errorMessage(error) }),
    );
  }, [canEdit]);

  const done = (text: string) => {
    setDialog(null);
    setStatus({ tone: 'ok', text });
    void load();
  };
  const doneWords = { answer: 'answeredDone', hazard: 'hazardDone', close: 'closedDone' } as const satisfies Record<FeedbackAction, string>;

  return (
    <section className="panel" aria-labelledby="feedback-title" data-testid="chain-feedback">
      <div className="panel-head">
        <h2 id="feedback-title" className="section-title">
          {t('chainWork.feedback.title')}
        </h2>
        {canEdit && (
          <button type="button" className="button button-primary" onClick={() => setDialog({ kind: 'edit', feedback: null })} disabled={blocks.length === 0}>
            {t('chainWork.feedback.add')}
          </button>
        )}
      </div>
      <p className="muted">{t('chainWork.feedback.intro')}</p>
      <StatusNotice status={status} />
      {list && list.byManager.length > 0 && (
        <table className="list-table" data-testid="feedback-by-manager" aria-label={t('chainWork.feedback.byManager')}>
          <thead>
            <tr>
              {(['manager', 'unit', 'block', 'received', 'open', 'answered', 'hazards', 'closed'] as const).map((c) => (
                <th key={c} className={['manager', 'unit', 'block'].includes(c) ? undefined : 'num'}>
                  {t(`chainWork.feedback.col.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {list.byManager.map((m) => (
              <tr key={m.managerId} data-manager={m.managerName} aria-selected={m.managerId === managerId}>
                <td>
                  <button type="button" className="link-button" onClick={() => setManagerId(m.managerId === managerId ? '' : m.managerId)}>
                    {m.managerName}
                  </button>
                </td>
                <td>{m.unitName}</td>
                <td>{m.blockName ?? '—'}</td>
                <td className="num">{m.received}</td>
                <td className="num">{m.open}</td>
                <td className="num">{m.answered}</td>
                <td className="num">{m.hazards}</td>
                <td className="num">{m.closed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="toolbar">
        <label className="checkbox-inline">
          <input type="checkbox" checked={openOnly} onChange={(e) => setOpenOnly(e.target.checked)} />
          {t('chainWork.feedback.openOnly')}
        </label>
        {managerId && (
          <button type="button" className="button" onClick={() => setManagerId('')}>
            {t('chainWork.feedback.allManagers')}
          </button>
        )}
      </div>
      {list && list.items.length === 0 && <p className="muted">{t('chainWork.feedback.empty')}</p>}
      {list && list.items.length > 0 && (
        <table className="list-table" data-testid="feedback-list" aria-label={t('chainWork.feedback.list')}>
          <thead>
            <tr>
              {(['reportedOn', 'manager', 'takenBy', 'content', 'state', 'actions'] as const).map((c) => (
                <th key={c}>{t(`chainWork.feedback.col.${c}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {list.items.map((f) => (
              <tr key={f.id} data-state={f.state}>
                <td>{f.reportedOn}</td>
                <td>
                  {f.managerName}
                  <div className="muted">{f.managerUnitName}</div>
                </td>
                <td>{f.takenByName}</td>
                <td>
                  {f.content}
                  {f.answer && <div className="muted">{t('chainWork.feedback.answerShown', { by: f.answeredBy ?? '', on: f.answeredOn ?? '', text: f.answer })}</div>}
                  {f.hazardId && (
                    <div>
                      <a href={hrefFor('hazards', { id: f.hazardId })}>
                        {t('chainWork.feedback.hazardShown', { description: f.hazardDescription ?? '', state: t(`hazards.state.${f.hazardState ?? 'found'}`, { defaultValue: f.hazardState ?? '' }) })}
                      </a>
                    </div>
                  )}
                  {f.closeNote && <div className="muted">{f.closeNote}</div>}
                </td>
                <td>
                  <Badge tone={tones[f.state]}>{t(`chainWork.feedback.state.${f.state}`)}</Badge>
                </td>
                <td className="actions">
                  {f.actions.includes('edit') && (
                    <button type="button" className="button" onClick={() => setDialog({ kind: 'edit', feedback: f })}>
                      {t('chainWork.feedback.edit')}
                    </button>
                  )}
                  {(['answer', 'hazard', 'close'] as const)
                    .filter((a) => f.actions.includes(a))
                    .map((a) => (
                      <button key={a} type="button" className="button" onClick={() => setDialog({ kind: 'action', feedback: f, action: a })}>
                        {t(`chainWork.feedback.${a === 'hazard' ? 'toHazard' : a}`)}
                      </button>
                    ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {dialog?.kind === 'edit' && (
        <FeedbackDialog
          feedback={dialog.feedback}
          blocks={blocks}
          inspectors={inspectors}
          onClose={() => setDialog(null)}
          onSaved={() => done(t(dialog.feedback ? 'chainWork.feedback.updated' : 'chainWork.feedback.saved'))}
        />
      )}
      {dialog?.kind === 'action' && (
        <FeedbackActionDialog feedback={dialog.feedback} action={dialog.action} onClose={() => setDialog(null)} onDone={() => done(t(`chainWork.feedback.${doneWords[dialog.action]}`))} />
      )}
    </section>
  );
}
