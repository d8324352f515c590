import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StagedFile } from '../../../../electron/api/schemas/files.ts';
import { formatSize } from '../../files/read-file.ts';

// files.stage refuses more than this (the contract's MAX_STAGED_BYTES); say so before reading 80 MB.
const MAX_BYTES = 80 * 1024 * 1024;
const ACCEPTED = /\.(xlsx|csv)$/i;

export type Staging = { name: string; size: number; phase: 'reading' | 'uploading'; share: number };

interface FileStepProps {
  /** reading and handing over the chosen file */
  staging: Staging | null;
  /** a file staged earlier (a cancelled preview): check it again without choosing */
  staged: StagedFile | null;
  onFile: (file: File) => void;
  onRecheck: () => void;
  onRefuse: (message: string) => void;
}

/** Step 1: a .xlsx or .csv ledger, by button or by dropping it here. */
export function FileStep({ staging, staged, onFile, onRecheck, onRefuse }: FileStepProps) {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  const take = (file: File | undefined) => {
    if (!file) return;
    if (!ACCEPTED.test(file.name)) {
      onRefuse(/\.xls$/i.test(file.name) ? t('ledger.file.xlsRefused', { name: file.name }) : t('ledger.file.typeRefused', { name: file.name }));
      return;
    }
    if (file.size > MAX_BYTES) {
      onRefuse(t('ledger.file.tooLarge', { name: file.name, size: formatSize(file.size) }));
      return;
    }
    onFile(file);
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    if (!staging) take(event.dataTransfer.files[0]);
  };

  return (
    <div className="panel">
      <div
        className={`dropzone${over ? ' dropzone-over' : ''}`}
        data-testid="dropzone"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <p className="dropzone-title">{t('ledger.file.dropHere')}</p>
        <p className="muted">{t('ledger.file.formats')}</p>
        <button type="button" className="button button-primary" onClick={() => inputRef.current?.click()} disabled={staging !== null}>
          {t('ledger.file.choose')}
        </button>
        <input
          ref={inputRef}
          type="file"
          className="visually-hidden"
          accept=".xlsx,.csv"
          aria-label={t('ledger.file.choose')}
          data-testid="ledger-file-input"
          tabIndex={-1}
          onChange={(e) => {
            take(e.target.files?.[0]);
            // the same file again is a new choice
            e.target.value = '';
          }}
        />
      </div>
      {staging && (
        <div className="file-line" role="status" data-testid="staging">
          <strong>{staging.name}</strong> <span className="muted">{formatSize(staging.size)}</span>{' '}
          {staging.phase === 'reading' ? t('ledger.file.reading', { percent: Math.round(staging.share * 100) }) : t('ledger.file.uploading')}
        </div>
      )}
      {!staging && staged && (
        <div className="file-line">
          <span>
            {t('ledger.file.chosen')} <strong>{staged.name}</strong> <span className="muted">{formatSize(staged.size)}</span>
          </span>
          <button type="button" className="button" onClick={onRecheck}>
            {t('ledger.file.recheck')}
          </button>
        </div>
      )}
    </div>
  );
}
