import type { RegistrySettings } from '../../api/schemas/settings.ts';

// Status rules shared by the grids, the unit counts, the summary and the two lists,
// in SQL (for filters and counts over 200,000 rows) and in JS (for the rows shown),
// so the same piece never shows one status in a row and another in a count.
// Dates are stored as YYYY-MM-DD text, so text comparison is date comparison.

export type InspectionStatus = 'ok' | 'due' | 'overdue' | 'unknown';
export type CertificateStatus = 'valid' | 'expiring' | 'expired' | 'unknown';

/** A condition with its positional parameters, in the order of its placeholders. */
export interface SqlPart {
  sql: string;
  params: unknown[];
}

/** 正常 / 临期 (next date within the window, both ends included) / 超期 (before the as-of date) / 未知. */
export function inspectionStatus(next: string | null, asOf: string, dueLimit: string): InspectionStatus {
  if (!next) return 'unknown';
  if (next < asOf) return 'overdue';
  return next <= dueLimit ? 'due' : 'ok';
}

/** The same rule as a WHERE condition on a date column; written as ranges so the date index serves it. */
export function dateStatusSql(column: string, status: 'past' | 'soon' | 'later' | 'none', asOf: string, limit: string): SqlPart {
  switch (status) {
    case 'past':
      // > '' keeps empty text (a ledger gap) out of 超期; it is 未知
      return { sql: `(${column} > '' AND ${column} < ?)`, params: [asOf] };
    case 'soon':
      return { sql: `(${column} BETWEEN ? AND ?)`, params: [asOf, limit] };
    case 'later':
      return { sql: `(${column} > ?)`, params: [limit] };
    case 'none':
      return { sql: `(${column} IS NULL OR ${column} = '')`, params: [] };
  }
}

const inspectionRange = { overdue: 'past', due: 'soon', ok: 'later', unknown: 'none' } as const;
const certificateRange = { expired: 'past', expiring: 'soon', valid: 'later', unknown: 'none' } as const;

export function inspectionSql(status: InspectionStatus, asOf: string, dueLimit: string, column = 'e.next_inspection_date'): SqlPart {
  return dateStatusSql(column, inspectionRange[status], asOf, dueLimit);
}

/** 有效 (beyond the reminder window) / 即将到期 (within it) / 已过期 / 未知 (no expiry date). */
export function certificateStatus(expiry: string | null, asOf: string, expiringLimit: string): CertificateStatus {
  if (!expiry) return 'unknown';
  if (expiry < asOf) return 'expired';
  return expiry <= expiringLimit ? 'expiring' : 'valid';
}

export function certificateSql(status: CertificateStatus, asOf: string, expiringLimit: string, column = 'm.expiry_date'): SqlPart {
  return dateStatusSql(column, certificateRange[status], asOf, expiringLimit);
}

/** 作业项目 A; A1–A8 were merged into A on 2020-01-01 (TSG Z6001-2019) and still count as A. */
export const A_ITEM_CODES = ['A', 'A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8'] as const;

/** An item filter: "A" finds the legacy A1–A8 certificates too. */
export function itemCodes(code: string): string[] {
  const upper = code.trim().toUpperCase();
  return upper === 'A' ? [...A_ITEM_CODES] : [upper];
}

/** A manager holding a valid A certificate on the as-of date (no expiry date → not valid). */
export function validACertificateSql(asOf: string, alias = 'm'): SqlPart {
  return {
    sql: `${alias}.deleted_at IS NULL AND ${alias}.item_code IN (SELECT value FROM json_each(?)) AND ${alias}.expiry_date >= ?`,
    params: [JSON.stringify(A_ITEM_CODES), asOf],
  };
}

/**
 * A piece counted for the 20-unit screening: a counted status, and neither its kind,
 * category nor variety among the excluded codes. Matching any of the three stored
 * levels follows the catalogue tree, not the digits: 7310 安全阀 is stored under
 * F000, so excluding 7000 leaves it counted and excluding F000 removes it.
 */
export function countedPieceSql(settings: RegistrySettings, alias = 'e'): SqlPart {
  return {
    sql:
      `${alias}.deleted_at IS NULL AND ${alias}.status IN (SELECT value FROM json_each(?)) ` +
      `AND NOT EXISTS (SELECT 1 FROM json_each(?) x WHERE x.value IN (${alias}.kind_code, ${alias}.category_code, ${alias}.variety_code))`,
    params: [JSON.stringify(settings.countedStatuses), JSON.stringify(settings.excludedCodes)],
  };
}

/**
 * countedPieceSql over equipment_unit_counts (alias c), whose missing codes are stored as ''.
 * An excluded code is a catalogue code, never '', so a missing code is never excluded, as
 * with the pieces. The lists are bound as placeholders (IN (?, ?)), not json_each: the
 * home page scans every kept row, and a constant list is a third cheaper per row.
 */
export function countedGroupSql(settings: RegistrySettings, alias = 'c'): SqlPart {
  const statuses = [...new Set(settings.countedStatuses)];
  const excluded = [...new Set(settings.excludedCodes)].filter((code) => code !== '');
  const list = (values: readonly string[]) => `(${values.map(() => '?').join(', ')})`;
  return {
    sql:
      `${alias}.n > 0 AND ${alias}.status IN ${list(statuses)} AND ${alias}.kind_code NOT IN ${list(excluded)} ` +
      `AND ${alias}.category_code NOT IN ${list(excluded)} AND ${alias}.variety_code NOT IN ${list(excluded)}`,
    params: [...statuses, ...excluded, ...excluded, ...excluded],
  };
}

/** Escapes LIKE wildcards so a search for "%" or "_" finds those characters. */
export function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
