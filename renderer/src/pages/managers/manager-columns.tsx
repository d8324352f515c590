import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import type { SafetyManager } from '../../../../electron/api/schemas/registry.ts';
import { Badge, type BadgeTone } from '../../components/Badge.tsx';
import { isSortableManagerColumn, type CertificateStatusValue } from './manager-filter.ts';

type Context = { t: TFunction };

export const certificateTone: Record<CertificateStatusValue, BadgeTone> = { valid: 'ok', expiring: 'warn', expired: 'danger', unknown: 'muted' };

function CertificateCell({ data, context }: ICellRendererParams<SafetyManager, string, Context>) {
  if (!data) return null;
  const status = data.certificateStatus;
  return <Badge tone={certificateTone[status]}>{context.t(`managers.certificate.${status}`)}</Badge>;
}

/** The safety-manager grid's columns; ids are the contract's field names (personal numbers come masked from the core). */
export function managerColumns(t: TFunction): ColDef<SafetyManager>[] {
  const col = (colId: keyof SafetyManager & string, width: number, extra: Partial<ColDef<SafetyManager>> = {}): ColDef<SafetyManager> => ({
    colId,
    field: colId,
    headerName: t(`managers.column.${colId}` as 'managers.column.name'),
    width,
    ...extra,
  });
  const cols: ColDef<SafetyManager>[] = [
    col('name', 96),
    col('unitName', 220, { minWidth: 160, flex: 2, tooltipField: 'unitName' }),
    col('idNumberMasked', 170, { cellClass: 'mono' }),
    col('itemCode', 90, { headerTooltip: t('managers.column.itemCodeHint') }),
    col('certificateNo', 150, { cellClass: 'mono' }),
    col('issuedDate', 104),
    col('expiryDate', 104),
    col('certificateStatus', 96, { cellRenderer: CertificateCell }),
    col('phoneMasked', 120, { cellClass: 'mono' }),
  ];
  return cols.map((c) => ({ ...c, sortable: isSortableManagerColumn(c.colId ?? '') }));
}
