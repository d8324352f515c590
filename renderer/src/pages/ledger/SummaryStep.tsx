import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CountsTable } from './CountsTable.tsx';
import { IssuesGrid, type IssueRow } from './IssuesGrid.tsx';
import { errorRowCount, recordsToWrite, type LedgerSummary } from './ledger-fields.ts';
import { SheetsPanel } from './SheetsPanel.tsx';
import { heldRows, withAccepted } from './update-rows.ts';
import { UpdatesPanel } from './UpdatesPanel.tsx';

type IssueFilter = 'all' | 'error' | 'warning';

interface SummaryStepProps {
  summary: LedgerSummary;
  /** held identity changes the user accepted */
  accepted: ReadonlySet<string>;
  onAccept: (accepted: Set<string>) => void;
  onExportUpdates: (fields: string[] | undefined) => Promise<void>;
  onImport: () => void;
  onExportProblems: () => Promise<void>;
  onAdjustMapping: () => void;
  onRestart: () => void;
}

/** The preview: what would be written, and every problem row, before anything is written. */
export function SummaryStep({ summary: previewed, accepted, onAccept, onExportUpdates, onImport, onExportProblems, onAdjustMapping, onRestart }: SummaryStepProps) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<IssueFilter>('all');
  const [exporting, setExporting] = useState(false);
  const held = useMemo(() => heldRows(previewed), [previewed]);
  // the counts as they will be written: accepted identity changes are updates too
  const summary = useMemo(() => withAccepted(previewed, accepted), [previewed, accepted]);
  const rows = useMemo<IssueRow[]>(
    () => [
      ...summary.errors.map((e, i) => ({ ...e, id: `e${i}`, severity: 'error' as const })),
      ...summary.warnings.map((w, i) => ({ ...w, id: `w${i}`, severity: 'warning' as const })),
    ],
    [summary],
  );
  const shown = filter === 'all' ? rows : rows.filter((r) => r.severity === filter);
  const toWrite = recordsToWrite(summary);
  const badRows = errorRowCount(summary);
  const issues = summary.errors.length + summary.warnings.length;

  const exportProblems = async () => {
    setExporting(true);
    try {
      await onExportProblems();
    } finally {
      setExporting(false);
    }
  };

  return (
    <div className="import-summary" data-testid="import-summary">
      <div className="panel">
        <div className="summary-head">
          <h2 className="section-title">{t('ledger.summary.title', { name: summary.fileName })}</h2>
          <span className="muted">{t('ledger.summary.rowsRead', { count: summary.rowsRead })}</span>
        </div>
        <div className="summary-body">
          <CountsTable summary={summary} testId="preview-counts" />
          <ul className="summary-facts">
            <li data-testid="summary-folded">{t('ledger.summary.folded', { count: summary.duplicatesFolded })}</li>
            <li data-testid="summary-errors" className={badRows > 0 ? 'text-danger' : undefined}>
              {t('ledger.summary.errorRows', { count: badRows, errors: summary.errors.length })}
            </li>
            <li data-testid="summary-warnings" className={summary.warnings.length > 0 ? 'text-warn' : undefined}>
              {t('ledger.summary.warnings', { count: summary.warnings.length })}
            </li>
            <li>
              <strong>{t('ledger.summary.toWrite', { count: toWrite })}</strong>
            </li>
          </ul>
        </div>
        <SheetsPanel sheets={summary.sheets} />
        <div className="form-actions form-actions-start">
          <button type="button" className="button button-primary" onClick={onImport} disabled={toWrite === 0} title={toWrite === 0 ? t('ledger.summary.nothingToWrite') : undefined}>
            {t('ledger.summary.import')}
          </button>
          <button type="button" className="button" onClick={onAdjustMapping}>
            {t('ledger.summary.adjustMapping')}
          </button>
          <button type="button" className="button" onClick={onRestart}>
            {t('ledger.summary.another')}
          </button>
          {toWrite === 0 && <span className="muted">{t('ledger.summary.nothingToWrite')}</span>}
        </div>
      </div>
      {summary.updates.length > 0 && <UpdatesPanel summary={previewed} held={held} accepted={accepted} onAccept={onAccept} onExport={onExportUpdates} />}
      <div className="panel issues-panel">
        <div className="toolbar">
          <h2 className="section-title section-title-inline">{t('ledger.issues.title')}</h2>
          <div className="segmented" role="radiogroup" aria-label={t('ledger.issues.filter')}>
            {(['all', 'error', 'warning'] as const).map((f) => (
              <label key={f} className={`segment${filter === f ? ' segment-on' : ''}`}>
                <input type="radio" name="issue-filter" value={f} checked={filter === f} onChange={() => setFilter(f)} />
                {t(`ledger.issues.${f}`, { count: f === 'all' ? issues : f === 'error' ? summary.errors.length : summary.warnings.length })}
              </label>
            ))}
          </div>
          <span className="toolbar-spacer" />
          <button type="button" className="button" onClick={() => void exportProblems()} disabled={exporting || issues === 0} title={t('ledger.issues.exportHint')}>
            {exporting ? t('grid.exporting') : t('ledger.issues.export')}
          </button>
        </div>
        {issues === 0 ? <p className="muted">{t('ledger.issues.none')}</p> : <IssuesGrid rows={shown} />}
      </div>
    </div>
  );
}
