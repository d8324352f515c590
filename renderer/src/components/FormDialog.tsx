import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from './FormActions.tsx';
import { FormErrorSummary } from './FormErrorSummary.tsx';
import { Modal } from './Modal.tsx';
import type { Submit } from './useSubmit.ts';

interface FormDialogProps {
  title: string;
  onClose: () => void;
  /** the form's save state, from useSubmit (the fields read their messages from it too) */
  submit: Submit;
  /** the save itself; a refusal is shown on the form, all its problems at once */
  onSubmit: () => Promise<unknown>;
  submitLabel?: string;
  canSubmit?: boolean;
  size?: 'small' | 'medium' | 'large';
  /** fields one under the other, or on the two-column grid */
  layout?: 'stack' | 'grid';
  /** the form's accessible name, when it differs from nothing */
  formLabel?: string;
  testId?: string;
  children: ReactNode;
}

/**
 * A dialog that edits something: a Modal that cannot be closed while the save runs,
 * the form, every problem of a refused save, and 取消 / submit.
 */
export function FormDialog({ title, onClose, submit, onSubmit, submitLabel, canSubmit, size, layout = 'stack', formLabel, testId, children }: FormDialogProps) {
  const { t } = useTranslation();
  const wide = layout === 'grid' ? 'field-wide' : undefined;
  const send = (event: FormEvent) => {
    event.preventDefault();
    void submit.run(onSubmit);
  };
  return (
    <Modal title={title} onClose={onClose} busy={submit.busy} size={size}>
      <form className={layout === 'grid' ? 'form-grid' : 'form-stack'} onSubmit={send} noValidate aria-label={formLabel} data-testid={testId}>
        {children}
        <FormErrorSummary errors={submit.errors} className={wide} />
        <FormActions className={wide} busy={submit.busy} onCancel={onClose} submitLabel={submitLabel ?? t('common.save')} canSubmit={canSubmit} />
      </form>
    </Modal>
  );
}
