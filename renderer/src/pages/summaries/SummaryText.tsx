import { useTranslation } from 'react-i18next';
import type { SummaryDetail } from '../../../../electron/api/schemas/summaries.ts';
import { formatDate } from '../../format/time.ts';
import { formatSize } from '../../files/read-file.ts';
import { downloadAttachment, textFields } from './SummaryForm.tsx';

/** A summary's texts and attachments as submitted (read-only). */
export function SummaryText({ summary, onFailed }: { summary: SummaryDetail; onFailed: (message: string) => void }) {
  const { t } = useTranslation();
  return (
    <div className="sum-text">
      {textFields.map((field) =>
        field === 'narrative' && !summary.narrative ? null : (
          <section key={field} aria-label={t(`summaries.fields.${field}`)}>
            <h3 className="sum-heading">{t(`summaries.fields.${field}`)}</h3>
            <div className="sum-paragraphs" data-field={field}>
              {(summary[field] ?? t('summaries.print.empty')).split(/\r?\n/).map((line, i) => (
                <p key={i}>{line}</p>
              ))}
            </div>
          </section>
        ),
      )}
      <section aria-label={t('summaries.fields.attachments')}>
        <h3 className="sum-heading">{t('summaries.fields.attachments')}</h3>
        {summary.attachments.length === 0 ? (
          <span className="muted">{t('summaries.fields.noAttachments')}</span>
        ) : (
          <ul>
            {summary.attachments.map((a) => (
              <li key={a.attachmentId}>
                <button type="button" className="button button-link" onClick={() => void downloadAttachment(a.attachmentId, onFailed)}>
                  {a.fileName}
                </button>
                <span className="muted"> {formatSize(a.size)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

/** The bureau's answers, oldest first. */
export function ReviewList({ summary }: { summary: SummaryDetail }) {
  const { t } = useTranslation();
  if (summary.reviews.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="sum-reviews">
      <h2 id="sum-reviews" className="section-title">
        {t('summaries.reviews.title')}
      </h2>
      <ul className="sum-reviews">
        {summary.reviews.map((r) => (
          <li key={r.id}>
            {t('summaries.reviews.line', { date: r.reviewedOn, action: t(`summaries.reviews.${r.action}`), by: r.reviewedBy, comment: r.comment ?? '' })}
            <span className="muted"> · {t('summaries.submittedAt', { time: formatDate(r.submittedAt) })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
