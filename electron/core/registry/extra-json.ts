import { maskIdNumber, maskPhone } from '../privacy/mask.ts';

// Ledger columns we do not model are kept as `extra` (JSON object). Such a column
// may well hold personal data (联系人身份证, 手机), so it is masked on the way out
// like the modelled columns: by the column's name, and by the shape of the value.

const idKey = /身份证|证件号|身份号码/;
const phoneKey = /电话|手机|联系方式/;
// 18 characters with a plausible birth date in 7–14; the check digit is not required:
// a mistyped ID number is still someone's personal data. Over-masking a device code
// that happens to look like one is harmless (it has its own column).
const idShape = /(?<![0-9A-Za-z])\d{6}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/g;
const mobileShape = /(?<!\d)1[3-9]\d{9}(?!\d)/g;

function maskValue(key: string, value: string): string {
  if (idKey.test(key)) return maskIdNumber(value.trim()) ?? '';
  if (phoneKey.test(key)) return maskPhone(value) ?? '';
  return value.replace(idShape, (m) => maskIdNumber(m)!).replace(mobileShape, (m) => maskPhone(m)!);
}

/** The stored extra columns as a flat text record, personal data masked; unreadable JSON → {}. */
export function readExtra(stored: unknown): Record<string, string> {
  if (typeof stored !== 'string' || !stored) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored);
  } catch {
    return {};
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (value === null || value === undefined) continue;
    const text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
    out[key] = maskValue(key, text);
  }
  return out;
}
