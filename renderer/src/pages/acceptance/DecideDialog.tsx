import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AcceptanceDetail } from '../../../../electron/api/schemas/acceptance.ts';
import { api } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { toFormError, type FormError } from '../../components/form-errors.ts';
import { Modal } from '../../components/Modal.tsx';

/** The city bureau's decision: pass (plaque number from the pattern unless typed), return with per-item reasons, or revoke. */
export function DecideDialog({
  file,
  outcome,
  onClose,
  onDecided,
}: {
  file: AcceptanceDetail;
  outcome: 'pass' | 'return' | 'revoke';
  onClose: () => void;
  onDecided: (file: AcceptanceDetail) => void;
}) {
  const { t } = useTranslation();
  const [comments, setComments] = useState('');
  const [plaqueNo, setPlaqueNo] = useState('');
  const [returned, setReturned] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<FormError | null>(null);
  const items = file.areas.flatMap((a) => a.items);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const next = await api.call('acceptance.decide', {
        fileId: file.id,
        outcome,
        comments,
        plaqueNo: outcome === 'pass' ? plaqueNo : null,
        returnedItems: outcome === 'return' ? Object.entries(returned).map(([code, comment]) => ({ code, comment })) : [],
      });
      onDecided(next);
    } catch (e) {
      setError(toFormError(e, ['comments', 'plaqueNo', 'returnedItems']));
      setBusy(false);
    }
  };

  return (
    <Modal title={`${t('acceptance.decide.title')}：${t(`acceptance.action.${outcome}`)}`} onClose={onClose} busy={busy} size="large">
      <form className="form-stack" onSubmit={submit} noValidate>
        <Field label={t('acceptance.decide.comments')} error={error?.field === 'comments' ? error.message : undefined}>
          {(control) => <textarea {...control} name="comments" value={comments} maxLength={2000} onChange={(e) => setComments(e.target.value)} data-autofocus />}
        </Field>
        {outcome === 'pass' && (
          <Field label={t('acceptance.decide.plaqueNo')} error={error?.field === 'plaqueNo' ? error.message : undefined}>
            {(control) => <input {...control} name="plaqueNo" value={plaqueNo} maxLength={60} onChange={(e) => setPlaqueNo(e.target.value)} />}
          </Field>
        )}
        {outcome === 'return' && (
          <fieldset className="acc-return-items">
            <legend>{t('acceptance.decide.returnItems')}</legend>
            {error?.field === 'returnedItems' && <div className="field-error">{error.message}</div>}
            {items.map((item) => {
              const checked = item.code in returned;
              return (
                <div key={item.code} className="acc-actions">
                  <label>
                    <input
                      type="checkbox"
                      checked={checked}
                      onChange={(e) =>
                        setReturned((r) => {
                          const next = { ...r };
                          if (e.target.checked) next[item.code] = '';
                          else delete next[item.code];
                          return next;
                        })
                      }
                    />{' '}
                    {item.code} {item.title}
                  </label>
                  {checked && (
                    <input
                      value={returned[item.code]}
                      placeholder={t('acceptance.decide.itemComment')}
                      aria-label={`${item.code} ${t('acceptance.decide.itemComment')}`}
                      onChange={(e) => setReturned((r) => ({ ...r, [item.code]: e.target.value }))}
                      maxLength={500}
                      size={40}
                    />
                  )}
                </div>
              );
            })}
          </fieldset>
        )}
        {error && !error.field && (
          <div className="notice notice-error" role="alert">
            {error.message}
          </div>
        )}
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className={`button ${outcome === 'revoke' ? 'button-danger' : 'button-primary'}`} disabled={busy}>
            {t('acceptance.decide.save')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
