import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import { LocalGrid } from '../../grid/LocalGrid.tsx';
import { Badge } from '../../components/Badge.tsx';
import type { LedgerIssue } from './ledger-fields.ts';

export interface IssueRow extends LedgerIssue {
  id: string;
  severity: 'error' | 'warning';
}

type Context = { t: TFunction };

function SeverityCell({ data, context }: ICellRendererParams<IssueRow, string, Context>) {
  if (!data) return null;
  return data.severity === 'error' ? <Badge tone="danger">{context.t('ledger.issue.error')}</Badge> : <Badge tone="warn">{context.t('ledger.issue.warning')}</Badge>;
}

function issueColumns(t: TFunction): ColDef<IssueRow>[] {
  return [
    { colId: 'severity', field: 'severity', headerName: t('ledger.issue.severity'), width: 74, cellRenderer: SeverityCell },
    { colId: 'sheet', field: 'sheet', headerName: t('ledger.issue.sheet'), width: 110 },
    { colId: 'row', field: 'row', headerName: t('ledger.issue.row'), width: 76, type: 'rightAligned' },
    {
      colId: 'column',
      headerName: t('ledger.issue.column'),
      width: 160,
      valueGetter: (p) => (p.data?.column ? `${p.data.column}（${p.data.columnLetter}）` : ''),
    },
    { colId: 'value', field: 'value', headerName: t('ledger.issue.value'), width: 160, tooltipField: 'value', cellClass: 'mono' },
    { colId: 'message', field: 'message', headerName: t('ledger.issue.message'), minWidth: 300, flex: 1, tooltipField: 'message', wrapText: true, autoHeight: true },
  ];
}

/** Every error and warning of the preview, client-side (a preview holds them all). */
export function IssuesGrid({ rows }: { rows: IssueRow[] }) {
  return <LocalGrid rows={rows} columns={issueColumns} rowId={(r) => r.id} testId="issues-grid" className="issues-grid" quietWhenEmpty />;
}
