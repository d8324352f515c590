/** Full-width ASCII (ＡＢＣ１２３, ideographic space) to half-width, as WPS and IMEs produce it. */
export function toHalfWidth(value: string): string {
  return value.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** Trim, half-width, and collapse inner runs of spaces. */
export function normalizeText(value: string): string {
  return toHalfWidth(value).replace(/\s+/g, ' ').trim();
}
