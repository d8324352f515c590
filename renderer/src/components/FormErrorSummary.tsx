import { useTranslation } from 'react-i18next';
import { errorCount, type FormErrors } from './form-errors.ts';

/**
 * Above a form's buttons: the problems no field shows, and, when a save was refused
 * for several reasons, all of them in one list, so none is missed in a long form.
 * A single problem shown at its field is not repeated here.
 */
export function FormErrorSummary({ errors, className }: { errors: FormErrors; className?: string }) {
  const { t } = useTranslation();
  const count = errorCount(errors);
  if (count === 0 || (count === 1 && errors.general.length === 0)) return null;
  const all = [...errors.general, ...Object.values(errors.fields)];
  return (
    <div className={`notice notice-error form-error-summary${className ? ` ${className}` : ''}`} role="alert" data-testid="form-errors">
      {count > 1 ? (
        <>
          <div>{t('forms.summary', { count })}</div>
          <ul>
            {all.map((message, i) => (
              <li key={i}>{message}</li>
            ))}
          </ul>
        </>
      ) : (
        all[0]
      )}
    </div>
  );
}
