import { useTranslation } from 'react-i18next';
import { useOperator } from '../../app/operator-context.ts';
import type { RewardDetail } from '../../../../electron/api/schemas/complaints.ts';
import { PrintFrame } from '../../components/PrintFrame.tsx';
import { amountInWords, formatFen } from '../../format/money.ts';
import { formatDate } from '../../format/time.ts';
import { hrefFor, useRouteParams } from '../../router/hash-router.ts';
import { levelLabel, reporterLabel } from './labels.ts';
import { loadState, useCall } from '../../components/useLoad.ts';
import '../../styles/lists.css';
import './complaints.css';

/**
 * 举报奖励审批表 (A4 portrait): the complaint in brief, the basis, the proposed and the
 * approved amount in figures and in capitals, the three signatures and the payee's.
 * The form is internal, yet the reporter stays masked on it: the payee signs in person,
 * after showing an ID card, on the line below.
 */
export function ComplaintPrintPage() {
  const { t } = useTranslation();
  const params = useRouteParams();
  const id = params.get('reward') ?? '';
  const state = loadState(useCall('complaints.getReward', { id }));

  const back = state.kind === 'ready' ? hrefFor('complaints', { id: state.value.complaint.id }) : hrefFor('complaints');
  return (
    <PrintFrame label={t('complaints.print.title')} backHref={back} backLabel={t('complaints.print.back')} printLabel={t('complaints.print.print')} hint={t('complaints.print.hint')} state={state}>
      {() => state.kind === 'ready' && <Form detail={state.value} />}
    </PrintFrame>
  );
}

function Amount({ fen }: { fen: number }) {
  const { t } = useTranslation();
  return (
    <>
      <strong>{t('complaints.reward.yuan', { amount: formatFen(fen) })}</strong>
      <span className="complaint-words">{t('complaints.print.inWords', { words: amountInWords(fen) })}</span>
    </>
  );
}

function Form({ detail }: { detail: RewardDetail }) {
  const { t } = useTranslation();
  // the 承办人 line names the 经办人 printing the form (who proposed it); the others are signed by hand
  const operator = useOperator();
  const { reward, complaint } = detail;
  const approved =
    reward.approvedFen !== null ? <Amount fen={reward.approvedFen} /> : reward.state === 'rejected' ? t('complaints.print.rejected', { reason: reward.rejectReason ?? '' }) : t('complaints.print.notApproved');
  return (
    <section className="complaint-sheet" aria-labelledby="complaint-print-title" data-testid="reward-form">
      <div className="print-authority">{t('complaints.print.authority', { district: complaint.districtName })}</div>
      <h1 id="complaint-print-title" className="print-title">
        {t('complaints.print.title')}
      </h1>
      <div className="print-meta">
        <span>{t('complaints.print.proposedOn', { date: formatDate(reward.createdAt) })}</span>
        {reward.paidOn && <span>{t('complaints.print.paid', { date: reward.paidOn })}</span>}
      </div>
      <table className="complaint-table">
        <tbody>
          <tr>
            <th>{t('complaints.print.receivedOn')}</th>
            <td>{complaint.receivedOn}</td>
            <th>{t('complaints.print.channel')}</th>
            <td>{t(`complaints.channel.${complaint.channel}`)}</td>
          </tr>
          <tr>
            <th>{t('complaints.print.reporter')}</th>
            <td>{reporterLabel(t, complaint)}</td>
            <th>{t('complaints.print.unit')}</th>
            <td>{complaint.unitName}</td>
          </tr>
          <tr>
            <th>{t('complaints.print.content')}</th>
            <td colSpan={3}>{complaint.content}</td>
          </tr>
          <tr>
            <th>{t('complaints.print.handling')}</th>
            <td colSpan={3}>{complaint.handlingResult}</td>
          </tr>
          <tr>
            <th>{t('complaints.print.outcome')}</th>
            <td>{complaint.outcome ? t(`complaints.outcome.${complaint.outcome}`) : ''}</td>
            <th>{t('complaints.print.handledOn')}</th>
            <td>{complaint.handledOn}</td>
          </tr>
          <tr>
            <th>{t('complaints.print.scheme')}</th>
            <td>{t(`complaints.scheme.${reward.scheme}`)}</td>
            <th>{t('complaints.print.level')}</th>
            <td>{levelLabel(t, reward.level)}</td>
          </tr>
          <tr>
            <th>{t('complaints.print.fines')}</th>
            <td>{t('complaints.reward.yuan', { amount: formatFen(reward.finesFen) })}</td>
            <th>{t('complaints.print.confiscated')}</th>
            <td>{t('complaints.reward.yuan', { amount: formatFen(reward.confiscatedFen) })}</td>
          </tr>
          <tr>
            <th>{t('complaints.print.basis')}</th>
            <td colSpan={3}>{reward.basis}</td>
          </tr>
          <tr>
            <th>{t('complaints.print.proposed')}</th>
            <td colSpan={3} data-testid="form-proposed">
              <Amount fen={reward.proposedFen} />
            </td>
          </tr>
          <tr>
            <th>{t('complaints.print.approved')}</th>
            <td colSpan={3} data-testid="form-approved">
              {approved}
            </td>
          </tr>
          {reward.adjustReason && (
            <tr>
              <th>{t('complaints.print.adjustReason')}</th>
              <td colSpan={3}>{reward.adjustReason}</td>
            </tr>
          )}
        </tbody>
      </table>
      <div className="complaint-opinions">
        {(['handler', 'review', 'approve'] as const).map((k) => (
          <div key={k} className="complaint-opinion">
            <span className="complaint-opinion-title">{t(`complaints.print.${k}`)}</span>
            <span className="complaint-opinion-sign">
              <span>
                {t('complaints.print.sign')}
                {k === 'approve' && reward.approvedBy ? `（${reward.approvedBy}）` : ''}
                {k === 'handler' && operator ? `（${operator}）` : ''}
              </span>
              <span>{k === 'approve' && reward.approvedOn ? reward.approvedOn : t('complaints.print.date')}</span>
            </span>
          </div>
        ))}
      </div>
      <div className="complaint-payee">
        <div>
          <strong>{t('complaints.print.payee')}</strong>：<span className="complaint-line" />
          <span>{t('complaints.print.date')}</span>
        </div>
        <div className="muted">{t('complaints.print.payeeHint')}</div>
      </div>
    </section>
  );
}
