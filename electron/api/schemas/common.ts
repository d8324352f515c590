import { z } from 'zod';

export const Empty = z.object({}).strict();
export const Id = z.string().min(1).max(64);
export const Timestamp = z.string();

/** Optional free text from a form: trimmed, empty becomes null. */
export const OptionalText = (max: number) =>
  z
    .string()
    .max(max, `不能超过 ${max} 个字符`)
    .nullish()
    .transform((v) => {
      const t = v?.trim();
      return t ? t : null;
    });

const fullWidthDigits = (s: string) => s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[－—]/g, '-');

/**
 * An optional phone number: a mobile (11 digits, 1[3-9]…), a landline with or without its
 * area code (0512-58123456, 58123456, with an extension -123) or a 400/800 number.
 * Spaces and full-width digits are tidied; anything else ("12") is refused.
 */
export function normalisePhone(text: string): string | null {
  const v = fullWidthDigits(text).replace(/\s+/g, '');
  return /^(1[3-9]\d{9}|(0\d{2,3}-?)?[2-9]\d{6,7}(-\d{1,6})?|[48]00-?\d{3}-?\d{4})$/.test(v) ? v : null;
}
export const PHONE_FORMAT_MESSAGE = '电话号码格式不正确：手机号为 11 位数字（如 13912345678），固定电话如 0512-58123456';
export const OptionalPhone = OptionalText(30)
  .refine((v) => v === null || normalisePhone(v) !== null, { message: PHONE_FORMAT_MESSAGE })
  .transform((v) => (v === null ? null : normalisePhone(v)));

/** An optional 执法证号 as printed on the card: 6–30 letters, digits or dashes, stored in upper case. */
export const OptionalEnforcementNo = OptionalText(30)
  .transform((v) => (v === null ? null : fullWidthDigits(v).replace(/[Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).toUpperCase()))
  .refine((v) => v === null || /^[0-9A-Z][0-9A-Z-]{4,28}[0-9A-Z]$/.test(v), { message: '执法证号应为 6–30 位字母或数字（可含“-”），请按执法证上的号码填写' });

export const SyncMeta = {
  id: Id,
  originNode: z.string(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: z.number().int(),
  deletedAt: Timestamp.nullable(),
};

/** Grid paging (AG Grid's infinite row model asks for startRow..endRow). */
export const Paging = {
  startRow: z.number().int().min(0).default(0).meta({ label: '起始行' }),
  endRow: z.number().int().min(1).default(100).meta({ label: '结束行' }),
};
export const pageLimit = [
  (q: { startRow: number; endRow: number }) => q.endRow > q.startRow && q.endRow - q.startRow <= 1000,
  { message: '每次最多读取 1000 行' },
] as const;

/** Given by the user when the private keys are sealed with a passphrase (no safeStorage on this host). */
export const Passphrase = z.string().min(1).max(1024).optional();
