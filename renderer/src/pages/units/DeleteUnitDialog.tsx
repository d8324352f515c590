import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../electron/api/contract.ts';
import type { Unit } from '../../../../electron/api/schemas/unit.ts';
import { api, errorMessage } from '../../api/client.ts';
import { Modal } from '../../components/Modal.tsx';

interface DeleteUnitDialogProps {
  unit: Unit;
  onClose: () => void;
  onDeleted: (result: CallOutput<'units.delete'>) => void;
}

/** Names the unit and what goes with it before anything is deleted; Cancel has the focus. */
export function DeleteUnitDialog({ unit, onClose, onDeleted }: DeleteUnitDialogProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      onDeleted(await api.call('units.delete', { id: unit.id, version: unit.version }));
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };

  return (
    <Modal title={t('units.deleteDialog.title')} onClose={onClose} busy={busy}>
      <div className="confirm-body">
        <p className="confirm-question">{t('units.deleteDialog.question', { name: unit.name })}</p>
        <p>{t('units.deleteDialog.children', { equipment: unit.equipmentInUse, managers: unit.managerCount })}</p>
        <p className="muted">{t('units.deleteDialog.tombstone')}</p>
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
          {busy ? t('units.deleteDialog.deleting') : t('units.deleteDialog.confirm')}
        </button>
      </div>
    </Modal>
  );
}
