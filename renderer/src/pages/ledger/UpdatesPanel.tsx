import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge.tsx';
import { LocalGrid } from '../../grid/LocalGrid.tsx';
import type { LedgerSummary } from './ledger-fields.ts';
import { changeFieldLabel, changeValueLabel, updateRows, type UpdateRow } from './update-rows.ts';

interface UpdatesPanelProps {
  summary: LedgerSummary;
  held: ReadonlySet<string>;
  accepted: ReadonlySet<string>;
  onAccept: (accepted: Set<string>) => void;
  onExport: (fields: string[] | undefined) => Promise<void>;
}

type Context = { t: TFunction; toggle: (rowKey: string, on: boolean) => void };

function AcceptCell({ data, context }: ICellRendererParams<UpdateRow, unknown, Context>) {
  if (!data?.held) return null;
  return (
    <label className="checkbox">
      <input type="checkbox" checked={data.accepted} aria-label={context.t('ledgerReview.acceptRow', { row: data.row })} onChange={(e) => context.toggle(data.rowKey, e.target.checked)} />
      {data.accepted ? null : <Badge tone="warn">{context.t('ledgerReview.heldBadge')}</Badge>}
    </label>
  );
}

function columns(t: TFunction): ColDef<UpdateRow>[] {
  return [
    { colId: 'accept', headerName: t('ledgerReview.column.accept'), width: 110, cellRenderer: AcceptCell, sortable: false },
    { colId: 'sheet', field: 'sheet', headerName: t('ledgerReview.column.sheet'), width: 110 },
    { colId: 'row', field: 'row', headerName: t('ledgerReview.column.row'), width: 76, type: 'rightAligned' },
    { colId: 'entity', headerName: t('ledgerReview.column.entity'), width: 100, valueGetter: (p) => (p.data ? t(`ledgerReview.entity.${p.data.entity}`) : '') },
    { colId: 'key', field: 'key', headerName: t('ledgerReview.column.key'), width: 190, cellClass: 'mono', tooltipField: 'key' },
    { colId: 'field', headerName: t('ledgerReview.column.field'), width: 150, valueGetter: (p) => (p.data ? changeFieldLabel(t, p.data.field) : '') },
    { colId: 'before', headerName: t('ledgerReview.column.before'), minWidth: 160, flex: 1, valueGetter: (p) => (p.data ? changeValueLabel(t, p.data.field, p.data.before) : '') },
    { colId: 'after', headerName: t('ledgerReview.column.after'), minWidth: 160, flex: 1, valueGetter: (p) => (p.data ? changeValueLabel(t, p.data.field, p.data.after) : '') },
  ];
}

/**
 * Every update the import would make, field by field, before anything is written:
 * filter by field, export what is shown, and accept the rows that change an
 * identifying field one by one or all at once (unaccepted ones are not updated).
 */
export function UpdatesPanel({ summary, held, accepted, onAccept, onExport }: UpdatesPanelProps) {
  const { t } = useTranslation();
  const [field, setField] = useState('');
  const [onlyHeld, setOnlyHeld] = useState(false);
  const [exporting, setExporting] = useState(false);
  const rows = useMemo(() => updateRows(summary, held, accepted), [summary, held, accepted]);
  const fields = useMemo(() => [...new Set(rows.map((r) => r.field))], [rows]);
  const shown = rows.filter((r) => (!field || r.field === field) && (!onlyHeld || r.held));
  const rowCount = new Set(rows.map((r) => r.rowKey)).size;

  // the grid keeps its context: the toggle reads the latest choice through a ref
  const latest = useRef({ accepted, onAccept });
  latest.current = { accepted, onAccept };
  const context = useMemo<Context>(
    () => ({
      t,
      toggle: (rowKey, on) => {
        const next = new Set(latest.current.accepted);
        if (on) next.add(rowKey);
        else next.delete(rowKey);
        latest.current.onAccept(next);
      },
    }),
    [t],
  );
  const columnDefs = useMemo(() => columns, []);

  const exportShown = async () => {
    setExporting(true);
    try {
      await onExport(field ? [field] : undefined);
    } finally {
      setExporting(false);
    }
  };

  return (
    <div className="panel updates-panel" data-testid="updates-panel">
      <div className="toolbar">
        <h2 className="section-title section-title-inline">{t('ledgerReview.title')}</h2>
        <span className="muted" data-testid="updates-count">
          {t('ledgerReview.count', { count: rows.length, rows: rowCount })}
        </span>
        {held.size > 0 && (
          <span className="text-warn" data-testid="updates-held">
            {t('ledgerReview.held', { count: held.size, accepted: accepted.size })}
          </span>
        )}
        <span className="toolbar-spacer" />
        <label className="toolbar-field">
          <span className="toolbar-label">{t('ledgerReview.fieldFilter')}</span>
          <select value={field} onChange={(e) => setField(e.target.value)} aria-label={t('ledgerReview.fieldFilter')}>
            <option value="">{t('ledgerReview.allFields')}</option>
            {fields.map((f) => (
              <option key={f} value={f}>
                {changeFieldLabel(t, f)}
              </option>
            ))}
          </select>
        </label>
        {held.size > 0 && (
          <>
            <label className="checkbox">
              <input type="checkbox" checked={onlyHeld} onChange={(e) => setOnlyHeld(e.target.checked)} />
              {t('ledgerReview.onlyHeld')}
            </label>
            <button type="button" className="button" onClick={() => onAccept(new Set(held))} disabled={accepted.size === held.size}>
              {t('ledgerReview.acceptAll')}
            </button>
            <button type="button" className="button" onClick={() => onAccept(new Set())} disabled={accepted.size === 0}>
              {t('ledgerReview.acceptNone')}
            </button>
          </>
        )}
        <button type="button" className="button" onClick={() => void exportShown()} disabled={exporting || shown.length === 0} title={t('ledgerReview.exportHint')}>
          {exporting ? t('grid.exporting') : t('ledgerReview.export')}
        </button>
      </div>
      <p className="muted">{t('ledgerReview.intro')}</p>
      <LocalGrid rows={shown} columns={columnDefs} rowId={(r) => r.id} testId="updates-grid" className="issues-grid" context={context} />
    </div>
  );
}
