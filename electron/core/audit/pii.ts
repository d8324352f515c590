import { maskIdNumber, maskName, maskPhone } from '../privacy/mask.ts';

// The audit log keeps who changed what for ever and cannot be edited afterwards,
// so personal data must never enter it: the values of personal fields are masked
// before the entry is hashed. The change itself stays visible (身份证号 changed,
// 3205**********1234 → 3205**********5678); unknown structure is kept as is.

type Masker = (value: string) => string | null;

/** Field names used in before/after across the core services, camelCase and snake_case. */
const byKey: Record<string, Masker> = {
  idNumber: maskIdNumber,
  id_number: maskIdNumber,
  phone: maskPhone,
  mobile: maskPhone,
  contactPhone: maskPhone,
  contact_phone: maskPhone,
  contactPerson: maskName,
  contact_person: maskName,
  reporterName: maskName,
  reporter_name: maskName,
};

/** Inside a reporter object its name and address are the person's too. */
const reporterKeys: Record<string, Masker> = { ...byKey, name: maskName, address: () => '***' };

/**
 * Ledger columns we do not model are kept under their sheet's own header in `extra`
 * (a JSON text): a 身份证号 or 联系电话 column there is masked by its header.
 */
function maskerOfHeader(key: string): Masker | undefined {
  if (/身份证|证件号|公民身份号码/.test(key)) return maskIdNumber;
  if (/电话|手机|联系方式/.test(key)) return maskPhone;
  if (/联系人/.test(key)) return maskName;
  return undefined;
}

function maskScalar(masker: Masker, value: unknown): unknown {
  if (value === null || value === undefined || value === '') return value;
  if (typeof value === 'string' || typeof value === 'number') return masker(String(value));
  return maskPersonalData(value);
}

function maskExtraText(text: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return text;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return text;
  const masked = maskObject(parsed as Record<string, unknown>, byKey);
  return JSON.stringify(masked);
}

function maskObject(value: Record<string, unknown>, keys: Record<string, Masker>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    const masker = Object.prototype.hasOwnProperty.call(keys, key) ? keys[key] : maskerOfHeader(key);
    if (masker) out[key] = maskScalar(masker, inner);
    else if (key === 'reporter' && inner && typeof inner === 'object' && !Array.isArray(inner)) out[key] = maskObject(inner as Record<string, unknown>, reporterKeys);
    else if (key === 'extra' && typeof inner === 'string') out[key] = maskExtraText(inner);
    else out[key] = maskPersonalData(inner);
  }
  return out;
}

/** A copy of a before/after value with every known personal field masked, recursively. */
export function maskPersonalData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskPersonalData);
  if (value && typeof value === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(value) as object | null)) {
    return maskObject(value as Record<string, unknown>, byKey);
  }
  return value;
}
