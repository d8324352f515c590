import { useTranslation } from 'react-i18next';
import { Modal } from './Modal.tsx';

/** A yes/no question before a step that changes many rows; 取消 has the focus. */
export function ConfirmDialog({ title, question, confirmLabel, onCancel, onConfirm }: { title: string; question: string; confirmLabel?: string; onCancel: () => void; onConfirm: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal title={title} onClose={onCancel}>
      <div className="confirm-body">
        <p className="confirm-question">{question}</p>
      </div>
      <div className="form-actions">
        <button type="button" className="button" onClick={onCancel} data-autofocus>
          {t('common.cancel')}
        </button>
        <button type="button" className="button button-primary" onClick={onConfirm}>
          {confirmLabel ?? t('common.confirm')}
        </button>
      </div>
    </Modal>
  );
}
