import { useTranslation } from 'react-i18next';

interface FormActionsProps {
  busy: boolean;
  onCancel: () => void;
  submitLabel: string;
  /** the submit button's text while the call runs (保存中… unless the step has its own word) */
  busyLabel?: string;
  canSubmit?: boolean;
  /** a step that cannot be undone: the submit button is red */
  danger?: boolean;
  /** a question before a destructive step: 取消 has the focus, so Enter alone does nothing harmful */
  focusCancel?: boolean;
  className?: string;
}

/** A form's 取消 and submit buttons; both wait while the call runs; submit also waits for what the form still lacks (canSubmit). */
export function FormActions({ busy, onCancel, submitLabel, busyLabel, canSubmit = true, danger, focusCancel, className }: FormActionsProps) {
  const { t } = useTranslation();
  return (
    <div className={className ? `form-actions ${className}` : 'form-actions'}>
      <button type="button" className="button" onClick={onCancel} disabled={busy} {...(focusCancel ? { 'data-autofocus': true } : {})}>
        {t('common.cancel')}
      </button>
      <button type="submit" className={`button ${danger ? 'button-danger' : 'button-primary'}`} disabled={busy || !canSubmit}>
        {busy ? (busyLabel ?? t('common.saving')) : submitLabel}
      </button>
    </div>
  );
}
