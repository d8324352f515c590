import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import type { Equipment } from '../../../../electron/api/schemas/registry.ts';
import { Badge, type BadgeTone } from '../../components/Badge.tsx';
import { hrefFor } from '../../router/hash-router.ts';
import { isSortableEquipmentColumn, type InspectionStatusValue } from './equipment-filter.ts';

type Context = { t: TFunction };

export const inspectionTone: Record<InspectionStatusValue, BadgeTone> = { ok: 'ok', due: 'warn', overdue: 'danger', unknown: 'muted' };

function InspectionCell({ data, context }: ICellRendererParams<Equipment, string, Context>) {
  if (!data) return null;
  const status = data.inspectionStatus;
  return <Badge tone={inspectionTone[status]}>{context.t(`equipment.inspection.${status}`)}</Badge>;
}

function UnitCell({ data }: ICellRendererParams<Equipment, string, Context>) {
  if (!data) return null;
  return (
    <a className="cell-link" href={hrefFor('equipment', { unitId: data.unitId, unitName: data.unitName })}>
      {data.unitName}
    </a>
  );
}

/**
 * The equipment grid's columns. Column ids are the contract's field names, so the
 * export writes exactly these columns; a column sorts only if equipment.query allows it.
 */
export function equipmentColumns(t: TFunction): ColDef<Equipment>[] {
  const text = (colId: keyof Equipment & string, width: number, extra: Partial<ColDef<Equipment>> = {}): ColDef<Equipment> => ({
    colId,
    field: colId,
    headerName: t(`equipment.column.${colId}` as 'equipment.column.unitName'),
    width,
    ...extra,
  });
  const cols: ColDef<Equipment>[] = [
    text('unitName', 210, { minWidth: 160, flex: 2, cellRenderer: UnitCell, tooltipField: 'unitName' }),
    text('equipmentCode', 176, { cellClass: 'mono' }),
    text('registrationCode', 150, { cellClass: 'mono' }),
    text('registrationNo', 150, { cellClass: 'mono' }),
    text('kindName', 96, { tooltipField: 'kindName' }),
    text('categoryName', 120, {
      // a legacy code the catalogue does not know is shown as the ledger had it
      valueGetter: (p) => p.data?.categoryName ?? p.data?.categoryRaw ?? null,
      tooltipValueGetter: (p) => (p.data?.categoryName ?? p.data?.categoryRaw ?? null) as string | null,
    }),
    text('varietyName', 120, { tooltipField: 'varietyName' }),
    text('status', 70, { valueFormatter: (p) => (p.value ? t(`equipment.status.${p.value as Equipment['status']}`) : '') }),
    text('location', 150, { minWidth: 110, flex: 1, tooltipField: 'location' }),
    text('lastInspectionDate', 108),
    // a date derived from the last inspection says so (推算), as the export does
    text('nextInspectionDate', 130, {
      valueFormatter: (p) => (p.value ? `${String(p.value)}${p.data?.nextInspectionSource === 'derived' ? `（${t('registryEdit.derived')}）` : ''}` : ''),
      tooltipValueGetter: (p) => (p.data?.nextInspectionSource === 'derived' ? t('registryEdit.derivedTitle') : null),
    }),
    text('inspectionStatus', 86, { cellRenderer: InspectionCell }),
    text('internalNo', 100),
    text('model', 110, { tooltipField: 'model' }),
    text('manufacturer', 160, { tooltipField: 'manufacturer' }),
    text('commissionedDate', 108),
  ];
  return cols.map((c) => ({ ...c, sortable: isSortableEquipmentColumn(c.colId ?? '') }));
}
