import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BlockCheckDetail } from '../../../../../electron/api/schemas/routine.ts';
import { api, errorMessage } from '../../../api/client.ts';
import { Badge } from '../../../components/Badge.tsx';
import { StatusNotice, type Status } from '../../../components/StatusNotice.tsx';
import { saveFile } from '../../../files/download.ts';
import { hrefFor } from '../../../router/hash-router.ts';
import { CheckDialog } from './CheckDialog.tsx';
import { CheckFindingDialog } from './CheckFindingDialog.tsx';
import { ChecklistSection } from '../../inspections/ChecklistSection.tsx';

/** One 自查 or 互查: who checked whom, when, each item's result, findings, signer, photos, the hazards found. */
export function CheckView({ id }: { id: string }) {
  const { t } = useTranslation();
  const [check, setCheck] = useState<BlockCheckDetail | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [dialog, setDialog] = useState<'edit' | 'finding' | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setCheck(await api.call('blocks.getCheck', { id }));
    } catch (error) {
      setStatus({ tone: 'error', text: errorMessage(error) });
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  const finalize = async () => {
    if (!check || !window.confirm(t('routine.check.confirmFinalize'))) return;
    setBusy(true);
    try {
      setCheck(await api.call('blocks.finalizeCheck', { id: check.id, version: check.version }));
      setStatus({ tone: 'ok', text: t('routine.check.finalized') });
    } catch (error) {
      setStatus({ tone: 'error', text: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };
  const download = (attachmentId: string) => api.call('blocks.routineFile', { attachmentId }).then(saveFile, (error: unknown) => setStatus({ tone: 'error', text: errorMessage(error) }));
  const done = (text: string) => {
    setDialog(null);
    setStatus({ tone: 'ok', text });
    void load();
  };
  const kindWord = check ? t(`routine.checkKind.${check.kind}`) : '';

  return (
    <section className="page blocks-page" data-testid="block-check">
      <div className="page-header">
        <a href={check ? hrefFor('blocks', { block: check.blockId, view: 'checks' }) : hrefFor('blocks')}>{check ? t('routine.title', { name: check.blockName }) : t('routine.back')}</a>
        <h1 className="page-title">{check ? t('routine.check.title', { kind: kindWord, unit: check.checkedUnitName }) : t('app.loading')}</h1>
        {check && <Badge tone={check.state === 'final' ? 'ok' : 'muted'}>{t(`routine.check.state.${check.state}`)}</Badge>}
      </div>
      <StatusNotice status={status} />
      {check && (
        <>
          <section className="panel">
            <dl className="insp-facts">
              <dt>{t('routine.check.checkedUnit')}</dt>
              <dd>{check.checkedUnitName}</dd>
              <dt>{t('routine.check.checker')}</dt>
              <dd data-testid="check-checker">{`${check.checkerManagerName}（${check.checkerUnitName}）`}</dd>
              <dt>{t('routine.check.checkedOn')}</dt>
              <dd>{check.checkedOn}</dd>
              <dt>{t('routine.check.checklist')}</dt>
              <dd>{t('inspections.checklist.option', { name: check.checklistName, version: check.checklistVersion, source: '' })}</dd>
              <dt>{t('routine.check.checkedSigner')}</dt>
              <dd>{check.checkedSigner ?? '—'}</dd>
              <dt>{t('routine.check.problems')}</dt>
              <dd data-testid="check-problems">{check.problems}</dd>
            </dl>
            <div className="insp-toolbar" role="toolbar" aria-label={t('routine.check.title', { kind: kindWord, unit: check.checkedUnitName })}>
              {check.actions.includes('edit') && (
                <button type="button" className="button button-primary" onClick={() => setDialog('edit')} disabled={busy}>
                  {t('routine.check.edit')}
                </button>
              )}
              {check.actions.includes('finalize') && (
                <button type="button" className="button" onClick={() => void finalize()} disabled={busy}>
                  {t('routine.check.finalize')}
                </button>
              )}
              {check.actions.includes('finding') && (
                <button type="button" className="button button-primary" onClick={() => setDialog('finding')} disabled={busy}>
                  {t('routine.finding.add')}
                </button>
              )}
            </div>
          </section>
          <ChecklistSection idPrefix="check" items={check.items} findings={check.findings} files={check.files} onDownload={(id) => void download(id)} />
          <section className="panel" aria-labelledby="check-hazards-title">
            <h2 id="check-hazards-title" className="section-title">
              {t('routine.check.foundHazards')}
            </h2>
            {check.foundHazards.length === 0 ? (
              <p className="muted">{t('routine.check.noHazards')}</p>
            ) : (
              <ul data-testid="check-hazards">
                {check.foundHazards.map((h) => (
                  <li key={h.id} data-state={h.state}>
                    <Badge tone={h.level === 'major' ? 'danger' : 'warn'}>{t(`inspections.level.${h.level}`)}</Badge> <a href={hrefFor('hazards', { id: h.id })}>{h.description}</a>{' '}
                    <Badge tone={h.state === 'closed' || h.state === 'archived' ? 'ok' : 'muted'}>{t(`hazards.state.${h.state}`, { defaultValue: h.state })}</Badge>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
      {dialog === 'edit' && check && <CheckDialog check={check} onClose={() => setDialog(null)} onSaved={() => done(t('routine.check.saved', { kind: kindWord }))} />}
      {dialog === 'finding' && check && <CheckFindingDialog check={check} onClose={() => setDialog(null)} onDone={done} />}
    </section>
  );
}
