import { useTranslation } from 'react-i18next';
import type { BundleImportResult } from '../../../../electron/api/schemas/bundles.ts';
import { Badge, type BadgeTone } from '../../components/Badge.tsx';
import { orderedTables, tableLabel } from './bundle-format.ts';

const statusTone: Record<BundleImportResult['status'], BadgeTone> = {
  imported: 'ok',
  'dry-run': 'info',
  'already-imported': 'muted',
  refused: 'danger',
  failed: 'danger',
};

const changeColumns = ['inserted', 'updated', 'deleted', 'unchanged'] as const;

function fileNameOf(file: string): string {
  return file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
}

/** Per bundle: who made it, its sequence and kind, and what would change (preview) or changed; a refusal in red with its reason. */
export function BundleResults({ results, dryRun }: { results: BundleImportResult[]; dryRun: boolean }) {
  const { t } = useTranslation();
  const count = (status: BundleImportResult['status']) => results.filter((r) => r.status === status).length;
  return (
    <div className="form-stack" data-testid="bundle-results">
      <div className="muted" data-testid="bundle-results-summary">
        {dryRun
          ? t('bundles.import.previewSummary', { ok: count('dry-run'), already: count('already-imported'), refused: count('refused') })
          : t('bundles.import.importSummary', { ok: count('imported'), already: count('already-imported'), refused: count('refused') })}
        {count('failed') > 0 && t('bundles.import.failedSuffix', { failed: count('failed') })}
      </div>
      {results.map((r) => (
        <BundleResultCard key={r.file} result={r} />
      ))}
    </div>
  );
}

function BundleResultCard({ result: r }: { result: BundleImportResult }) {
  const { t } = useTranslation();
  const tables = orderedTables(Object.keys(r.changes));
  return (
    <div className="panel" data-testid="bundle-result" data-status={r.status} data-file={fileNameOf(r.file)}>
      <div className="toolbar">
        <strong data-testid="bundle-result-node">{r.node?.name ?? t('bundles.import.unknownNode')}</strong>
        {r.sequence !== null && <span>{t('bundles.import.sequence', { sequence: r.sequence })}</span>}
        {r.full !== null && <span>{r.full ? t('bundles.kind.full') : t('bundles.kind.incremental')}</span>}
        <Badge tone={statusTone[r.status]}>{t(`bundles.import.status.${r.status}`)}</Badge>
        <span className="toolbar-spacer" />
        <span className="muted mono">{fileNameOf(r.file)}</span>
      </div>
      {r.status === 'refused' && (
        <div className="notice notice-error" role="alert" data-testid="bundle-refusal">
          {r.message ?? t('bundles.import.refusedNoMessage')}
          {r.reason && <span className="muted">{` ${t('bundles.import.reason', { reason: r.reason })}`}</span>}
        </div>
      )}
      {r.status === 'failed' && (
        <div className="notice notice-error" role="alert" data-testid="bundle-failure">
          {r.message ?? t('bundles.import.failedNoMessage')}
        </div>
      )}
      {r.status === 'already-imported' && <div className="muted">{r.message ?? t('bundles.import.status.already-imported')}</div>}
      {(r.status === 'dry-run' || r.status === 'imported') &&
        (tables.length === 0 ? (
          <div className="muted">{t('bundles.import.noChanges')}</div>
        ) : (
          <table className="counts-table" data-testid="bundle-changes">
            <thead>
              <tr>
                <th />
                {changeColumns.map((c) => (
                  <th key={c} className="num">
                    {t(`bundles.import.change.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {tables.map((table) => (
                <tr key={table} data-table={table}>
                  <th scope="row">{tableLabel(t, table)}</th>
                  {changeColumns.map((c) => (
                    <td key={c} className="num" data-col={c}>
                      {r.changes[table]?.[c] ?? 0}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      {(r.status === 'dry-run' || r.status === 'imported') && r.files > 0 && <div className="muted">{t('bundles.import.files', { count: r.files })}</div>}
    </div>
  );
}
