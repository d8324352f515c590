import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../electron/api/contract.ts';
import type { Unit } from '../../../../electron/api/schemas/unit.ts';
import { api } from '../../api/client.ts';
import { FormDialog } from '../../components/FormDialog.tsx';
import { useSubmit } from '../../components/useSubmit.ts';

interface DeleteUnitDialogProps {
  unit: Unit;
  onClose: () => void;
  onDeleted: (result: CallOutput<'units.delete'>) => void;
}

/** Names the unit and what goes with it before anything is deleted; Cancel has the focus. */
export function DeleteUnitDialog({ unit, onClose, onDeleted }: DeleteUnitDialogProps) {
  const { t } = useTranslation();
  const submit = useSubmit([]);
  const remove = async () => onDeleted(await api.call('units.delete', { id: unit.id, version: unit.version }));
  return (
    <FormDialog title={t('units.deleteDialog.title')} onClose={onClose} submit={submit} onSubmit={remove} submitLabel={t('units.deleteDialog.confirm')} busyLabel={t('units.deleteDialog.deleting')} danger focusCancel>
      <div className="confirm-body">
        <p className="confirm-question">{t('units.deleteDialog.question', { name: unit.name })}</p>
        <p>{t('units.deleteDialog.children', { equipment: unit.equipmentInUse, managers: unit.managerCount })}</p>
        <p className="muted">{t('units.deleteDialog.tombstone')}</p>
      </div>
    </FormDialog>
  );
}
