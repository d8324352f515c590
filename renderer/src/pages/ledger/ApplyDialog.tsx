import { useTranslation } from 'react-i18next';
import { Modal } from '../../components/Modal.tsx';
import { errorRowCount, recordsToWrite, type LedgerSummary } from './ledger-fields.ts';

/** Asks once more before writing; Enter confirms (the confirm button has the focus), Esc cancels. */
export function ApplyDialog({ summary, held, accepted, onCancel, onConfirm }: { summary: LedgerSummary; held: number; accepted: number; onCancel: () => void; onConfirm: () => void }) {
  const { t } = useTranslation();
  const bad = errorRowCount(summary);
  const count = recordsToWrite(summary);
  return (
    <Modal title={t('ledger.confirm.title')} onClose={onCancel}>
      <div className="confirm-body">
        <p className="confirm-question" data-testid="confirm-text">
          {bad > 0 ? t('ledger.confirm.bodyWithErrors', { count, bad }) : t('ledger.confirm.body', { count })}
        </p>
        <p className="muted">{t('ledger.confirm.detail', { units: summary.units.inserted + summary.units.updated, equipment: summary.equipment.inserted + summary.equipment.updated, managers: summary.managers.inserted + summary.managers.updated })}</p>
        {held > 0 && (
          <p className="text-warn" data-testid="confirm-held">
            {t('ledgerReview.confirmHeld', { held, accepted })}
          </p>
        )}
        <p className="muted">{t('ledger.confirm.atomic')}</p>
      </div>
      <div className="form-actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="button" className="button button-primary" onClick={onConfirm} data-autofocus>
          {t('ledger.confirm.confirm')}
        </button>
      </div>
    </Modal>
  );
}
