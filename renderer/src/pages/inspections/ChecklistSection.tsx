import { useTranslation } from 'react-i18next';
import type { RecordFile, RecordItem } from '../../../../electron/api/schemas/inspections.ts';
import type { z } from 'zod';
import { ChecklistResults } from './ChecklistResults.tsx';

/** 检查项目 with what was found and the photos and files: the same panel on an inspection record and a 自查 / 互查. */
export function ChecklistSection({
  idPrefix,
  items,
  findings,
  files,
  onDownload,
}: {
  /** 'record' or 'check': names the heading's id and the table's test id */
  idPrefix: string;
  items: readonly Pick<RecordItem, 'code' | 'text' | 'result' | 'note'>[];
  findings: string | null;
  files: readonly z.infer<typeof RecordFile>[];
  onDownload: (attachmentId: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby={`${idPrefix}-items-title`}>
      <h2 id={`${idPrefix}-items-title`} className="section-title">
        {t('inspections.record.items')}
      </h2>
      <ChecklistResults items={items} testId={`${idPrefix}-results`} />
      {findings && (
        <p>
          <strong>{t('inspections.record.findings')}：</strong>
          {findings}
        </p>
      )}
      {files.length > 0 && (
        <div className="insp-files">
          <strong>{t('inspections.record.files')}：</strong>
          {files.map((f) => (
            <button key={f.attachmentId} type="button" className="button" onClick={() => onDownload(f.attachmentId)}>
              {f.fileName}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}
