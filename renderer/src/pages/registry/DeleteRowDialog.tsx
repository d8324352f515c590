import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client.ts';
import { Modal } from '../../components/Modal.tsx';

interface DeleteRowDialogProps {
  title: string;
  question: string;
  onClose: () => void;
  /** the delete call; its refusal is shown in the dialog */
  onConfirm: () => Promise<void>;
}

/** Names the row before anything is deleted; Cancel has the focus, as in the units page. */
export function DeleteRowDialog({ title, question, onClose, onConfirm }: DeleteRowDialogProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };

  return (
    <Modal title={title} onClose={onClose} busy={busy}>
      <div className="confirm-body">
        <p className="confirm-question">{question}</p>
        <p className="muted">{t('registryEdit.deleteTombstone')}</p>
        {error && (
          <div className="notice notice-error" role="alert">
            {error}
          </div>
        )}
      </div>
      <div className="form-actions">
        <button type="button" className="button" onClick={onClose} disabled={busy} data-autofocus>
          {t('common.cancel')}
        </button>
        <button type="button" className="button button-danger" onClick={() => void confirm()} disabled={busy}>
          {busy ? t('registryEdit.deleting') : t('registryEdit.deleteConfirm')}
        </button>
      </div>
    </Modal>
  );
}
