import type { ColDef } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n/index.ts';
import { compareCells } from './compare.ts';
import { gridLocale, gridTheme } from './setup.ts';

/** What the cell renderers of a local grid receive as `context`. */
export type LocalGridContext = { t: TFunction };

interface LocalGridProps<Row> {
  rows: Row[];
  /** built from the translator, so the headers follow the language */
  columns: (t: TFunction) => ColDef<Row>[];
  rowId: (row: Row) => string;
  testId: string;
  className?: string;
  /** an empty list shows nothing rather than AG Grid's overlay */
  quietWhenEmpty?: boolean;
  /** what the cell renderers receive (with the translator): callbacks of the page */
  context?: LocalGridContext & Record<string, unknown>;
}

/**
 * A grid over a few hundred rows the page already holds (histories, previews,
 * overviews): sorted and resized in the renderer. Ledger-sized tables use
 * PagedGrid, which pages from SQLite.
 */
export function LocalGrid<Row>({ rows, columns, rowId, testId, className = 'grid-small', quietWhenEmpty = false, context: given }: LocalGridProps<Row>) {
  const { t, i18n } = useTranslation();
  const columnDefs = useMemo(() => columns(t), [columns, t]);
  const context = useMemo<LocalGridContext>(() => given ?? { t }, [given, t]);
  return (
    <div className={`grid-host ${className}`} data-testid={testId}>
      <AgGridReact<Row>
        key={i18n.language}
        theme={gridTheme}
        localeText={gridLocale(currentLanguage())}
        context={context}
        columnDefs={columnDefs}
        defaultColDef={{ resizable: true, sortable: true, comparator: compareCells }}
        rowData={rows}
        getRowId={(p) => rowId(p.data)}
        tooltipShowDelay={400}
        suppressNoRowsOverlay={quietWhenEmpty}
      />
    </div>
  );
}
