import { toHalfWidth } from '../text.ts';

// GB 32100-2015: 18 characters over this alphabet (no I, O, S, V, Z); the 18th
// is a check character over the first 17 with weights 3^(i-1) mod 31.
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type UsccCheck =
  | { ok: true; value: string; legacy: boolean; warning?: string }
  | { ok: false; value: string; message: string };

/** Trim, full-width to half-width, upper case, drop inner spaces. */
export function normalizeUscc(raw: string): string {
  return toHalfWidth(raw).replace(/\s+/g, '').toUpperCase();
}

export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

export function checkUscc(raw: string): UsccCheck {
  const value = normalizeUscc(raw);
  if (value.length === 0) return { ok: false, value, message: '请填写统一社会信用代码（18 位）' };
  // Units registered before 2015 may still carry a 15-digit business registration number.
  if (/^\d{15}$/.test(value)) {
    return { ok: true, value, legacy: true, warning: '这是 15 位旧工商注册号，未能校验，请尽快更新为 18 位统一社会信用代码' };
  }
  if (value.length !== 18) {
    return { ok: false, value, message: `统一社会信用代码应为 18 位，当前为 ${value.length} 位` };
  }
  const bad = [...value].findIndex((c) => !ALPHABET.includes(c));
  if (bad >= 0) {
    return {
      ok: false,
      value,
      message: `统一社会信用代码第 ${bad + 1} 位“${value[bad]}”不是有效字符（只能是数字和除 I、O、S、V、Z 以外的大写字母）`,
    };
  }
  const expected = usccCheckChar(value.slice(0, 17));
  if (value[17] !== expected) {
    return { ok: false, value, message: `统一社会信用代码校验位错误：第 18 位应为“${expected}”，实际为“${value[17]}”，请核对是否抄错` };
  }
  return { ok: true, value, legacy: false };
}
