import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AcceptanceDetail, AcceptanceItem, Evidence } from '../../../../electron/api/schemas/acceptance.ts';
import { api, errorMessage } from '../../api/client.ts';
import { Badge } from '../../components/Badge.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { saveFile } from '../../files/download.ts';
import { formatSize, readAsBase64 } from '../../files/read-file.ts';
import { useObjectUrl } from '../../files/useObjectUrl.ts';
import { useCall } from '../../components/useLoad.ts';

const ACCEPT = '.pdf,.jpg,.jpeg,.png,.doc,.docx,.xls,.xlsx';

interface Props {
  file: AcceptanceDetail;
  item: AcceptanceItem;
  maxMb: number;
  onChanged: (message: string) => void;
  onFailed: (message: string) => void;
}

/** One checklist item: what is expected, the registry's check, result / reason / comment, evidence files. */
export function ItemCard({ file, item, maxMb, onChanged, onFailed }: Props) {
  const { t } = useTranslation();
  const [result, setResult] = useState(item.result ?? '');
  const [reason, setReason] = useState(item.reason ?? '');
  const [comment, setComment] = useState(item.comment ?? '');
  const [against, setAgainst] = useState(item.contradiction?.reason ?? '');
  const [busy, setBusy] = useState(false);
  const [removing, setRemoving] = useState<Evidence | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const editable = !file.locked;
  // 符合 or 不适用 where the system found 不符合: a reason is asked for before saving
  const goesAgainst = item.prefill?.outcome === 'fail' && (result === 'pass' || result === 'na');
  const dirty =
    result !== (item.result ?? '') || reason !== (item.reason ?? '') || comment !== (item.comment ?? '') || (goesAgainst && against !== (item.contradiction?.reason ?? ''));

  useEffect(() => {
    setResult(item.result ?? '');
    setReason(item.reason ?? '');
    setComment(item.comment ?? '');
    setAgainst(item.contradiction?.reason ?? '');
  }, [item]);

  const save = async () => {
    setBusy(true);
    try {
      await api.call('acceptance.saveItem', {
        itemId: item.id,
        version: item.version,
        result: result === '' ? null : (result as 'pass' | 'fail' | 'na'),
        reason,
        comment,
        contradictionReason: goesAgainst ? against : null,
      });
      onChanged(t('acceptance.file.itemSaved', { code: item.code }));
    } catch (error) {
      onFailed(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const upload = async (chosen: File) => {
    if (chosen.size > maxMb * 1024 * 1024) {
      onFailed(t('acceptance.file.tooLarge', { name: chosen.name, mb: maxMb }));
      return;
    }
    setBusy(true);
    try {
      // the bytes go to the core by files.stage; the evidence names the staged file by its hash
      const staged = await api.call('files.stage', { name: chosen.name, contentBase64: await readAsBase64(chosen, () => undefined) });
      await api.call('acceptance.attachEvidence', { itemId: item.id, stagedId: staged.id, note: null });
      onChanged(t('acceptance.file.uploaded', { name: chosen.name }));
    } catch (error) {
      onFailed(errorMessage(error));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  const remove = async (evidence: Evidence) => {
    setRemoving(null);
    setBusy(true);
    try {
      await api.call('acceptance.removeEvidence', { id: evidence.id });
      onChanged(`${t('acceptance.file.remove')}：${evidence.fileName}`);
    } catch (error) {
      onFailed(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const publish = async (evidence: Evidence) => {
    try {
      await api.call('acceptance.publishTemplate', { evidenceId: evidence.id, title: null });
      onChanged(t('acceptance.file.published'));
    } catch (error) {
      onFailed(errorMessage(error));
    }
  };

  const download = async (evidence: Evidence) => {
    try {
      await saveFile(await api.call('acceptance.evidenceFile', { attachmentId: evidence.attachmentId }));
    } catch (error) {
      onFailed(errorMessage(error));
    }
  };

  const canPublish = file.state === 'passed' && item.systemDocument && file.actions.includes('recheck');
  return (
    <div className={`acc-item${item.returnedComment ? ' acc-item-returned' : ''}`} data-testid={`item-${item.code}`}>
      <div className="acc-item-head">
        <span className="acc-item-code">{item.code}</span>
        <strong>{item.title}</strong>
        {item.veto && <Badge tone="danger">{t('acceptance.file.veto')}</Badge>}
        {item.result && <Badge tone={item.result === 'pass' ? 'ok' : item.result === 'fail' ? 'danger' : 'muted'}>{t(`acceptance.result.${item.result}`)}</Badge>}
      </div>
      <div className="muted acc-small">
        {t('acceptance.file.expected', { text: item.evidenceExpected })}；{t('acceptance.file.how', { text: item.check })}
      </div>
      {item.prefill && (
        <div className="acc-small" title={item.prefill.details.join('\n')}>
          <Badge tone={item.prefill.outcome === 'pass' ? 'ok' : item.prefill.outcome === 'fail' ? 'danger' : 'warn'}>
            {t('acceptance.file.prefill', { text: item.prefill.summary })}
          </Badge>
          {item.prefill.details.length > 0 && <span className="muted"> {item.prefill.details.slice(0, 3).join('；')}</span>}
        </div>
      )}
      {item.contradiction && (
        <div className="notice notice-warn acc-small" role="note" data-testid={`item-contradiction-${item.code}`}>
          <strong>{t('acceptance.file.contradiction')}</strong>：
          {t('acceptance.file.contradictionText', { finding: item.contradiction.finding, reason: item.contradiction.reason ?? t('acceptance.file.noReason') })}
        </div>
      )}
      {item.returnedComment && (
        <div className="notice notice-error acc-small" role="note">
          {t('acceptance.file.returnedItem', { comment: item.returnedComment })}
        </div>
      )}
      <div className="acc-item-fields">
        <label>
          {t('acceptance.file.result')}{' '}
          <select value={result} onChange={(e) => setResult(e.target.value)} disabled={!editable || busy} aria-label={`${item.code} ${t('acceptance.file.result')}`}>
            <option value="">{t('acceptance.file.resultNone')}</option>
            <option value="pass">{t('acceptance.result.pass')}</option>
            <option value="fail">{t('acceptance.result.fail')}</option>
            <option value="na">{t('acceptance.result.na')}</option>
          </select>
        </label>
        {result === 'na' && (
          <input
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder={t('acceptance.file.reason')}
            aria-label={`${item.code} ${t('acceptance.file.reason')}`}
            disabled={!editable || busy}
            maxLength={300}
          />
        )}
        {editable && goesAgainst && (
          <div className="acc-against">
            <div className="field-hint" id={`against-${item.id}`}>
              {t('acceptance.file.against', { text: item.prefill!.summary, result: t(`acceptance.result.${result}`) })}
            </div>
            <textarea
              value={against}
              onChange={(e) => setAgainst(e.target.value)}
              placeholder={t('acceptance.file.contradictionReason')}
              aria-label={`${item.code} ${t('acceptance.file.contradictionReason')}`}
              aria-describedby={`against-${item.id}`}
              aria-required
              disabled={busy}
              maxLength={500}
            />
          </div>
        )}
        <textarea
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          placeholder={t('acceptance.file.comment')}
          aria-label={`${item.code} ${t('acceptance.file.comment')}`}
          disabled={!editable || busy}
          maxLength={1000}
        />
        {editable && (
          <button type="button" className="button" disabled={!dirty || busy} onClick={() => void save()}>
            {t('acceptance.file.saveItem')}
          </button>
        )}
      </div>
      <div className="acc-evidence">
        <span className="acc-small">{t('acceptance.file.evidence')}：</span>
        {item.evidence.length === 0 && (
          <span className="muted acc-small">{item.evidenceRequired ? t('acceptance.file.noEvidence') : t('acceptance.file.noEvidenceNeeded')}</span>
        )}
        {item.evidence.map((e) => (
          <span key={e.id} className="acc-evidence-file">
            {e.mimeType.startsWith('image/') && <Thumb attachmentId={e.attachmentId} />}
            <button type="button" className="button button-link" onClick={() => void download(e)}>
              {e.fileName}
            </button>
            <span className="muted acc-small">{formatSize(e.size)}</span>
            {editable && (
              <button type="button" className="button" disabled={busy} onClick={() => setRemoving(e)} aria-label={`${t('acceptance.file.remove')} ${e.fileName}`}>
                {t('acceptance.file.remove')}
              </button>
            )}
            {canPublish && (
              <button type="button" className="button" onClick={() => void publish(e)}>
                {t('acceptance.file.publish')}
              </button>
            )}
          </span>
        ))}
        {editable && (
          <label className="button">
            {busy ? t('acceptance.file.uploading') : t('acceptance.file.upload')}
            <input
              ref={input}
              type="file"
              accept={ACCEPT}
              hidden
              disabled={busy}
              aria-label={`${item.code} ${t('acceptance.file.upload')}`}
              onChange={(e) => {
                const chosen = e.target.files?.[0];
                if (chosen) void upload(chosen);
              }}
            />
          </label>
        )}
        {editable && <span className="muted acc-small">{t('acceptance.file.uploadHint', { mb: maxMb })}</span>}
      </div>
      {removing && (
        <ConfirmDialog
          title={t('acceptance.confirm.removeTitle')}
          question={t('acceptance.confirm.remove', { name: removing.fileName })}
          confirmLabel={t('acceptance.file.remove')}
          danger
          onCancel={() => setRemoving(null)}
          onConfirm={() => void remove(removing)}
        />
      )}
    </div>
  );
}

/** A small picture of an image evidence file (read once, shown from a blob URL). */
function Thumb({ attachmentId }: { attachmentId: string }) {
  // a picture that cannot be read is left out; the file's name and size stay beside it
  const url = useObjectUrl(useCall('acceptance.evidenceFile', { attachmentId }).value);
  return url ? <img className="acc-thumb" src={url} alt="" /> : null;
}
