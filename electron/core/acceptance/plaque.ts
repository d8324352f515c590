/**
 * Makes a number from a pattern: {year} → 2026; {seq:000} → 001 (as many digits as
 * zeros) or {seq:3} → 001 (that many digits); {seq} → 1. Plaque numbers and
 * supervisor certificate numbers (training/certificates.ts) both use it.
 */
export function formatPlaqueNo(pattern: string, year: number, seq: number): string {
  return pattern
    .replace(/\{year\}/g, String(year))
    .replace(/\{seq(?::(0+|[1-9]\d?))?\}/g, (_m, width: string | undefined) => String(seq).padStart(width === undefined ? 0 : width.startsWith('0') ? width.length : Number(width), '0'));
}
