/**
 * Codes of the ledger-import report (issue 3), shared by the import engine
 * (electron/core/ledger) and the sample-data generator so that tests compare codes, not
 * Chinese messages. Each entry of the import report carries one of these as `code`.
 *
 * Injected by the generator's defects (see defects.ts for the rows):
 * - USCC_CHECK              error    统一社会信用代码: 18 valid characters, wrong check character
 * - USCC_LENGTH             error    统一社会信用代码: not 18 characters (and not a 15-digit legacy number)
 * - ID_CHECK                error    身份证号: wrong check character (birth date is real)
 * - DATE_INVALID            warning  a date that is not a calendar date (2023-02-30): dates are optional,
 *                                    so the value is dropped and the row imported
 * - STATUS_UNKNOWN          error    设备状态 outside 在用 / 停用 / 报废 / 注销 (e.g. 在修)
 * - CATEGORY_UNKNOWN        error    设备种类/类别/品种 not resolvable through the catalogue
 * - CATEGORY_LEGACY         warning  a code outside the 2014 catalogue whose first character is a
 *                                    known kind (4B00, 5120 叉车(防爆)): imported, mapped to the kind
 * - EQUIPMENT_CODE_CONFLICT error    the same 设备代码 as an earlier row with different data (on the later row)
 * - REQUIRED_MISSING        error    a required value is empty (e.g. 使用单位名称)
 * - DUPLICATE_ROW           folded   a row repeating an earlier one exactly (after normalisation):
 *                                    counted in duplicatesFolded, neither error nor warning
 *
 * Not a defect but in every written managers sheet, so part of the expected report:
 * - ITEM_LEGACY             warning  作业项目 A1 (A1–A8 merged into A in 2020): imported as A
 *
 * Also defined for the importer, not injected by the generator:
 * - USCC_CHAR      error    a character outside the GB 32100 alphabet (I O S V Z, punctuation)
 * - USCC_LEGACY    warning  a 15-digit pre-2015 registration number kept unverified
 * - ID_FORMAT      error    身份证号 not 17 digits + digit/X
 * - ID_BIRTH_DATE  error    身份证号 whose birth date is not a real date
 */
export const LEDGER_ISSUE_CODES = {
  USCC_CHECK: 'USCC_CHECK',
  USCC_LENGTH: 'USCC_LENGTH',
  USCC_CHAR: 'USCC_CHAR',
  USCC_LEGACY: 'USCC_LEGACY',
  ID_CHECK: 'ID_CHECK',
  ID_FORMAT: 'ID_FORMAT',
  ID_BIRTH_DATE: 'ID_BIRTH_DATE',
  DATE_INVALID: 'DATE_INVALID',
  ITEM_LEGACY: 'ITEM_LEGACY',
  STATUS_UNKNOWN: 'STATUS_UNKNOWN',
  CATEGORY_UNKNOWN: 'CATEGORY_UNKNOWN',
  CATEGORY_LEGACY: 'CATEGORY_LEGACY',
  EQUIPMENT_CODE_CONFLICT: 'EQUIPMENT_CODE_CONFLICT',
  REQUIRED_MISSING: 'REQUIRED_MISSING',
  DUPLICATE_ROW: 'DUPLICATE_ROW',
} as const;

export type LedgerIssueCode = keyof typeof LEDGER_ISSUE_CODES;

/** Where an entry lands in the import report: errors, warnings, or the duplicatesFolded count. */
export type IssueSeverity = 'error' | 'warning' | 'folded';

export const LEDGER_ISSUE_SEVERITY: Readonly<Record<LedgerIssueCode, IssueSeverity>> = {
  USCC_CHECK: 'error',
  USCC_LENGTH: 'error',
  USCC_CHAR: 'error',
  USCC_LEGACY: 'warning',
  ID_CHECK: 'error',
  ID_FORMAT: 'error',
  ID_BIRTH_DATE: 'error',
  DATE_INVALID: 'warning',
  ITEM_LEGACY: 'warning',
  STATUS_UNKNOWN: 'error',
  CATEGORY_UNKNOWN: 'error',
  CATEGORY_LEGACY: 'warning',
  EQUIPMENT_CODE_CONFLICT: 'error',
  REQUIRED_MISSING: 'error',
  DUPLICATE_ROW: 'folded',
};
