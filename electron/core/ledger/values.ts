import { toHalfWidth } from '../text.ts';
import { dateOfCell, displayText, own, ymd } from '../sheets/cells.ts';
import type { Cell } from '../sheets/types.ts';
import type { EquipmentStatus } from './types.ts';

// Value parsers: one cell in, a normalised value or a Chinese reason out. Cells
// arrive as the reader found them: text, numbers, Excel dates, formula problems.

export type Parsed<T> = { ok: true; value: T } | { ok: false; code: string; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (code: string, message: string): Parsed<never> => ({ ok: false, code, message });

// "无", "/", "—" and the like are how offices write "nothing here".
const placeholders = new Set(['无', '/', '\\', '-', '--', '—', '——', '－', '暂无', 'n/a', 'na', 'null', '空', '／', '.', '不详']);
const spaces = /\s+/g;

// The checks below run on every cell of a 100,000-row ledger: a loop over char codes
// is several times cheaper than a regular expression and allocates nothing.
const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x3000 || c === 0xfeff || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x1680;

/** Full-width ASCII or ideographic space (toHalfWidth's work), or spaces to collapse. */
function needsWork(text: string): { width: boolean; spaces: boolean } | null {
  let width = false;
  let runs = false;
  let previousSpace = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0xff01 && c <= 0xff5e) || c === 0x3000) width = true;
    const space = isSpace(c);
    if (space && (previousSpace || c !== 32)) runs = true;
    previousSpace = space;
  }
  return width || runs ? { width, spaces: runs } : null;
}

/** Free text: half-width, single spaces, trimmed; placeholders and blanks become null. `copy`: see own(). */
export function cleanText(cell: Cell | undefined, copy = true): string | null {
  let text = typeof cell === 'string' ? cell : displayText(cell);
  const work = needsWork(text);
  if (work?.width) text = toHalfWidth(text);
  if (work) text = text.replace(spaces, ' ');
  text = text.trim();
  if (!text || (text.length <= 4 && placeholders.has(text.toLowerCase()))) return null;
  return copy ? own(text) : text;
}

/**
 * A long number typed into a General cell is kept by Excel to 15 significant digits
 * (an 18-digit ID becomes 3.20582199001011E+17): the last digits are gone for good.
 */
export function lostDigits(cell: Cell | undefined): boolean {
  if (typeof cell === 'number') return Number.isInteger(cell) && !Number.isSafeInteger(cell);
  return typeof cell === 'string' && cell.length < 30 && cell.includes('+') && /^\s*\d(\.\d+)?e\+\d+\s*$/i.test(cell);
}

export const lostDigitsMessage = '该单元格被 Excel 当作数字保存，超过 15 位的数字已丢失（显示为科学计数法或末尾变成 0）。请把该列设为“文本”格式后重新录入原始编号';

/** Codes and numbers (设备代码, 证书编号 …): no spaces at all, upper case. */
export function cleanCode(cell: Cell | undefined): string | null {
  const text = cleanText(cell);
  return text === null ? null : text.replace(spaces, '').toUpperCase();
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;
const MAX_SERIAL = 73_415; // 2100-12-31

const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

function calendarDate(year: number, month: number, day: number, shown: string): Parsed<string> {
  if (year < MIN_YEAR || year > MAX_YEAR) return bad('DATE_INVALID', `日期“${shown}”的年份不在 ${MIN_YEAR}–${MAX_YEAR} 之间，请核对`);
  const last = month === 2 && leap(year) ? 29 : monthDays[month - 1];
  if (last === undefined || day < 1 || day > last) {
    return bad('DATE_INVALID', `日期“${shown}”不存在（${year} 年 ${month} 月没有 ${day} 日），请核对后改正`);
  }
  return ok(ymd(year, month, day));
}

function fromSerial(serial: number, shown: string): Parsed<string> {
  if (serial < 1 || serial > MAX_SERIAL) return bad('DATE_INVALID', `“${shown}”不是有效的日期，请写成 2023-05-01 这样的年月日`);
  // Excel's day 1 is 1900-01-01 and it counts a 1900-02-29 that never was: day 0 = 1899-12-30 for every date after it.
  const d = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  return ok(dateOfCell(d));
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;
const datePatterns: RegExp[] = [
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];

const isDigit = (c: number) => c >= 48 && c <= 57;
const isDateSeparator = (c: number) => c === 45 || c === 47 || c === 46; // - / .

/**
 * 2023-05-01, 2023/05/01, 2023.05.01 (month and day padded, any of the three separators),
 * the texts ledgers hold most, read without cleaning or regular expressions: what the
 * patterns below make of them. null for any other text.
 */
function paddedDate(text: string): Parsed<string> | null {
  if (text.length !== 10 || !isDateSeparator(text.charCodeAt(4)) || !isDateSeparator(text.charCodeAt(7))) return null;
  for (let i = 0; i < 10; i++) if (i !== 4 && i !== 7 && !isDigit(text.charCodeAt(i))) return null;
  const at = (i: number) => text.charCodeAt(i) - 48;
  return calendarDate(at(0) * 1000 + at(1) * 100 + at(2) * 10 + at(3), at(5) * 10 + at(6), at(8) * 10 + at(9), text);
}

/** Excel date cells and serials, 2023-05-01, 2023/5/1, 2023年5月1日, 2023.05.01, 20230501 → "2023-05-01". */
export function parseDate(cell: Cell | undefined): Parsed<string | null> {
  if (typeof cell === 'string') {
    const padded = paddedDate(cell);
    if (padded) return padded;
  }
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return bad('DATE_INVALID', '日期单元格的值无效，请重新录入');
    const year = cell.getUTCFullYear();
    const month = cell.getUTCMonth() + 1;
    const day = cell.getUTCDate();
    return calendarDate(year, month, day, ymd(year, month, day));
  }
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell >= 19_000_101 && cell <= 21_001_231) {
      return calendarDate(Math.floor(cell / 10_000), Math.floor(cell / 100) % 100, cell % 100, String(cell));
    }
    return fromSerial(cell, String(cell));
  }
  const text = cleanText(cell, false);
  if (text === null) return ok(null);
  const shown = text;
  const iso = isoDate.exec(text); // the common case, without the work below
  if (iso) return calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]), shown);
  // a time after the date ("2023-05-01 00:00:00") says nothing about the day
  const day = text.replace(/[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$/, '').replace(/\s+/g, '');
  for (const pattern of datePatterns) {
    const m = pattern.exec(day);
    if (m) return calendarDate(Number(m[1]), Number(m[2]), Number(m[3]), shown);
  }
  if (/^\d{5}$/.test(day)) return fromSerial(Number(day), shown);
  return bad('DATE_INVALID', `无法识别的日期“${shown}”，请写成 2023-05-01 这样的年月日`);
}

const statusWords: Record<string, EquipmentStatus> = {
  在用: 'in_use',
  使用: 'in_use',
  使用中: 'in_use',
  正常: 'in_use',
  正常使用: 'in_use',
  停用: 'stopped',
  停止使用: 'stopped',
  暂停使用: 'stopped',
  已停用: 'stopped',
  报废: 'scrapped',
  已报废: 'scrapped',
  注销: 'cancelled',
  已注销: 'cancelled',
};

/** 在用 停用 报废 注销. Empty → null (the caller decides the default). */
export function parseStatus(cell: Cell | undefined): Parsed<EquipmentStatus | null> {
  const text = cleanText(cell);
  if (text === null) return ok(null);
  const status = statusWords[text.replace(spaces, '')];
  return status ? ok(status) : bad('STATUS_UNKNOWN', `设备状态“${text}”无法识别，只能是“在用”“停用”“报废”“注销”之一`);
}

/** TSG Z6001-2019 item codes and the names offices write instead. */
const itemCodes = new Set(['A', 'G1', 'G2', 'G3', 'R1', 'R2', 'R3', 'P', 'T', 'Q1', 'Q2', 'S1', 'S2', 'Y1', 'Y2', 'N1', 'N2', 'F']);
const itemNames: [string, string][] = [
  ['特种设备安全管理', 'A'],
  ['安全管理', 'A'],
  ['工业锅炉司炉', 'G1'],
  ['电站锅炉司炉', 'G2'],
  ['锅炉水处理', 'G3'],
  ['快开门式压力容器操作', 'R1'],
  ['移动式压力容器充装', 'R2'],
  ['氧舱维护保养', 'R3'],
  ['气瓶充装', 'P'],
  ['电梯修理', 'T'],
  ['起重机指挥', 'Q1'],
  ['起重机司机', 'Q2'],
  ['客运索道修理', 'S1'],
  ['客运索道司机', 'S2'],
  ['大型游乐设施修理', 'Y1'],
  ['大型游乐设施操作', 'Y2'],
  ['叉车司机', 'N1'],
  ['观光车和观光列车司机', 'N2'],
  ['观光车司机', 'N2'],
  ['安全阀校验', 'F'],
];

export type ItemResult = { value: string | null; warning?: { code: string; message: string } };

/** "A", "a", "A 特种设备安全管理", "特种设备安全管理"; legacy A1–A8 merged into A on 2020-01-01. */
export function parseItem(cell: Cell | undefined): ItemResult {
  const text = cleanText(cell);
  if (text === null) return { value: null };
  const compact = text.replace(spaces, '').toUpperCase();
  const code = /^([A-Z][0-9]?)(?![0-9A-Z])/.exec(compact)?.[1];
  if (code && /^A[1-8]$/.test(code)) {
    return { value: 'A', warning: { code: 'ITEM_LEGACY', message: `作业项目“${text}”是 2020 年前的旧代号，将按现行的“A 特种设备安全管理”导入` } };
  }
  if (code && itemCodes.has(code)) return { value: code };
  const named = itemNames.find(([name]) => compact.includes(name));
  if (named) return { value: named[1] };
  return { value: compact, warning: { code: 'ITEM_UNKNOWN', message: `作业项目“${text}”不是现行作业项目代号（如 A、G1、N1、Q2），将按原文导入，请核对` } };
}

/** Phone numbers: digits, dashes and extensions as typed, minus spaces. */
export function cleanPhone(cell: Cell | undefined): string | null {
  const text = cleanText(cell);
  return text === null ? null : text.replace(spaces, '');
}
