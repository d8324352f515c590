import { toHalfWidth } from '../text.ts';

// GB 11643: 17 digits + a check character; positions 7–14 are the birth date.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export type IdCardCheck = { ok: true; value: string; birthDate: string } | { ok: false; value: string; message: string };

export function normalizeIdNumber(raw: string): string {
  return toHalfWidth(raw).replace(/\s+/g, '').toUpperCase();
}

export function checkIdNumber(raw: string, today = new Date()): IdCardCheck {
  const value = normalizeIdNumber(raw);
  if (!/^\d{17}[\dX]$/.test(value)) {
    return { ok: false, value, message: `身份证号应为 18 位（17 位数字加 1 位数字或 X），当前为“${value}”` };
  }
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  const real = birth.getUTCFullYear() === year && birth.getUTCMonth() === month - 1 && birth.getUTCDate() === day;
  if (!real || year < 1900 || birth.getTime() > today.getTime()) {
    return { ok: false, value, message: `身份证号中的出生日期 ${value.slice(6, 14)} 不是有效日期` };
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(value[i]) * WEIGHTS[i]!;
  const expected = CHECK[sum % 11]!;
  if (value[17] !== expected) {
    return { ok: false, value, message: `身份证号校验位错误：第 18 位应为“${expected}”，实际为“${value[17]}”，请核对是否抄错` };
  }
  return { ok: true, value, birthDate: `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}` };
}
