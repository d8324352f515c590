import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AcceptanceAction, AcceptanceDetail } from '../../../../electron/api/schemas/acceptance.ts';
import { api, errorMessage } from '../../api/client.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { formatDateTime } from '../../format/time.ts';
import { hrefFor } from '../../router/hash-router.ts';
import { CreateDialog } from './CreateDialog.tsx';
import { DecideDialog } from './DecideDialog.tsx';
import { ContradictionList } from './ContradictionList.tsx';
import { ItemCard } from './ItemCard.tsx';
import { Meter } from './Meter.tsx';
import { MoreMenu } from './MoreMenu.tsx';
import { StateBadge } from './StateBadge.tsx';

type State = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; file: AcceptanceDetail };
const bureauActions: readonly AcceptanceAction[] = ['pass', 'return', 'revoke'];
/** steps that cannot be taken back: asked again in the app's own dialog */
type Confirmed = 'submit_city' | 'recheck' | 'cancel';
const confirmedActions: readonly AcceptanceAction[] = ['submit_city', 'recheck', 'cancel'];
/** ending a file is kept away from the workflow's primary actions, behind 更多操作 */
const endingActions: readonly AcceptanceAction[] = ['cancel', 'revoke'];

/** One acceptance file: facts, actions of this node's role, the checklist areas with items and evidence, decisions, history. */
export function FileView({ id }: { id: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [deciding, setDeciding] = useState<'pass' | 'return' | 'revoke' | null>(null);
  const [maxMb, setMaxMb] = useState(20);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState<Confirmed | null>(null);
  const [confirmError, setConfirmError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setState({ kind: 'ready', file: await api.call('acceptance.get', { id }) });
    } catch (error) {
      setState({ kind: 'failed', message: errorMessage(error) });
    }
  }, [id]);

  useEffect(() => {
    void load();
    api.call('acceptance.settings', {}).then((s) => setMaxMb(s.maxEvidenceMb), () => undefined);
  }, [load]);

  const choose = (action: AcceptanceAction) => {
    if (state.kind !== 'ready') return;
    if (bureauActions.includes(action)) setDeciding(action as 'pass' | 'return' | 'revoke');
    else if (confirmedActions.includes(action)) {
      setConfirmError(null);
      setConfirming(action as Confirmed);
    } else void act(state.file, action);
  };

  const act = async (file: AcceptanceDetail, action: AcceptanceAction, comment: string | null = null) => {
    setBusy(true);
    try {
      const next = await api.call('acceptance.transition', { id: file.id, version: file.version, action, comment });
      setState({ kind: 'ready', file: next });
      setConfirming(null);
      setStatus({ tone: 'ok', text: t('acceptance.actionDone', { action: t(`acceptance.action.${action}`) }) });
    } catch (error) {
      // a refusal of a confirmed step is shown in its dialog, where the clerk is looking
      if (confirmedActions.includes(action)) setConfirmError(errorMessage(error));
      else setStatus({ tone: 'error', text: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  const changed = (text: string) => {
    setStatus({ tone: 'ok', text });
    void load();
  };
  const failed = (text: string) => setStatus({ tone: 'error', text });

  if (state.kind === 'loading') return <div className="page muted">{t('app.loading')}</div>;
  if (state.kind === 'failed') {
    return (
      <div className="page">
        <a href={hrefFor('acceptance')}>{t('acceptance.back')}</a>
        <div className="notice notice-error" role="alert">
          {state.message}
        </div>
      </div>
    );
  }
  const file = state.file;
  const overall = file.completeness;
  return (
    <div className="page" data-testid="acceptance-file">
      <div className="page-header">
        <a href={hrefFor('acceptance')}>{t('acceptance.back')}</a>
        <h1 className="page-title">{file.unitName}</h1>
        <StateBadge state={file.state} />
      </div>
      <section className="panel">
        <div className="acc-facts">
          <span>
            {t('acceptance.file.uscc')}：{file.uscc}
          </span>
          <span>
            {t('acceptance.file.district')}：{file.districtName}
          </span>
          <span>
            {t('acceptance.file.phase')}：{t(`acceptance.phase.${file.phase}`)}
          </span>
          <span>
            {t('acceptance.file.inspector')}：{file.inspectorName ?? ''}
          </span>
          <span>
            {t('acceptance.file.startedOn')}：{file.startedOn ?? ''}
          </span>
          <span>
            {t('acceptance.file.targetDate')}：{file.targetDate ?? ''}
          </span>
          <span>
            {t('acceptance.file.round')}：{file.round}
          </span>
          <span>
            {t('acceptance.file.checklist')}：{file.checklistTitle}
          </span>
          {file.plaqueNo && (
            <span data-testid="plaque-no">
              {t('acceptance.file.plaque')}：{file.plaqueNo}（{file.passedOn}）
            </span>
          )}
        </div>
        <div className="acc-actions">
          <span>{t('acceptance.file.overall')}</span>
          <Meter value={overall} label={t('acceptance.file.overall')} />
          <span className="muted">{t('acceptance.file.decided', { decided: overall.decided, total: overall.total })}</span>
        </div>
        <div className="acc-actions" role="toolbar" aria-label={t('acceptance.title')}>
          {file.actions
            .filter((a) => !endingActions.includes(a))
            .map((a) => (
              <button
                key={a}
                type="button"
                className={`button${a === 'submit_city' || a === 'pass' || a === 'submit' ? ' button-primary' : ''}`}
                disabled={busy}
                onClick={() => choose(a)}
              >
                {t(`acceptance.action.${a}`)}
              </button>
            ))}
          {!file.locked && (
            <button type="button" className="button" onClick={() => setEditing(true)}>
              {t('acceptance.file.edit')}
            </button>
          )}
          <a className="button button-link" href={hrefFor('acceptance-print', { id: file.id, kind: 'record' })}>
            {t('acceptance.file.printRecord')}
          </a>
          {file.state === 'passed' && (
            <a className="button button-link" href={hrefFor('acceptance-print', { id: file.id, kind: 'certificate' })}>
              {t('acceptance.file.printCertificate')}
            </a>
          )}
          <span className="acc-actions-end">
            <MoreMenu
              label={t('acceptance.more')}
              disabled={busy}
              items={file.actions.filter((a) => endingActions.includes(a)).map((a) => ({ key: a, label: t(`acceptance.action.${a}`), danger: true, onSelect: () => choose(a) }))}
            />
          </span>
        </div>
        {file.locked && file.actions.every((a) => !bureauActions.includes(a)) && <div className="muted">{t('acceptance.file.locked')}</div>}
      </section>
      {status && (
        <div className={`notice ${status.tone === 'ok' ? 'notice-ok' : 'notice-error'}`} role={status.tone === 'error' ? 'alert' : 'status'}>
          {status.text}
        </div>
      )}
      {file.state === 'returned' && (
        <div className="notice notice-error" data-testid="returned-notice">
          <strong>{t('acceptance.file.returned')}</strong>
          {file.returnComments ? `：${file.returnComments}` : ''}
        </div>
      )}
      {file.areas.map((area) => (
        <section key={area.code} className="panel acc-area" aria-labelledby={`area-${area.code}`}>
          <div className="acc-area-head">
            <h2 id={`area-${area.code}`} className="section-title">
              {area.code}、{area.title}
            </h2>
            <Meter value={area.completeness} label={`${area.title} ${t('acceptance.file.overall')}`} />
          </div>
          <p className="muted acc-small">{area.requirement}</p>
          {area.items.map((item) => (
            <ItemCard key={item.id} file={file} item={item} maxMb={maxMb} onChanged={changed} onFailed={failed} />
          ))}
        </section>
      ))}
      {file.decisions.length > 0 && (
        <section className="panel">
          <h2 className="section-title">{t('acceptance.file.decisions')}</h2>
          <ul>
            {file.decisions.map((d) => (
              <li key={d.id}>
                {d.decidedOn} {t(`acceptance.outcome.${d.outcome}`)}
                {d.plaqueNo ? ` ${d.plaqueNo}` : ''}
                {d.comments ? `：${d.comments}` : ''}
                {d.returnedItems.map((r) => `（${r.code}：${r.comment}）`).join('')}
                {d.acknowledged.length > 0 && <ContradictionList title={t('acceptance.decide.acknowledged')} items={d.acknowledged} />}
              </li>
            ))}
          </ul>
        </section>
      )}
      {file.history.length > 0 && (
        <section className="panel">
          <h2 className="section-title">{t('acceptance.file.history')}</h2>
          <ul className="acc-small">
            {file.history.slice(0, 30).map((h, i) => (
              <li key={i}>
                {formatDateTime(h.at)} {h.actor}：{h.what}
              </li>
            ))}
          </ul>
        </section>
      )}
      {editing && (
        <CreateDialog
          file={file}
          onClose={() => setEditing(false)}
          onCreated={() => {
            setEditing(false);
            changed(t('acceptance.file.edited'));
          }}
        />
      )}
      {confirming && (
        <ConfirmDialog
          title={t(`acceptance.action.${confirming}`)}
          question={t(`acceptance.confirm.${confirming}`)}
          confirmLabel={t(`acceptance.action.${confirming}`)}
          danger={confirming === 'cancel'}
          comment={confirming === 'cancel' ? { label: t('acceptance.confirm.cancelReason') } : undefined}
          busy={busy}
          error={confirmError}
          onCancel={() => setConfirming(null)}
          onConfirm={(comment) => void act(file, confirming, comment || null)}
        >
          {confirming === 'submit_city' && file.contradictions.length > 0 && <ContradictionList title={t('acceptance.confirm.contradictions')} items={file.contradictions} />}
        </ConfirmDialog>
      )}
      {deciding && (
        <DecideDialog
          file={file}
          outcome={deciding}
          onClose={() => setDeciding(null)}
          onDecided={(next) => {
            setDeciding(null);
            setState({ kind: 'ready', file: next });
            setStatus({ tone: 'ok', text: t('acceptance.decide.saved', { outcome: t(`acceptance.outcome.${deciding}`) }) });
          }}
        />
      )}
    </div>
  );
}
