import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CandidateCheck } from '../../../../electron/api/schemas/certificates.ts';
import { ApiError, api } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { useCall } from '../../components/useLoad.ts';
import { useSubmit } from '../../components/useSubmit.ts';

/**
 * 颁发监督员证: what will be signed before anything is — how many certificates, their
 * numbers, validity and issuer; the candidates who passed but are not on the roster or
 * hold no valid A certificate, each issuable only by 特批 with a written reason; then
 * the signing key's passphrase, asked here when the node needs one.
 */
export function IssueDialog({ examId, onClose, onDone }: { examId: string; onClose: () => void; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const { value: preview, error: previewError } = useCall('training.certificatePreview', { examId });
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [reason, setReason] = useState('');
  const [askPassphrase, setAskPassphrase] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const submit = useSubmit(['reason', 'passphrase']);

  const count = (preview?.eligible.length ?? 0) + picked.size;
  const numbers = preview?.nextNumbers.slice(0, count) ?? [];
  const toggle = (id: string) => setPicked((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])));

  const issue = async () => {
    if (!preview) return;
    try {
      const r = await api.call('training.issueCertificates', {
        examId,
        issueDate: preview.issueDate,
        ...(askPassphrase ? { passphrase } : {}),
        ...(picked.size ? { override: { candidateIds: [...picked], reason } } : {}),
      });
      onDone(t('training.issue.done', { issued: r.issued.length, already: r.alreadyCertified, withheld: r.withheld.length }));
    } catch (e) {
      if (!(e instanceof ApiError && (e.code === 'PASSPHRASE_REQUIRED' || e.code === 'WRONG_PASSPHRASE'))) throw e;
      // the first ask is no error: the node's key is sealed by a passphrase
      if (askPassphrase) submit.setField('passphrase', e.message);
      setAskPassphrase(true);
    }
  };

  const title = t('training.issue.title');
  const loading = previewError ? (
    <div className="notice notice-error" role="alert">
      {previewError}
    </div>
  ) : (
    <p className="muted">{t('app.loading')}</p>
  );
  return (
    <FormDialog
      title={title}
      onClose={onClose}
      submit={submit}
      onSubmit={issue}
      size="large"
      formLabel={title}
      placeholder={preview ? undefined : loading}
      submitLabel={t('training.issue.submit', { count })}
      canSubmit={count > 0 && Boolean(preview?.resultsPublished) && (!askPassphrase || passphrase.length > 0)}
    >
      {preview && (
        <>
          <dl className="issue-summary" data-testid="issue-summary">
            <dt>{t('training.issue.count')}</dt>
            <dd data-testid="issue-count">{t('training.issue.countText', { count })}</dd>
            <dt>{t('training.issue.numbers')}</dt>
            <dd data-testid="issue-numbers">{numbers.length === 0 ? '—' : numbers.length === 1 ? numbers[0] : t('training.issue.range', { first: numbers[0], last: numbers.at(-1) })}</dd>
            <dt>{t('training.issue.validity')}</dt>
            <dd data-testid="issue-validity">{t('training.issue.validityText', { from: preview.issueDate, to: preview.validUntil })}</dd>
            <dt>{t('training.issue.issuer')}</dt>
            <dd data-testid="issue-issuer">{preview.issuerName}</dd>
          </dl>
          {preview.alreadyCertified > 0 && <p className="muted">{t('training.issue.already', { count: preview.alreadyCertified })}</p>}
          {preview.eligible.length > 0 && (
            <details>
              <summary>{t('training.issue.eligible', { count: preview.eligible.length })}</summary>
              <CandidateTable rows={preview.eligible} testId="issue-eligible" />
            </details>
          )}
          {preview.blocked.length > 0 && (
            <section className="notice notice-warn" aria-label={t('training.issue.blockedTitle')}>
              <strong>{t('training.issue.blocked', { count: preview.blocked.length })}</strong>
              <CandidateTable rows={preview.blocked} testId="issue-blocked" picked={picked} onToggle={toggle} />
            </section>
          )}
          {picked.size > 0 && (
            <Field label={t('training.issue.reason')} required hint={t('training.issue.reasonHint')} error={submit.of('reason')}>
              {(c) => <textarea {...c} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
            </Field>
          )}
          {askPassphrase && (
            <Field label={t('training.issue.passphrase')} required hint={t('training.issue.passphraseHint')} error={submit.of('passphrase')}>
              {(c) => <input {...c} type="password" autoComplete="off" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} autoFocus />}
            </Field>
          )}
          {!preview.resultsPublished && <div className="notice notice-warn">{t('training.issue.unpublished')}</div>}
        </>
      )}
    </FormDialog>
  );
}

function CandidateTable({ rows, testId, picked, onToggle }: { rows: CandidateCheck[]; testId: string; picked?: ReadonlySet<string>; onToggle?: (id: string) => void }) {
  const { t } = useTranslation();
  return (
    <table className="issue-candidates" data-testid={testId}>
      <thead>
        <tr>
          {onToggle && <th>{t('training.issue.override')}</th>}
          <th>{t('training.result.candidateNo')}</th>
          <th>{t('training.result.name')}</th>
          <th>{t('training.result.unit')}</th>
          <th>{t('training.issue.check')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.candidateId} data-problem={r.problem ?? ''}>
            {onToggle && (
              <td>
                <input type="checkbox" checked={picked?.has(r.candidateId) ?? false} onChange={() => onToggle(r.candidateId)} aria-label={t('training.issue.overrideOne', { name: r.name })} />
              </td>
            )}
            <td>{r.candidateNo}</td>
            <td>{r.name}</td>
            <td>{r.unitName ?? '—'}</td>
            <td>
              {r.problem && <span className="badge badge-warn">{t(`training.issue.problem.${r.problem}`)}</span>} {r.message}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
