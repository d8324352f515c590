import { useTranslation } from 'react-i18next';
import { hrefFor } from '../../router/hash-router.ts';
import { CountsTable } from './CountsTable.tsx';
import { errorRowCount, type LedgerSummary } from './ledger-fields.ts';

/** After the import: what was written, and where to look at it. */
export function ResultStep({ result, onAnother }: { result: LedgerSummary; onAnother: () => void }) {
  const { t } = useTranslation();
  const bad = errorRowCount(result);
  return (
    <div className="panel" data-testid="import-result">
      <h2 className="section-title">{t('ledger.result.title', { name: result.fileName })}</h2>
      <div className="notice notice-ok" role="status" data-testid="import-done">
        {t('ledger.result.done')}
        {bad > 0 && ` ${t('ledger.result.skipped', { count: bad })}`}
      </div>
      <CountsTable summary={result} testId="result-counts" />
      <div className="result-links">
        <a className="button" href={hrefFor('units')}>
          {t('ledger.result.units')}
        </a>
        <a className="button" href={hrefFor('equipment')}>
          {t('ledger.result.equipment')}
        </a>
        <a className="button" href={hrefFor('managers')}>
          {t('ledger.result.managers')}
        </a>
        <a className="button" href={hrefFor('lists')}>
          {t('ledger.result.lists')}
        </a>
        <a className="button" href={hrefFor('overview')}>
          {t('ledger.result.overview')}
        </a>
        <button type="button" className="button" onClick={onAnother}>
          {t('ledger.result.another')}
        </button>
      </div>
    </div>
  );
}
