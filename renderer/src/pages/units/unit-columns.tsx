import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import type { Unit } from '../../../../electron/api/schemas/unit.ts';
import { formatDate } from '../../format/date.ts';
import { maskPhone } from '../../format/phone.ts';
import { isSortableUnitColumn } from './unit-sort.ts';

/** The credit code, with a tag on 15-digit legacy numbers that could not be checked. */
function UsccCell({ data, context }: ICellRendererParams<Unit, string, { t: TFunction }>) {
  if (!data) return null;
  return (
    <span className="uscc-cell">
      <span className="mono">{data.uscc}</span>
      {data.usccLegacy && (
        <span className="tag tag-warn" title={context.t('units.legacyHint')}>
          {context.t('units.legacy')}
        </span>
      )}
    </span>
  );
}

/**
 * The units grid's columns. Column ids equal the contract's sort column names, so
 * the grid's sort model maps to units.query without translation; a column is
 * sortable only if the contract allows it.
 */
export function unitColumns(t: TFunction): ColDef<Unit>[] {
  const cols: ColDef<Unit>[] = [
    { colId: 'name', field: 'name', headerName: t('units.column.name'), minWidth: 160, flex: 3 },
    { colId: 'uscc', field: 'uscc', headerName: t('units.column.uscc'), width: 176, cellRenderer: UsccCell },
    { colId: 'districtName', field: 'districtName', headerName: t('units.column.districtName'), width: 78 },
    { colId: 'address', field: 'address', headerName: t('units.column.address'), minWidth: 110, flex: 2 },
    {
      colId: 'equipmentInUse',
      field: 'equipmentInUse',
      headerName: t('units.column.equipmentInUse'),
      headerTooltip: t('units.column.equipmentInUse'),
      width: 124,
      type: 'rightAligned',
    },
    {
      colId: 'managerCount',
      field: 'managerCount',
      headerName: t('units.column.managerCount'),
      width: 90,
      type: 'rightAligned',
      valueFormatter: (p) => (p.value == null ? '' : t('units.managerCount', { count: p.value as number })),
    },
    { colId: 'contactPerson', field: 'contactPerson', headerName: t('units.column.contactPerson'), width: 78 },
    {
      colId: 'contactPhone',
      field: 'contactPhone',
      headerName: t('units.column.contactPhone'),
      width: 116,
      valueFormatter: (p) => maskPhone(p.value as string | null),
    },
    {
      colId: 'updatedAt',
      field: 'updatedAt',
      headerName: t('units.column.updatedAt'),
      width: 102,
      valueFormatter: (p) => formatDate(p.value as string | null),
    },
  ];
  return cols.map((c) => ({ ...c, sortable: isSortableUnitColumn(c.colId ?? '') }));
}
