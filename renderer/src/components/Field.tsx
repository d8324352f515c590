import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Props a control needs to be labelled and to announce its error. */
export interface ControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

interface FieldProps {
  label: string;
  required?: boolean;
  hint?: string;
  error?: string;
  className?: string;
  /**
   * A text's limit from the call's schema (useMaxLengths) and its current length: a
   * counter shows both, and a text over the limit is marked at once (never cut).
   */
  maxLength?: number;
  length?: number;
  children: (control: ControlProps) => ReactNode;
}

/** A label, one control, an optional hint and counter, and the error the core returned for this field. */
export function Field({ label, required, hint, error, className, maxLength, length, children }: FieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const counted = maxLength !== undefined && length !== undefined;
  const over = counted && length > maxLength;
  const shown = over ? t('forms.overLimit', { over: length - maxLength, max: maxLength }) : error;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = shown ? `${id}-error` : undefined;
  const counterId = counted ? `${id}-counter` : undefined;
  const describedBy = [errorId, hintId, counterId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${shown ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
        {required && (
          <span className="field-required" title={t('common.required')}>
            *
          </span>
        )}
      </label>
      {children({ id, 'aria-invalid': Boolean(shown), 'aria-describedby': describedBy })}
      {(shown || hint || counted) && (
        <div className="field-foot">
          {shown ? (
            <div id={errorId} className="field-error" role="alert">
              {shown}
            </div>
          ) : (
            hint && (
              <div id={hintId} className="field-hint">
                {hint}
              </div>
            )
          )}
          {counted && (
            <div id={counterId} className={`field-counter${over ? ' field-counter-over' : ''}`} data-testid="field-counter" aria-label={t('forms.counterLabel', { length, max: maxLength })}>
              {t('forms.counter', { length, max: maxLength })}
            </div>
          )}
        </div>
      )}
    </div>
  );
}
