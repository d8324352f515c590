import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import type { Unit } from '../../../../electron/api/schemas/unit.ts';
import { Badge } from '../../components/Badge.tsx';
import { formatDate } from '../../format/time.ts';
import { maskPhone } from '../../format/phone.ts';
import { hrefFor } from '../../router/hash-router.ts';
import { isSortableUnitColumn } from './unit-sort.ts';
import { RiskBadge } from '../risk/RiskBadge.tsx';

type Context = { t: TFunction; onRisk?: (unit: Unit) => void };

/** 高 · 75 分 as a button that opens the score's breakdown (风险分级, issue 19). */
function RiskCell({ data, context }: ICellRendererParams<Unit, string, Context>) {
  if (!data?.riskLevel) return null;
  return (
    <button type="button" className="cell-button" title={context.t('risk.openDetail', { name: data.name })} onClick={() => context.onRisk?.(data)}>
      <RiskBadge level={data.riskLevel} score={data.riskScore} />
    </button>
  );
}

/** The credit code, with a tag on 15-digit legacy numbers that could not be checked. */
function UsccCell({ data, context }: ICellRendererParams<Unit, string, Context>) {
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

/** A count that opens the equipment grid filtered to this unit (in use, and by inspection status for 超期/临期). */
function equipmentLink(inspection?: 'overdue' | 'due', tone?: 'danger' | 'warn') {
  return function EquipmentCountCell({ data, value, context }: ICellRendererParams<Unit, number, Context>) {
    if (!data || value == null) return null;
    // nothing to open
    if (value === 0) return <span className="muted">0</span>;
    const href = hrefFor('equipment', { unitId: data.id, unitName: data.name, status: 'in_use', inspection });
    return (
      <a className={`cell-link${tone ? ` cell-link-${tone}` : ''}`} href={href} title={context.t('units.openEquipment', { name: data.name })}>
        {value}
      </a>
    );
  };
}

/** The manager count opens the safety-manager grid filtered to this unit. */
function ManagerCountCell({ data, value, context }: ICellRendererParams<Unit, number, Context>) {
  if (!data || value == null) return null;
  if (value === 0) return <span className="muted">{context.t('units.managerCount', { count: 0 })}</span>;
  return (
    <a className="cell-link" href={hrefFor('managers', { unitId: data.id, unitName: data.name })} title={context.t('units.openManagers', { name: data.name })}>
      {context.t('units.managerCount', { count: value })}
    </a>
  );
}

function flagCell(tone: 'warn' | 'danger') {
  return function FlagCell({ value, context }: ICellRendererParams<Unit, boolean, Context>) {
    return value ? <Badge tone={tone}>{context.t('common.yes')}</Badge> : null;
  };
}

/**
 * The units grid's columns. Column ids equal the contract's field names (so the
 * export writes the same columns) and its sort column names, so the grid's sort
 * model maps to units.query without translation; a column is sortable only if
 * the contract allows it.
 */
export function unitColumns(t: TFunction): ColDef<Unit>[] {
  const cols: ColDef<Unit>[] = [
    { colId: 'name', field: 'name', headerName: t('units.column.name'), minWidth: 220, flex: 3, tooltipField: 'name' },
    { colId: 'uscc', field: 'uscc', headerName: t('units.column.uscc'), width: 176, cellRenderer: UsccCell },
    { colId: 'districtName', field: 'districtName', headerName: t('units.column.districtName'), width: 78 },
    {
      colId: 'riskLevel',
      field: 'riskLevel',
      headerName: t('risk.column.riskLevel'),
      headerTooltip: t('risk.column.riskLevelHint'),
      width: 118,
      cellRenderer: RiskCell,
    },
    { colId: 'address', field: 'address', headerName: t('units.column.address'), minWidth: 140, flex: 2, tooltipField: 'address' },
    {
      colId: 'equipmentInUse',
      field: 'equipmentInUse',
      headerName: t('units.column.equipmentInUse'),
      headerTooltip: t('units.column.equipmentInUseHint'),
      width: 118,
      type: 'rightAligned',
      cellRenderer: equipmentLink(),
    },
    {
      colId: 'screenedCount',
      field: 'screenedCount',
      headerName: t('units.column.screenedCount'),
      headerTooltip: t('units.column.screenedCountHint'),
      width: 96,
      type: 'rightAligned',
    },
    {
      colId: 'needsCertifiedManager',
      field: 'needsCertifiedManager',
      headerName: t('units.column.needsCertifiedManager'),
      headerTooltip: t('units.column.needsCertifiedManagerHint'),
      width: 140,
      cellRenderer: flagCell('warn'),
    },
    {
      colId: 'needsSafetyBody',
      field: 'needsSafetyBody',
      headerName: t('units.column.needsSafetyBody'),
      headerTooltip: t('units.column.needsSafetyBodyHint'),
      width: 140,
      cellRenderer: flagCell('danger'),
    },
    {
      colId: 'overdueCount',
      field: 'overdueCount',
      headerName: t('units.column.overdueCount'),
      headerTooltip: t('units.column.overdueCountHint'),
      width: 86,
      type: 'rightAligned',
      cellRenderer: equipmentLink('overdue', 'danger'),
    },
    {
      colId: 'dueSoonCount',
      field: 'dueSoonCount',
      headerName: t('units.column.dueSoonCount'),
      headerTooltip: t('units.column.dueSoonCountHint'),
      width: 86,
      type: 'rightAligned',
      cellRenderer: equipmentLink('due', 'warn'),
    },
    {
      colId: 'managerCount',
      field: 'managerCount',
      headerName: t('units.column.managerCount'),
      width: 90,
      type: 'rightAligned',
      cellRenderer: ManagerCountCell,
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
