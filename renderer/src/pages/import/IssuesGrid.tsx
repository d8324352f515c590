import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge.tsx';
import { gridLocale, gridTheme } from '../../grid/setup.ts';
import { currentLanguage } from '../../i18n/index.ts';
import type { LedgerIssue } from './ledger-fields.ts';

export interface IssueRow extends LedgerIssue {
  id: string;
  severity: 'error' | 'warning';
}

type Context = { t: TFunction };

function SeverityCell({ data, context }: ICellRendererParams<IssueRow, string, Context>) {
  if (!data) return null;
  return data.severity === 'error' ? <Badge tone="danger">{context.t('import.issue.error')}</Badge> : <Badge tone="warn">{context.t('import.issue.warning')}</Badge>;
}

function issueColumns(t: TFunction): ColDef<IssueRow>[] {
  return [
    { colId: 'severity', field: 'severity', headerName: t('import.issue.severity'), width: 74, cellRenderer: SeverityCell },
    { colId: 'sheet', field: 'sheet', headerName: t('import.issue.sheet'), width: 110 },
    { colId: 'row', field: 'row', headerName: t('import.issue.row'), width: 76, type: 'rightAligned' },
    {
      colId: 'column',
      headerName: t('import.issue.column'),
      width: 160,
      valueGetter: (p) => (p.data?.column ? `${p.data.column}（${p.data.columnLetter}）` : ''),
    },
    { colId: 'value', field: 'value', headerName: t('import.issue.value'), width: 160, tooltipField: 'value', cellClass: 'mono' },
    { colId: 'message', field: 'message', headerName: t('import.issue.message'), minWidth: 300, flex: 1, tooltipField: 'message', wrapText: true, autoHeight: true },
  ];
}

/** Every error and warning of the preview, client-side (a preview holds them all). */
export function IssuesGrid({ rows }: { rows: IssueRow[] }) {
  const { t, i18n } = useTranslation();
  const columnDefs = useMemo(() => issueColumns(t), [t]);
  const context = useMemo(() => ({ t }), [t]);
  return (
    <div className="grid-host issues-grid" data-testid="issues-grid">
      <AgGridReact<IssueRow>
        key={i18n.language}
        theme={gridTheme}
        localeText={gridLocale(currentLanguage())}
        context={context}
        columnDefs={columnDefs}
        defaultColDef={{ resizable: true, sortable: true }}
        rowData={rows}
        getRowId={(p) => p.data.id}
        tooltipShowDelay={400}
        suppressNoRowsOverlay
      />
    </div>
  );
}
