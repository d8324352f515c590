import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ColumnMenu } from '../components/ColumnMenu.tsx';
import type { ColumnChoice } from './column-choice.ts';

interface GridActionsProps {
  columns: readonly { colId: string; header: string }[];
  choice: ColumnChoice;
  /** writes and saves the xlsx; rejects with the error to show */
  onExport: () => Promise<void>;
  /** nothing to export */
  exportDisabled?: boolean;
}

/** 列 and 导出 Excel, the same on every grid page. */
export function GridActions({ columns, choice, onExport, exportDisabled = false }: GridActionsProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await onExport();
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <ColumnMenu columns={columns} choice={choice} />
      <button type="button" className="button" onClick={() => void run()} disabled={busy || exportDisabled} title={t('grid.exportHint')}>
        {busy ? t('grid.exporting') : t('grid.export')}
      </button>
    </>
  );
}
