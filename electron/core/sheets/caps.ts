import { AppError } from '../../api/errors.ts';
import { MAX_STAGED_BYTES } from '../../api/schemas/files.ts';

// Limits on what an imported spreadsheet may make us do (docs/SECURITY.md, "Spreadsheet
// import": cap file size and row count). A ledger of a whole town is ~100,000 rows and ~30 columns;
// these caps are ten times that and more, and stop a broken or hostile file
// before it exhausts memory.

export const MAX_LEDGER_BYTES = MAX_STAGED_BYTES;
/** data rows over all sheets */
export const MAX_ROWS = 1_000_000;
export const MAX_COLUMNS = 256;
/** an xlsx is a zip: what it would unpack to, in total and for the shared-string table we hold in memory */
export const MAX_UNPACKED_BYTES = 4 * 1024 * 1024 * 1024;
export const MAX_SHARED_STRINGS_BYTES = 512 * 1024 * 1024;

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

export function unreadable(fileName: string, reason: string): AppError {
  return new AppError('UNREADABLE_FILE', `无法读取文件“${fileName}”：${reason}`);
}

export function tooLarge(fileName: string, size: number): AppError {
  return unreadable(fileName, `文件大小 ${mb(size)} 超过上限 ${mb(MAX_LEDGER_BYTES)}。请按分局或设备种类拆分后分别导入`);
}

export function tooManyRows(sheet: string): AppError {
  return new AppError('VALIDATION', `工作表“${sheet}”使文件的数据行超过上限 ${MAX_ROWS.toLocaleString('en-US')} 行。请拆分文件后分别导入`);
}

export function tooManyColumns(sheet: string, row: number, max = MAX_COLUMNS): AppError {
  return new AppError('VALIDATION', `工作表“${sheet}”第 ${row} 行超过 ${max} 列，不像是台账。请删除多余的列后重新导入`);
}
