import { useTranslation } from 'react-i18next';
import type { SummaryDetail } from '../../../../electron/api/schemas/summaries.ts';
import { Modal } from '../../components/Modal.tsx';

/** 报送 is final: the office confirms, told whether it will count as late and that unsaved text is saved first. */
export function SubmitDialog({ summary, unsaved, late, busy, onCancel, onConfirm }: { summary: SummaryDetail; unsaved: boolean; late: boolean; busy: boolean; onCancel: () => void; onConfirm: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal title={t('summaries.submit.title')} onClose={onCancel} busy={busy}>
      <div className="form-stack">
        <p>{summary.title}</p>
        <p>{t('summaries.submit.body')}</p>
        {unsaved && <p className="muted">{t('summaries.submit.unsaved')}</p>}
        {late && (
          <div className="notice notice-error" role="alert">
            {t('summaries.submit.late', { date: summary.dueOn })}
          </div>
        )}
        <div className="form-actions">
          <button type="button" className="button" onClick={onCancel} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="button" className="button button-primary" onClick={onConfirm} disabled={busy} data-autofocus>
            {busy ? t('common.saving') : t('summaries.submit.confirm')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
