import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../components/FormDialog.tsx';
import { useSubmit } from '../../components/useSubmit.ts';

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
  const submit = useSubmit([]);
  return (
    <FormDialog title={title} onClose={onClose} submit={submit} onSubmit={onConfirm} submitLabel={t('registryEdit.deleteConfirm')} busyLabel={t('registryEdit.deleting')} danger focusCancel>
      <div className="confirm-body">
        <p className="confirm-question">{question}</p>
        <p className="muted">{t('registryEdit.deleteTombstone')}</p>
      </div>
    </FormDialog>
  );
}
