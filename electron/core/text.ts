// tested for before anything is copied: most text (every mark of an answer sheet, most ledger cells) has none
const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;

/** Full-width ASCII (ＡＢＣ１２３, ideographic space) to half-width, as WPS and IMEs produce it. */
export function toHalfWidth(value: string): string {
  if (!FULL_WIDTH.test(value)) return value;
  return value.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/**
 * Trim, half-width letters and digits, collapse inner runs of spaces. Brackets go
 * the other way, to full width: registered Chinese names write 张家港市（塘桥）…,
 * and 张家港市(塘桥) typed on an English keyboard must be the same name.
 */
export function normalizeText(value: string): string {
  return toHalfWidth(value).replace(/\s+/g, ' ').trim().replace(/\(/g, '（').replace(/\)/g, '）');
}
