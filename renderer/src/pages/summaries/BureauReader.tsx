import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SummaryDetail } from '../../../../electron/api/schemas/summaries.ts';
import { api, errorMessage } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { useMaxLengths } from '../../components/field-limits.ts';
import { useSubmit } from '../../components/useSubmit.ts';
import { saveFile } from '../../files/download.ts';
import { hrefFor } from '../../router/hash-router.ts';
import { useLoad } from '../../components/useLoad.ts';
import { FiguresTable } from './FiguresTable.tsx';
import { SummaryStatusLine } from './SummaryStatusLine.tsx';
import { ReviewList, SummaryText } from './SummaryText.tsx';

/** One office's submitted summary at the bureau (#/summaries?office=…&month=…), read-only, with 退回 and 已收. */
export function BureauReader({ officeNode, month }: { officeNode: string; month: string }) {
  const { t } = useTranslation();
  const read = useCallback(() => api.call('summaries.get', { month, officeNode }), [month, officeNode]);
  const { value, error, reload } = useLoad<SummaryDetail>(read);
  const [notice, setNotice] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [returning, setReturning] = useState(false);
  const [busy, setBusy] = useState(false);

  const receive = async (s: SummaryDetail) => {
    setBusy(true);
    try {
      await api.call('summaries.review', { summaryId: s.id!, submittedAt: s.submittedAt!, action: 'receive' });
      await reload();
      setNotice({ tone: 'ok', text: t('summaries.review.receivedDone') });
    } catch (e) {
      setNotice({ tone: 'error', text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  const exportDocx = async () => {
    try {
      await saveFile(await api.call('summaries.exportDocx', { month, officeNode }));
    } catch (e) {
      setNotice({ tone: 'error', text: errorMessage(e) });
    }
  };

  const fail = (text: string) => setNotice({ tone: 'error', text });
  return (
    <div className="page">
      <div className="page-header">
        <h1 className="page-title">{t('summaries.title')}</h1>
        <a className="button button-link" href={hrefFor('summaries')}>
          {t('summaries.actions.back')}
        </a>
      </div>
      {error && (
        <div className="notice notice-error" role="alert">
          {error}
        </div>
      )}
      {notice && (
        <div className={`notice ${notice.tone === 'ok' ? 'notice-ok' : 'notice-error'}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
          {notice.text}
        </div>
      )}
      {!value && !error && <div className="muted">{t('app.loading')}</div>}
      {value && (
        <>
          <h2 className="sum-title">{value.title}</h2>
          <SummaryStatusLine summary={value} />
          <div className="toolbar sum-actions">
            {value.reviewable && (
              <>
                <button type="button" className="button" disabled={busy} onClick={() => setReturning(true)}>
                  {t('summaries.review.return')}
                </button>
                {value.status !== 'received' && (
                  <button type="button" className="button button-primary" disabled={busy} onClick={() => void receive(value)}>
                    {t('summaries.review.receive')}
                  </button>
                )}
              </>
            )}
            <button type="button" className="button" onClick={() => void exportDocx()}>
              {t('summaries.actions.exportDocx')}
            </button>
            <a className="button" href={hrefFor('summary-print', { month, office: officeNode })}>
              {t('summaries.actions.print')}
            </a>
          </div>
          <section className="panel" aria-labelledby="sum-figures">
            <h2 id="sum-figures" className="section-title">
              {t('summaries.figures.title')}
            </h2>
            <FiguresTable rows={value.rows} />
          </section>
          <section className="panel">
            <SummaryText summary={value} onFailed={fail} />
          </section>
          <ReviewList summary={value} />
        </>
      )}
      {returning && value && (
        <ReturnDialog
          summary={value}
          onClose={() => setReturning(false)}
          onDone={() => {
            setReturning(false);
            setNotice({ tone: 'ok', text: t('summaries.review.returned') });
            void reload();
          }}
        />
      )}
    </div>
  );
}

function ReturnDialog({ summary, onClose, onDone }: { summary: SummaryDetail; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const submit = useSubmit(['comment']);
  const max = useMaxLengths('summaries.review');
  const giveBack = async () => {
    await api.call('summaries.review', { summaryId: summary.id!, submittedAt: summary.submittedAt!, action: 'return', comment });
    onDone();
  };
  return (
    <FormDialog title={t('summaries.review.returnTitle')} onClose={onClose} submit={submit} onSubmit={giveBack} submitLabel={t('summaries.review.return')}>
      <p>{summary.title}</p>
      <Field label={t('summaries.review.comment')} required hint={t('summaries.review.commentHint')} error={submit.of('comment')} maxLength={max('comment')} length={comment.length}>
        {(c) => <textarea {...c} rows={4} value={comment} onChange={(e) => setComment(e.target.value)} data-autofocus />}
      </Field>
    </FormDialog>
  );
}
