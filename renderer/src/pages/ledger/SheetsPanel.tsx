import { useTranslation } from 'react-i18next';
import type { SheetInfo } from './ledger-fields.ts';
import { fieldLabel, unmatchedColumns } from './ledger-fields.ts';

/** What the importer understood of each sheet: its kind, header row, rows, and which column means what. */
export function SheetsPanel({ sheets }: { sheets: readonly SheetInfo[] }) {
  const { t } = useTranslation();
  return (
    <div className="sheets" data-testid="sheets">
      {sheets.map((sheet) => {
        const matched = sheet.columns.filter((c) => c.field !== null);
        const extra = unmatchedColumns(sheet);
        return (
          <div key={sheet.name} className="sheet-card" data-testid="sheet-card">
            <div className="sheet-head">
              <strong>{sheet.name}</strong>
              <span className={`tag ${sheet.kind ? 'tag-info' : 'tag-warn'}`}>{sheet.kind ? t(`ledger.sheetKind.${sheet.kind}`) : t('ledger.sheetKind.none')}</span>
              {sheet.headerRow !== null && <span className="muted">{t('ledger.sheet.headerRow', { row: sheet.headerRow })}</span>}
              <span className="muted">{t('ledger.sheet.dataRows', { count: sheet.dataRows })}</span>
            </div>
            {sheet.kind && (
              <div className="sheet-columns">
                <span className="muted">{t('ledger.sheet.matched', { count: matched.length })}</span>
                {matched.map((c) => (
                  <span key={c.letter} className="column-chip" title={t('ledger.sheet.columnTitle', { letter: c.letter, header: c.header })}>
                    {c.header}
                    {c.field && c.header !== fieldLabel(t, c.field) && <span className="muted"> → {fieldLabel(t, c.field)}</span>}
                  </span>
                ))}
              </div>
            )}
            {sheet.kind && extra.length > 0 && (
              <div className="sheet-columns">
                <span className="muted">{t('ledger.sheet.extra')}</span>
                {extra.map((c) => (
                  <span key={c.letter} className="column-chip column-chip-extra">
                    {c.header}
                  </span>
                ))}
              </div>
            )}
            {sheet.missingRequired.length > 0 && (
              <div className="sheet-missing" role="alert">
                {t('ledger.sheet.missing', { fields: sheet.missingRequired.map((f) => fieldLabel(t, f)).join('、') })}
              </div>
            )}
          </div>
        );
      })}
    </div>
  );
}
