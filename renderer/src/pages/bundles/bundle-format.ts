import type { TFunction } from 'i18next';
import { syncTableLabels, type LabelledTable } from '../../../../electron/api/sync-table-labels.ts';

/** Bytes as megabytes, 12.34 MB; a small bundle is "< 0.01 MB" rather than a misleading 0.00. */
export function formatSize(t: TFunction, bytes: number): string {
  const mb = bytes / 1024 / 1024;
  if (bytes > 0 && mb < 0.01) return t('bundles.sizeTiny');
  return t('bundles.size', { size: mb.toFixed(2) });
}

/** The synced tables a bundle carries, in the order of the bundle (parents first); 'files' is the attachment files count. */
export const bundleTables = [...(Object.keys(syncTableLabels) as LabelledTable[]), 'files' as const];
export type BundleTable = LabelledTable | 'files';

export function isBundleTable(name: string): name is BundleTable {
  return (bundleTables as readonly string[]).includes(name);
}

/** 分局 / 使用单位 / 特种设备 / 安全管理员 / 附件; an unknown table keeps its code name. */
export function tableLabel(t: TFunction, table: string): string {
  return isBundleTable(table) ? t(`bundles.table.${table}`) : table;
}

/** Known tables first in bundle order, then any other in name order. */
export function orderedTables(names: Iterable<string>): string[] {
  const rank = (n: string) => (isBundleTable(n) ? bundleTables.indexOf(n) : bundleTables.length);
  return [...names].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** 使用单位 3，特种设备 24 … (zero counts left out); the empty bundle says so. */
export function rowCountsText(t: TFunction, counts: Record<string, number>): string {
  const parts = orderedTables(Object.keys(counts))
    .filter((table) => (counts[table] ?? 0) > 0)
    .map((table) => t('bundles.rowCount', { table: tableLabel(t, table), count: counts[table] }));
  return parts.length > 0 ? parts.join(t('bundles.listSeparator')) : t('bundles.noRows');
}
