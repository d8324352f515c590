import type { LedgerField } from '../../api/schemas/ledger.ts';
import { equipmentLimits, ledgerOnlyLimits, managerLimits, unitLimits } from '../../api/schemas/field-limits.ts';
import { fieldSynonyms } from './header-synonyms.ts';
import { cleanText } from './values.ts';

// What a text cell must be before its value is read: whole (no character lost to a
// broken encoding), free of characters that change how it looks without being seen,
// and no longer than the form for the same field allows.

/** The same limits as the edit forms (field-limits.ts); dates and statuses are short or not what they claim. */
export const fieldLimit: Record<LedgerField, number> = {
  districtName: ledgerOnlyLimits.districtName,
  unitName: unitLimits.name,
  uscc: unitLimits.uscc,
  unitAddress: unitLimits.address,
  kind: equipmentLimits.category,
  category: equipmentLimits.category,
  variety: equipmentLimits.category,
  equipmentCode: equipmentLimits.equipmentCode,
  registrationCode: equipmentLimits.registrationCode,
  registrationNo: equipmentLimits.registrationNo,
  location: equipmentLimits.location,
  status: ledgerOnlyLimits.shortValue,
  lastInspectionDate: ledgerOnlyLimits.shortValue,
  nextInspectionDate: ledgerOnlyLimits.shortValue,
  internalNo: equipmentLimits.internalNo,
  model: equipmentLimits.model,
  productNo: equipmentLimits.productNo,
  manufacturer: equipmentLimits.manufacturer,
  commissionedDate: ledgerOnlyLimits.shortValue,
  personName: managerLimits.name,
  idNumber: managerLimits.idNumber,
  itemCode: managerLimits.itemCode,
  certificateNo: managerLimits.certificateNo,
  issuedDate: ledgerOnlyLimits.shortValue,
  expiryDate: ledgerOnlyLimits.shortValue,
  phone: managerLimits.phone,
};

/** The field's usual Chinese header (the first wording the importer knows). */
export function fieldName(field: LedgerField): string {
  return fieldSynonyms.equipment[field]?.[0] ?? fieldSynonyms.managers[field]?.[0] ?? field;
}

/** U+FFFD is what a decoder puts where bytes were not valid UTF-8 (or GBK): the original character is gone. */
const REPLACEMENT = '\uFFFD';
// Bidi embeddings, overrides and isolates, zero-width spaces and joiners, the
// word joiner and invisible operators, the Arabic letter mark, the Mongolian vowel
// separator, the BOM used as a zero-width no-break space, and the soft hyphen.
const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const SUSPECT = /[\uFFFD\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;

export type TextCheck = { kind: 'ok' } | { kind: 'broken' } | { kind: 'cleaned'; text: string; removed: number };

/** One test per cell in the common case (nothing suspect), the detailed work only when needed. */
const OK: TextCheck = { kind: 'ok' };

export function checkCellText(text: string): TextCheck {
  if (!SUSPECT.test(text)) return OK;
  if (text.includes(REPLACEMENT)) return { kind: 'broken' };
  const cleaned = text.replace(INVISIBLE, '');
  return { kind: 'cleaned', text: cleaned, removed: text.length - cleaned.length };
}

/** The length the stored value would have (half-width, spaces collapsed, trimmed), when it exceeds the limit. */
export function excessLength(text: string, limit: number): number | null {
  if (text.length <= limit) return null; // cleaning only ever shortens
  const length = cleanText(text, false)?.length ?? 0;
  return length > limit ? length : null;
}

export const brokenTextMessage =
  '单元格中有无法识别的字符“\uFFFD”：文件的文字编码已损坏（常见于用错误的编码另存的 CSV 文件），原来的文字已经丢失。请在 Excel 或 WPS 中打开原文件核对这一格，改正后另存为 .xlsx 再导入';

export function invisibleMessage(removed: number, shown: string): string {
  return `单元格中有 ${removed} 个看不见的控制字符（零宽字符或文字方向控制符），它们会让不同的名称看起来一样，将删除后按“${shown}”导入，请核对原文件`;
}

export function tooLongMessage(label: string, length: number, limit: number): string {
  return `内容有 ${length} 个字符，超过“${label}”的上限 ${limit} 个字符（与录入表单的上限相同）。请删减后重新导入`;
}

const SHOWN_CHARS = 100;

/** A cell's text for a report entry: a value of a million characters is named, not repeated. */
export function shortened(text: string): string {
  return text.length <= SHOWN_CHARS ? text : `${text.slice(0, SHOWN_CHARS)}…（共 ${text.length} 个字符）`;
}
