import { useTranslation } from 'react-i18next';
import { fieldLabel, fieldsOfKind, unmatchedColumns, type ColumnMapping, type LedgerField, type LedgerSummary, type Mappings } from './ledger-fields.ts';

interface MappingStepProps {
  summary: LedgerSummary;
  mappings: Mappings;
  onChange: (mappings: Mappings) => void;
  remember: boolean;
  onRemember: (remember: boolean) => void;
  onApply: () => void;
  onBack: () => void;
}

/**
 * The columns the importer could not match: each may be given the field it means
 * or kept as 其他属性 (stored as it is). Required fields no column carries are named.
 */
export function MappingStep({ summary, mappings, onChange, remember, onRemember, onApply, onBack }: MappingStepProps) {
  const { t } = useTranslation();
  const sheets = summary.sheets.filter((s) => s.kind && (unmatchedColumns(s).length > 0 || s.missingRequired.length > 0));
  // sheets the importer did not take for a ledger are named (the user may wonder where their rows went)
  const ignoredSheets = summary.sheets.filter((s) => !s.kind && s.dataRows > 0);
  const unmatched = sheets.reduce((n, s) => n + unmatchedColumns(s).length, 0);
  const set = (kind: 'equipment' | 'managers', header: string, value: LedgerField | 'extra') =>
    onChange({ ...mappings, [kind]: { ...(mappings[kind] ?? {}), [header]: value } satisfies ColumnMapping });

  return (
    <div className="panel" data-testid="mapping-step">
      <h2 className="section-title">{t('ledger.mapping.title')}</h2>
      <p className="muted" data-testid="mapping-intro">
        {sheets.length === 0 ? t('ledgerReview.mappingNone') : unmatched > 0 ? t('ledgerReview.mappingUnmatched', { count: unmatched }) : t('ledger.mapping.intro')}
      </p>
      {unmatched > 0 && (
        <ul className="mapping-unmatched" data-testid="mapping-unmatched">
          {sheets.flatMap((sheet) =>
            unmatchedColumns(sheet).map((c) => (
              <li key={`${sheet.name}-${c.letter}`}>
                {c.header} <span className="muted">（{sheet.name}，{t('ledger.mapping.letter', { letter: c.letter })}）</span>
              </li>
            )),
          )}
        </ul>
      )}
      {ignoredSheets.map((sheet) => (
        <p key={sheet.name} className="muted">
          {t('ledgerReview.mappingSheetNone', { name: sheet.name })}
        </p>
      ))}
      {sheets.map((sheet) => {
        const kind = sheet.kind!;
        const chosen = new Set<string>(Object.values(mappings[kind] ?? {}));
        const stillMissing = sheet.missingRequired.filter((f) => !chosen.has(f));
        return (
          <div key={sheet.name} className="mapping-sheet">
            <div className="sheet-head">
              <strong>{sheet.name}</strong>
              <span className="tag tag-info">{t(`ledger.sheetKind.${kind}`)}</span>
            </div>
            {sheet.missingRequired.length > 0 && (
              <div className={stillMissing.length > 0 ? 'sheet-missing' : 'muted'} role={stillMissing.length > 0 ? 'alert' : undefined}>
                {t('ledger.sheet.missing', { fields: sheet.missingRequired.map((f) => fieldLabel(t, f)).join('、') })}
              </div>
            )}
            <table className="mapping-table">
              <thead>
                <tr>
                  <th>{t('ledger.mapping.header')}</th>
                  <th>{t('ledger.mapping.field')}</th>
                </tr>
              </thead>
              <tbody>
                {unmatchedColumns(sheet).map((column) => {
                  const id = `map-${kind}-${column.letter}`;
                  return (
                    <tr key={column.letter}>
                      <td>
                        <label htmlFor={id}>
                          {column.header} <span className="muted">（{t('ledger.mapping.letter', { letter: column.letter })}）</span>
                        </label>
                      </td>
                      <td>
                        <select id={id} value={mappings[kind]?.[column.header] ?? 'extra'} onChange={(e) => set(kind, column.header, e.target.value as LedgerField | 'extra')}>
                          <option value="extra">{t('ledger.mapping.extra')}</option>
                          {fieldsOfKind[kind].map((field) => (
                            <option key={field} value={field}>
                              {t(`ledgerField.${field}`)}
                              {(sheet.missingRequired as readonly string[]).includes(field) ? t('ledger.mapping.requiredMark') : ''}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        );
      })}
      <label className="checkbox">
        <input type="checkbox" checked={remember} onChange={(e) => onRemember(e.target.checked)} />
        {t('ledger.mapping.remember')}
      </label>
      <div className="form-actions form-actions-start">
        <button type="button" className="button button-primary" onClick={onApply}>
          {t('ledger.mapping.apply')}
        </button>
        <button type="button" className="button" onClick={onBack}>
          {t('ledger.mapping.back')}
        </button>
      </div>
    </div>
  );
}
