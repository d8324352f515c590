import { toHalfWidth } from '../text.ts';

// GB 11643: 17 digits + a check character; positions 7–14 are the birth date.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export type IdCardCheck = { ok: true; value: string; birthDate: string } | { ok: false; value: string; message: string };

export function normalizeIdNumber(raw: string): string {
  return toHalfWidth(raw).replace(/\s+/g, '').toUpperCase();
}

const SHAPE = /^\d{17}[\dX]$/;

const digit = (value: string, i: number) => value.charCodeAt(i) - 48;
const digits = (value: string, from: number, to: number) => {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + digit(value, i);
  return n;
};

/** Whether positions 7–14 of a well-shaped number are a real date, not after today. */
function realBirth(value: string, today: number): boolean {
  const year = digits(value, 6, 10);
  const month = digits(value, 10, 12);
  const day = digits(value, 12, 14);
  const birth = new Date(Date.UTC(year, month - 1, day));
  const real = birth.getUTCFullYear() === year && birth.getUTCMonth() === month - 1 && birth.getUTCDate() === day;
  return real && year >= 1900 && birth.getTime() <= today;
}

/** The check character the first 17 digits call for. */
function checkCharacter(value: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += digit(value, i) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

export function checkIdNumber(raw: string, today = new Date()): IdCardCheck {
  const value = normalizeIdNumber(raw);
  if (!SHAPE.test(value)) {
    return { ok: false, value, message: `身份证号应为 18 位（17 位数字加 1 位数字或 X），当前为“${value}”` };
  }
  if (!realBirth(value, today.getTime())) {
    return { ok: false, value, message: `身份证号中的出生日期 ${value.slice(6, 14)} 不是有效日期` };
  }
  const expected = checkCharacter(value);
  if (value[17] !== expected) {
    return { ok: false, value, message: `身份证号校验位错误：第 18 位应为“${expected}”，实际为“${value[17]}”，请核对是否抄错` };
  }
  return { ok: true, value, birthDate: `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}` };
}

/**
 * checkIdNumber(raw, today).ok without building its answer: grading asks it of 10,000 sheets.
 * A number already as normalizeIdNumber leaves it (as answer sheets are read) is checked in place.
 */
export function isValidIdNumber(raw: string, today = new Date()): boolean {
  const value = SHAPE.test(raw) ? raw : normalizeIdNumber(raw);
  return SHAPE.test(value) && realBirth(value, today.getTime()) && value[17] === checkCharacter(value);
}
