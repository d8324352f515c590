import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Block } from '../../../../electron/api/schemas/blocks.ts';
import { api } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { Modal } from '../../components/Modal.tsx';
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
  const { busy } = form;
  const confirm = () => form.run(async () => onDissolved(await api.call('blocks.dissolve', { id: block.id, version: block.version, reason })));

  return (
    <Modal title={t('blocks.dissolveDialog.title')} onClose={onClose} busy={busy}>
      <div className="confirm-body">
        <p className="confirm-question">{t('blocks.dissolveDialog.question', { name: block.name })}</p>
        <p>{t('blocks.dissolveDialog.effect', { count: block.members.length })}</p>
        <Field label={t('blocks.dissolveDialog.reason')} required error={form.of('reason')}>
          {(control) => <input {...control} name="reason" type="text" value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} />}
        </Field>
        <FormErrorSummary errors={form.errors} />
      </div>
      <div className="form-actions">
        <button type="button" className="button" onClick={onClose} disabled={busy} data-autofocus>
          {t('common.cancel')}
        </button>
        <button type="button" className="button button-danger" onClick={() => void confirm()} disabled={busy}>
          {busy ? t('blocks.dissolveDialog.working') : t('blocks.dissolveDialog.confirm')}
        </button>
      </div>
    </Modal>
  );
}
