import { useTranslation } from 'react-i18next';

/** A form's 取消 and submit buttons; both wait while the call runs; submit also waits for what the form still lacks (canSubmit). */
export function FormActions({ busy, onCancel, submitLabel, canSubmit = true, className }: { busy: boolean; onCancel: () => void; submitLabel: string; canSubmit?: boolean; className?: string }) {
  const { t } = useTranslation();
  return (
    <div className={className ? `form-actions ${className}` : 'form-actions'}>
      <button type="button" className="button" onClick={onCancel} disabled={busy}>
        {t('common.cancel')}
      </button>
      <button type="submit" className="button button-primary" disabled={busy || !canSubmit}>
        {busy ? t('common.saving') : submitLabel}
      </button>
    </div>
  );
}
