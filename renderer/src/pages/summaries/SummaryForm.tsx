import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SummaryDetail } from '../../../../electron/api/schemas/summaries.ts';
import { api, errorMessage } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { useMaxLengths } from '../../components/field-limits.ts';
import type { FormErrors } from '../../components/form-errors.ts';
import { saveFile } from '../../files/download.ts';
import { formatSize, readAsBase64 } from '../../files/read-file.ts';

export const textFields = ['narrative', 'experience', 'problems', 'proposals'] as const;
export type TextField = (typeof textFields)[number];

/** What the office is writing: the four texts, the attachments kept and the files added since the last save. */
export interface Draft {
  texts: Record<TextField, string>;
  keep: string[];
  added: Array<{ id: string; name: string; size: number }>;
}

export function draftOf(s: SummaryDetail): Draft {
  return {
    texts: { narrative: s.narrative ?? '', experience: s.experience ?? '', problems: s.problems ?? '', proposals: s.proposals ?? '' },
    keep: s.attachments.map((a) => a.attachmentId),
    added: [],
  };
}

export function isDirty(s: SummaryDetail, d: Draft): boolean {
  const saved = draftOf(s);
  return textFields.some((f) => saved.texts[f] !== d.texts[f]) || d.added.length > 0 || saved.keep.length !== d.keep.length;
}

export const ACCEPT = '.pdf,.jpg,.jpeg,.png,.doc,.docx,.xls,.xlsx';

export async function downloadAttachment(attachmentId: string, onFailed: (message: string) => void): Promise<void> {
  try {
    await saveFile(await api.call('summaries.attachmentFile', { attachmentId }));
  } catch (error) {
    onFailed(errorMessage(error));
  }
}

/** The texts and attachments of an editable summary; the page saves them. */
export function SummaryForm({ summary, draft, onChange, errors, busy, onFailed }: { summary: SummaryDetail; draft: Draft; onChange: (d: Draft) => void; errors: FormErrors; busy: boolean; onFailed: (message: string) => void }) {
  const { t } = useTranslation();
  const max = useMaxLengths('summaries.save');
  const input = useRef<HTMLInputElement>(null);
  const [staging, setStaging] = useState(false);
  const setText = (field: TextField, value: string) => onChange({ ...draft, texts: { ...draft.texts, [field]: value } });
  const required: Record<TextField, boolean> = { narrative: false, experience: true, problems: true, proposals: true };

  const add = async (file: File) => {
    setStaging(true);
    try {
      const staged = await api.call('files.stage', { name: file.name, contentBase64: await readAsBase64(file, () => undefined) });
      onChange({ ...draft, added: [...draft.added.filter((a) => a.id !== staged.id), staged] });
    } catch (e) {
      onFailed(errorMessage(e));
    } finally {
      setStaging(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <div className="form-stack sum-form">
      {textFields.map((field) => (
        <Field key={field} label={t(`summaries.fields.${field}`)} required={required[field]} hint={t(`summaries.fields.${field}Hint`)} error={errors.fields[field]} maxLength={max(field)} length={draft.texts[field].length}>
          {(c) => <textarea {...c} name={field} rows={field === 'narrative' ? 3 : 5} value={draft.texts[field]} disabled={busy} onChange={(e) => setText(field, e.target.value)} />}
        </Field>
      ))}
      <fieldset className="sum-attachments">
        <legend className="field-label">{t('summaries.fields.attachments')}</legend>
        {summary.attachments.length + draft.added.length === 0 && <span className="muted">{t('summaries.fields.noAttachments')}</span>}
        <ul>
          {summary.attachments
            .filter((a) => draft.keep.includes(a.attachmentId))
            .map((a) => (
              <li key={a.attachmentId}>
                <button type="button" className="button button-link" onClick={() => void downloadAttachment(a.attachmentId, onFailed)}>
                  {a.fileName}
                </button>
                <span className="muted"> {formatSize(a.size)} </span>
                <button type="button" className="button" disabled={busy} aria-label={`${t('summaries.fields.removeAttachment')} ${a.fileName}`} onClick={() => onChange({ ...draft, keep: draft.keep.filter((id) => id !== a.attachmentId) })}>
                  {t('summaries.fields.removeAttachment')}
                </button>
              </li>
            ))}
          {draft.added.map((a) => (
            <li key={a.id}>
              {a.name} <span className="muted">{formatSize(a.size)} {t('summaries.fields.newAttachment')} </span>
              <button type="button" className="button" disabled={busy} aria-label={`${t('summaries.fields.removeAttachment')} ${a.name}`} onClick={() => onChange({ ...draft, added: draft.added.filter((x) => x.id !== a.id) })}>
                {t('summaries.fields.removeAttachment')}
              </button>
            </li>
          ))}
        </ul>
        <label className="button">
          {t('summaries.fields.addAttachment')}
          <input
            ref={input}
            type="file"
            accept={ACCEPT}
            hidden
            disabled={busy || staging}
            aria-label={t('summaries.fields.addAttachment')}
            onChange={(e) => {
              const chosen = e.target.files?.[0];
              if (chosen) void add(chosen);
            }}
          />
        </label>
        <span className="muted"> {t('summaries.fields.attachmentsHint')}</span>
        {errors.fields['attachments'] && (
          <div className="field-error" role="alert">
            {errors.fields['attachments']}
          </div>
        )}
      </fieldset>
    </div>
  );
}
