import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';
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
  /** the submit button's text while the save runs, when 保存中… is not the word (删除中…, 签发中…) */
  busyLabel?: string;
  canSubmit?: boolean;
  /** a step that cannot be undone: the submit button is red */
  danger?: boolean;
  /** the dialog is the confirmation of a destructive step: 取消 has the focus, so Enter alone does nothing harmful */
  focusCancel?: boolean;
  /** a reader who may not change it: the footer is one 关闭 button */
  readOnly?: boolean;
  /**
   * After a refused save the cursor goes to the first field marked wrong, so a long form
   * is fixed at once; given the form's field names, to the first of them with a message
   * (its control found by name), for lists and pickers that mark no control themselves.
   */
  focusInvalid?: boolean | readonly string[];
  size?: 'small' | 'medium' | 'large';
  /** fields one under the other, or on the two-column grid */
  layout?: 'stack' | 'grid';
  /** the form's own class, when its page lays it out (replaces the layout's) */
  formClassName?: string;
  /** the form's accessible name, when it differs from nothing */
  formLabel?: string;
  testId?: string;
  /** shown instead of the form while what it edits loads, or why it could not */
  placeholder?: ReactNode;
  children: ReactNode;
}

/**
 * A dialog that edits something: a Modal that cannot be closed while the save runs,
 * the form, every problem of a refused save, and 取消 / submit. Enter in a field submits, Esc closes unless the save runs.
 */
export function FormDialog(props: FormDialogProps) {
  const { title, onClose, submit, onSubmit, submitLabel, busyLabel, canSubmit, danger, focusCancel, readOnly, focusInvalid, size, layout = 'stack', formClassName, formLabel, testId, placeholder, children } = props;
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const wide = layout === 'grid' ? 'field-wide' : undefined;
  const send = (event: FormEvent) => {
    event.preventDefault();
    if (!readOnly) void submit.run(onSubmit);
  };
  // when a save ends refused (not while typing clears a message): the first field marked wrong
  const wasBusy = useRef(false);
  useEffect(() => {
    if (submit.busy || !wasBusy.current) {
      wasBusy.current = submit.busy;
      return;
    }
    wasBusy.current = false;
    if (!focusInvalid || !formRef.current) return;
    const form = formRef.current;
    const named = Array.isArray(focusInvalid) ? (focusInvalid as readonly string[]).find((f) => submit.of(f)) : undefined;
    const control = (named ? form.querySelector<HTMLElement>(`[name="${named}"]`) : null) ?? form.querySelector<HTMLElement>('[aria-invalid="true"]');
    control?.focus();
  }, [focusInvalid, submit]);
  // the form that appears once loaded gets the focus the Modal gave its placeholder on open
  const waited = useRef(false);
  const loading = placeholder !== undefined && placeholder !== null;
  useEffect(() => {
    if (loading) {
      waited.current = true;
      return;
    }
    if (!waited.current || !formRef.current) return;
    waited.current = false;
    const form = formRef.current;
    (form.querySelector<HTMLElement>('[data-autofocus]') ?? form.querySelector<HTMLElement>('input:not([disabled]), select:not([disabled]), textarea:not([disabled])'))?.focus();
  }, [loading]);
  return (
    <Modal title={title} onClose={onClose} busy={submit.busy} size={size}>
      {placeholder ?? (
        <form ref={formRef} className={formClassName ?? (layout === 'grid' ? 'form-grid' : 'form-stack')} onSubmit={send} noValidate aria-label={formLabel} data-testid={testId}>
          {children}
          <FormErrorSummary errors={submit.errors} className={wide} />
          {readOnly ? (
            <div className={wide ? `form-actions ${wide}` : 'form-actions'}>
              <button type="button" className="button" onClick={onClose}>
                {t('common.close')}
              </button>
            </div>
          ) : (
            <FormActions className={wide} busy={submit.busy} onCancel={onClose} submitLabel={submitLabel ?? t('common.save')} busyLabel={busyLabel} canSubmit={canSubmit} danger={danger} focusCancel={focusCancel} />
          )}
        </form>
      )}
    </Modal>
  );
}
