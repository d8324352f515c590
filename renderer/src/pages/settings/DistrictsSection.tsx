import type { ColDef } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { District } from '../../../../electron/api/schemas/district.ts';
import { api, errorMessage } from '../../api/client.ts';
import { useAppContext } from '../../app/app-context.ts';
import { formatDate } from '../../format/time.ts';
import { gridLocale, gridTheme } from '../../grid/setup.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { DistrictDialog } from './DistrictDialog.tsx';

/** The district list, inactive ones included. Only the bureau edits it (the core enforces the same rule). */
export function DistrictsSection() {
  const { t, i18n } = useTranslation();
  const { node, reloadDistricts } = useAppContext();
  const isBureau = node.role === 'bureau';
  const [rows, setRows] = useState<District[]>([]);
  const [selected, setSelected] = useState<District | null>(null);
  const [editing, setEditing] = useState<{ district: District | null } | null>(null);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);

  const load = useCallback(async () => {
    try {
      setRows(await api.call('districts.list', { includeInactive: true }));
    } catch (e) {
      setMessage({ tone: 'error', text: errorMessage(e) });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const columnDefs = useMemo<ColDef<District>[]>(
    () => [
      { field: 'name', headerName: t('settings.districtColumn.name'), flex: 1, minWidth: 120 },
      // Booleans as words: the grid would otherwise draw (disabled-looking) checkboxes in a read-only list.
      {
        colId: 'pilot',
        headerName: t('settings.districtColumn.pilot'),
        width: 80,
        valueGetter: (p) => (p.data?.pilot ? t('common.yes') : t('common.no')),
      },
      { field: 'sortOrder', headerName: t('settings.districtColumn.sortOrder'), width: 80, type: 'rightAligned' },
      {
        colId: 'active',
        headerName: t('settings.districtColumn.active'),
        width: 80,
        valueGetter: (p) => (p.data?.active ? t('settings.activeYes') : t('settings.activeNo')),
      },
      { field: 'updatedAt', headerName: t('settings.districtColumn.updatedAt'), width: 110, valueFormatter: (p) => formatDate(p.value as string) },
    ],
    [t],
  );

  return (
    <section className="panel" aria-labelledby="districts-title">
      <h2 id="districts-title" className="section-title">
        {t('settings.districts')}
      </h2>
      <p className="muted">{isBureau ? t('settings.districtsBureauNote') : t('settings.districtsOtherNote')}</p>
      {message && (
        <div className={`status status-${message.tone}`} role={message.tone === 'error' ? 'alert' : 'status'}>
          {message.text}
        </div>
      )}
      {isBureau && (
        <div className="toolbar">
          <button type="button" className="button button-primary" onClick={() => setEditing({ district: null })}>
            {t('settings.addDistrict')}
          </button>
          <button type="button" className="button" disabled={!selected} onClick={() => selected && setEditing({ district: selected })}>
            {t('settings.renameDistrict')}
          </button>
        </div>
      )}
      <div className="grid-host grid-small" data-testid="districts-grid">
        <AgGridReact<District>
          key={i18n.language}
          theme={gridTheme}
          localeText={gridLocale(currentLanguage())}
          rowData={rows}
          columnDefs={columnDefs}
          getRowId={(p) => p.data.id}
          rowSelection={isBureau ? { mode: 'singleRow', checkboxes: false, enableClickSelection: true } : undefined}
          onSelectionChanged={(e) => setSelected(e.api.getSelectedRows()[0] ?? null)}
          onRowDoubleClicked={(e) => isBureau && e.data && setEditing({ district: e.data })}
        />
      </div>
      {editing && (
        <DistrictDialog
          district={editing.district}
          onClose={() => setEditing(null)}
          onSaved={(d) => {
            setEditing(null);
            setMessage({ tone: 'ok', text: t('settings.districtSaved', { name: d.name }) });
            void load();
            void reloadDistricts();
          }}
        />
      )}
    </section>
  );
}
