import { useMemo, useRef, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../../../electron/api/schemas/unit.ts';
import { PagedGrid, type PagedGridHandle } from '../../grid/PagedGrid.tsx';
import { unitColumns } from './unit-columns.tsx';
import { unitDatasource, type UnitFilter } from './unit-datasource.ts';

export type UnitsGridHandle = PagedGridHandle;

interface UnitsGridProps {
  ref?: Ref<UnitsGridHandle>;
  filter: UnitFilter;
  hidden: ReadonlySet<string>;
  onSelect: (unit: Unit | null) => void;
  /** double-click or Enter on a row */
  onOpen: (unit: Unit) => void;
  /** the Delete key on a row */
  onDelete: (unit: Unit) => void;
  onTotal: (total: number) => void;
  onError: (message: string) => void;
  /** the risk cell was clicked: show the unit's breakdown */
  onRisk: (unit: Unit) => void;
}

export function UnitsGrid({ ref, filter, hidden, onSelect, onOpen, onDelete, onTotal, onError, onRisk }: UnitsGridProps) {
  const { t } = useTranslation();
  // The datasource reads the latest filter and callbacks through refs, so it is created once.
  const filterRef = useRef(filter);
  filterRef.current = filter;
  const hooksRef = useRef({ onTotal, onError });
  hooksRef.current = { onTotal, onError };

  const datasource = useMemo(
    () =>
      unitDatasource({
        filter: () => filterRef.current,
        onTotal: (n) => hooksRef.current.onTotal(n),
        onError: (m) => hooksRef.current.onError(m),
      }),
    [],
  );
  const columnDefs = useMemo(() => unitColumns(t), [t]);
  const riskRef = useRef(onRisk);
  riskRef.current = onRisk;
  const context = useMemo(() => ({ t, onRisk: (unit: Unit) => riskRef.current(unit) }), [t]);

  return (
    <PagedGrid<Unit>
      ref={ref}
      columnDefs={columnDefs}
      hidden={hidden}
      datasource={datasource}
      resetKey={filter}
      context={context}
      onSelect={onSelect}
      onOpen={onOpen}
      onDelete={onDelete}
    />
  );
}
