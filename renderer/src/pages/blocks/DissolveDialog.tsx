import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Block } from '../../../../electron/api/schemas/blocks.ts';
import { api } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { useSubmit } from '../../components/useSubmit.ts';

interface DissolveDialogProps {
  block: Block;
  onClose: () => void;
  onDissolved: (block: Block) => void;
}

/** Names the block and what dissolving does; a reason is required; Cancel has the focus. */
export function DissolveDialog({ block, onClose, onDissolved }: DissolveDialogProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const form = useSubmit(['reason']);
  const dissolve = async () => onDissolved(await api.call('blocks.dissolve', { id: block.id, version: block.version, reason }));

  // as the keys' 吊销: Enter in the reason is the red button, 取消 has the focus on open
  return (
    <FormDialog
      title={t('blocks.dissolveDialog.title')}
      onClose={onClose}
      submit={form}
      onSubmit={dissolve}
      submitLabel={t('blocks.dissolveDialog.confirm')}
      busyLabel={t('blocks.dissolveDialog.working')}
      danger
      focusCancel
    >
      <div className="confirm-body">
        <p className="confirm-question">{t('blocks.dissolveDialog.question', { name: block.name })}</p>
        <p>{t('blocks.dissolveDialog.effect', { count: block.members.length })}</p>
        <Field label={t('blocks.dissolveDialog.reason')} required error={form.of('reason')}>
          {(control) => <input {...control} name="reason" type="text" value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} />}
        </Field>
      </div>
    </FormDialog>
  );
}
