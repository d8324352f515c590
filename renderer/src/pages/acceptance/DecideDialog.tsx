import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AcceptanceDetail } from '../../../../electron/api/schemas/acceptance.ts';
import { api } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { useSubmit } from '../../components/useSubmit.ts';
import { ContradictionList } from './ContradictionList.tsx';

const fieldNames = ['comments', 'plaqueNo', 'returnedItems', 'confirmContradictions'];

/**
 * The city bureau's decision: pass (plaque number from the pattern unless typed), return
 * with per-item reasons, or revoke. This dialog is the confirmation of the step: it says
 * what will follow, and a pass over veto items marked against the system's finding
 * lists them and needs a tick and a comment.
 */
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
  const [confirmed, setConfirmed] = useState(false);
  const submit = useSubmit(fieldNames);
  const items = file.areas.flatMap((a) => a.items);
  const veto = outcome === 'pass' ? file.contradictions.filter((c) => c.veto) : [];
  const others = outcome === 'pass' ? file.contradictions.filter((c) => !c.veto) : [];

  const decide = async () => {
    // the core refuses these too; asked here first so the clerk sees which field
    if (veto.length > 0 && !confirmed) {
      submit.setField('confirmContradictions', t('acceptance.decide.confirmRequired'));
      return;
    }
    const next = await api.call('acceptance.decide', {
      fileId: file.id,
      outcome,
      comments,
      plaqueNo: outcome === 'pass' ? plaqueNo : null,
      returnedItems: outcome === 'return' ? Object.entries(returned).map(([code, comment]) => ({ code, comment })) : [],
      confirmContradictions: veto.length > 0 && confirmed,
    });
    onDecided(next);
  };
  const action = t(`acceptance.action.${outcome}`);

  return (
    <FormDialog title={`${t('acceptance.decide.title')}：${action}`} onClose={onClose} submit={submit} onSubmit={decide} size="large" submitLabel={action} busyLabel={action} danger={outcome === 'revoke'}>
      <p className="confirm-question">{t(`acceptance.decide.consequence.${outcome}`)}</p>
      {veto.length > 0 && (
        <div className="notice notice-warn" data-testid="decide-contradictions">
          <ContradictionList title={t('acceptance.decide.contradictions')} items={veto} />
          <label className="acc-confirm-check">
            <input
              type="checkbox"
              checked={confirmed}
              aria-invalid={Boolean(submit.of('confirmContradictions'))}
              onChange={(e) => {
                setConfirmed(e.target.checked);
                submit.clearField('confirmContradictions');
              }}
            />{' '}
            {t('acceptance.decide.confirmContradictions')}
          </label>
          {submit.of('confirmContradictions') && (
            <div className="field-error" role="alert">
              {submit.of('confirmContradictions')}
            </div>
          )}
        </div>
      )}
      {others.length > 0 && <ContradictionList title={t('acceptance.decide.others')} items={others} />}
      <Field
        label={veto.length > 0 ? t('acceptance.decide.commentsRequired') : t('acceptance.decide.comments')}
        required={veto.length > 0 || outcome === 'revoke'}
        error={submit.of('comments')}
      >
        {(control) => <textarea {...control} name="comments" value={comments} maxLength={2000} onChange={(e) => setComments(e.target.value)} data-autofocus />}
      </Field>
      {outcome === 'pass' && (
        <Field label={t('acceptance.decide.plaqueNo')} error={submit.of('plaqueNo')}>
          {(control) => <input {...control} name="plaqueNo" value={plaqueNo} maxLength={60} onChange={(e) => setPlaqueNo(e.target.value)} />}
        </Field>
      )}
      {outcome === 'return' && (
        <fieldset className="acc-return-items">
          <legend>{t('acceptance.decide.returnItems')}</legend>
          {submit.of('returnedItems') && <div className="field-error">{submit.of('returnedItems')}</div>}
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
    </FormDialog>
  );
}
