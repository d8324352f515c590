import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintDetail, Reward } from '../../../../electron/api/schemas/complaints.ts';
import { api } from '../../api/client.ts';
import { useAppContext } from '../../app/app-context.ts';
import { Badge } from '../../components/Badge.tsx';
import { hrefFor } from '../../router/hash-router.ts';
import { StatusNotice, type Status } from '../../components/StatusNotice.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { ComplaintDialog } from './ComplaintDialog.tsx';
import { HandleDialog } from './HandleDialog.tsx';
import { reporterLabel, stateTone } from './labels.ts';
import { hazardLabel } from './HazardPicker.tsx';
import { RewardCard } from './RewardCard.tsx';
import { ApproveDialog, PaidDialog, RejectDialog } from './RewardDecisionDialogs.tsx';
import { RewardDialog } from './RewardDialog.tsx';

type Dialog = { kind: 'edit' } | { kind: 'handle' } | { kind: 'propose' } | { kind: 'approve' | 'reject' | 'paid'; reward: Reward } | null;

/** One complaint: the registration, the reporter in full (only here, only at the office that holds it), the handling and its rewards. */
export function ComplaintView({ id }: { id: string }) {
  const { t } = useTranslation();
  const { node } = useAppContext();
  const read = useCallback(() => api.call('complaints.get', { id }), [id]);
  const { value: complaint, error, reload } = useLoad(read);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [status, setStatus] = useState<Status>(null);

  const done = async (text: string) => {
    setDialog(null);
    setStatus({ tone: 'ok', text });
    await reload();
  };
  const mine = complaint?.originNode === node.id;

  return (
    <div className="page" data-testid="complaint-view">
      <p>
        <a href={hrefFor('complaints')}>{t('complaints.detail.back')}</a>
      </p>
      <StatusNotice status={error ? { tone: 'error', text: error } : status} />
      {complaint && (
        <>
          <div className="page-header">
            <h1 className="page-title">
              {t('complaints.title')} · {complaint.receivedOn} {t(`complaints.channel.${complaint.channel}`)}
            </h1>
            <Badge tone={stateTone[complaint.state]}>{t(`complaints.state.${complaint.state}`)}</Badge>
            {complaint.overdue && <Badge tone="danger">{t('complaints.overdue')}</Badge>}
            <span className="toolbar-spacer" />
            {complaint.actions.includes('edit') && (
              <button type="button" className="button" onClick={() => setDialog({ kind: 'edit' })}>
                {t('complaints.detail.edit')}
              </button>
            )}
            {complaint.actions.includes('handle') && (
              <button type="button" className="button" onClick={() => setDialog({ kind: 'handle' })}>
                {t('complaints.detail.handle')}
              </button>
            )}
            {complaint.actions.includes('proposeReward') && (
              <button type="button" className="button button-primary" onClick={() => setDialog({ kind: 'propose' })}>
                {t('complaints.reward.propose')}
              </button>
            )}
          </div>
          <div className="complaint-columns">
            <Registration complaint={complaint} />
            <ReporterPanel complaint={complaint} />
          </div>
          <Handling complaint={complaint} />
          <section className="panel complaint-panel" aria-labelledby="complaint-rewards">
            <h2 id="complaint-rewards" className="section-title">
              {t('complaints.detail.rewards')}
            </h2>
            {complaint.rewards.length === 0 && <p className="muted">{t('complaints.detail.noRewards')}</p>}
            {complaint.rewardRefusal && complaint.rewards.length === 0 && complaint.state === 'handled' && <p className="muted">{complaint.rewardRefusal}</p>}
            {[...complaint.rewards].reverse().map((r) => (
              <RewardCard key={r.id} reward={r} mine={mine} onAct={(kind) => setDialog({ kind, reward: r })} />
            ))}
          </section>
          {dialog?.kind === 'edit' && <ComplaintDialog complaint={complaint} onClose={() => setDialog(null)} onSaved={() => void done(t('complaints.status.saved'))} />}
          {dialog?.kind === 'handle' && <HandleDialog complaint={complaint} onClose={() => setDialog(null)} onSaved={() => void done(t('complaints.status.handled'))} />}
          {dialog?.kind === 'propose' && <RewardDialog complaint={complaint} onClose={() => setDialog(null)} onSaved={(text) => void done(text)} />}
          {dialog?.kind === 'approve' && <ApproveDialog reward={dialog.reward} onClose={() => setDialog(null)} onSaved={(text) => void done(text)} />}
          {dialog?.kind === 'reject' && <RejectDialog reward={dialog.reward} onClose={() => setDialog(null)} onSaved={(text) => void done(text)} />}
          {dialog?.kind === 'paid' && <PaidDialog reward={dialog.reward} onClose={() => setDialog(null)} onSaved={(text) => void done(text)} />}
        </>
      )}
    </div>
  );
}

function Registration({ complaint }: { complaint: ComplaintDetail }) {
  const { t } = useTranslation();
  return (
    <section className="panel complaint-panel" aria-labelledby="complaint-registration">
      <h2 id="complaint-registration" className="section-title">
        {t('complaints.detail.registration')}
      </h2>
      <dl className="facts">
        <dt>{t('complaints.form.receivedOn')}</dt>
        <dd>{complaint.receivedOn}</dd>
        <dt>{t('complaints.form.channel')}</dt>
        <dd>{t(`complaints.channel.${complaint.channel}`)}</dd>
        <dt>{t('complaints.detail.unit')}</dt>
        <dd>{complaint.unitName}</dd>
        {complaint.equipmentLabel && (
          <>
            <dt>{t('complaints.detail.equipment')}</dt>
            <dd>{complaint.equipmentLabel}</dd>
          </>
        )}
        <dt>{t('complaints.form.content')}</dt>
        <dd className="complaint-text">{complaint.content}</dd>
        <dt>{t('complaints.form.deadline')}</dt>
        <dd>
          {complaint.handlingDeadline}
          {complaint.warnings.map((w) => (
            <div key={w} className="field-hint">
              {w}
            </div>
          ))}
        </dd>
        <dt>{t('complaints.detail.district')}</dt>
        <dd>{complaint.districtName}</dd>
      </dl>
    </section>
  );
}

function ReporterPanel({ complaint }: { complaint: ComplaintDetail }) {
  const { t } = useTranslation();
  const r = complaint.reporter;
  const none = t('complaints.detail.none');
  return (
    <section className="panel complaint-panel" aria-labelledby="complaint-reporter-title" data-testid="complaint-reporter">
      <h2 id="complaint-reporter-title" className="section-title">
        {r ? t('complaints.detail.reporterHere') : t('complaints.detail.reporter')}
      </h2>
      {r ? (
        <dl className="facts">
          <dt>{t('complaints.detail.name')}</dt>
          <dd>{complaint.anonymous ? t('complaints.anonymous') : (r.name ?? none)}</dd>
          <dt>{t('complaints.detail.phone')}</dt>
          <dd>{r.phone ?? none}</dd>
          <dt>{t('complaints.detail.idNumber')}</dt>
          <dd>{r.idNumber ?? none}</dd>
          <dt>{t('complaints.detail.address')}</dt>
          <dd>{r.address ?? none}</dd>
          {r.bureauStaff && (
            <>
              <dt />
              <dd>
                <Badge tone="warn">{t('complaints.detail.staff')}</Badge>
              </dd>
            </>
          )}
        </dl>
      ) : (
        <>
          <p>{reporterLabel(t, complaint)}</p>
          <p className="muted">{t('complaints.detail.reporterElsewhere')}</p>
        </>
      )}
    </section>
  );
}

function Handling({ complaint }: { complaint: ComplaintDetail }) {
  const { t } = useTranslation();
  return (
    <section className="panel complaint-panel" aria-labelledby="complaint-handling">
      <h2 id="complaint-handling" className="section-title">
        {t('complaints.detail.handling')}
      </h2>
      {!complaint.handlingResult ? (
        <p className="muted">{t('complaints.detail.noHandling')}</p>
      ) : (
        <dl className="facts">
          <dt>{t('complaints.handle.result')}</dt>
          <dd className="complaint-text">{complaint.handlingResult}</dd>
          <dt>{t('complaints.handle.outcome')}</dt>
          <dd>{complaint.outcome ? t(`complaints.outcome.${complaint.outcome}`) : t('complaints.handle.outcomeNone')}</dd>
          {complaint.handledOn && (
            <>
              <dt>{t('complaints.detail.handledOn')}</dt>
              <dd>{complaint.handledOn}</dd>
            </>
          )}
          {complaint.linkedHazardId && (
            <>
              <dt>{t('complaints.detail.linkedHazard')}</dt>
              <dd>
                <a href={hrefFor('hazards', { id: complaint.linkedHazardId })} data-testid="linked-hazard">
                  {complaint.linkedHazard ? hazardLabel(complaint.linkedHazard, t('complaints.handle.hazardNoNumber')) : t('complaints.detail.linkedHazardMissing')}
                </a>
              </dd>
            </>
          )}
          {complaint.linkedInspectionId && (
            <>
              <dt>{t('complaints.detail.linkedInspection')}</dt>
              <dd className="mono">{complaint.linkedInspectionId}</dd>
            </>
          )}
        </dl>
      )}
    </section>
  );
}
