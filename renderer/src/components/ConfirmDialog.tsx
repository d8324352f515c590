import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from './Modal.tsx';

interface ConfirmDialogProps {
  title: string;
  question: string;
  /** more to read before deciding (what will happen, what is listed) */
  children?: ReactNode;
  confirmLabel?: string;
  /** a step that cannot be undone: the confirm button is red */
  danger?: boolean;
  /** a comment to write with the step; `missing` is shown when a required one is left empty */
  comment?: { label: string; required?: boolean; missing?: string };
  /** while the step runs: buttons disabled, Esc ignored */
  busy?: boolean;
  /** the step's refusal, shown in the dialog */
  error?: string | null;
  onCancel: () => void;
  onConfirm: (comment: string) => void;
}

/** A question before a step that changes much or cannot be undone; 取消 (or the comment) has the focus, so Enter alone does nothing harmful. */
export function ConfirmDialog({ title, question, children, confirmLabel, danger, comment, busy = false, error, onCancel, onConfirm }: ConfirmDialogProps) {
  const { t } = useTranslation();
  const commentId = useId();
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  const confirm = () => {
    if (comment?.required && !text.trim()) {
      setMissing(true);
      return;
    }
    onConfirm(text.trim());
  };
  return (
    <Modal title={title} onClose={onCancel} busy={busy} size={children || comment ? 'medium' : 'small'}>
      <div className="confirm-body">
        <p className="confirm-question">{question}</p>
        {children}
        {comment && (
          <div className={`field${missing ? ' field-invalid' : ''}`}>
            <label htmlFor={commentId} className="field-label">
              {comment.label}
              {comment.required && <span className="field-required">*</span>}
            </label>
            <textarea
              id={commentId}
              value={text}
              maxLength={1000}
              aria-invalid={missing}
              aria-describedby={missing ? `${commentId}-error` : undefined}
              disabled={busy}
              data-autofocus
              onChange={(e) => {
                setText(e.target.value);
                setMissing(false);
              }}
            />
            {missing && (
              <div id={`${commentId}-error`} className="field-error" role="alert">
                {comment.missing ?? comment.label}
              </div>
            )}
          </div>
        )}
        {error && (
          <div className="notice notice-error" role="alert">
            {error}
          </div>
        )}
      </div>
      <div className="form-actions">
        <button type="button" className="button" onClick={onCancel} disabled={busy} data-autofocus={comment ? undefined : true}>
          {t('common.cancel')}
        </button>
        <button type="button" className={`button ${danger ? 'button-danger' : 'button-primary'}`} onClick={confirm} disabled={busy}>
          {confirmLabel ?? t('common.confirm')}
        </button>
      </div>
    </Modal>
  );
}
