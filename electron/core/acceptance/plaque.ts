/** Makes a plaque number from the pattern: {year} → 2026, {seq:000} → 001 (as many digits as zeros), {seq} → 1. */
export function formatPlaqueNo(pattern: string, year: number, seq: number): string {
  return pattern.replace(/\{year\}/g, String(year)).replace(/\{seq(?::(0+))?\}/g, (_m, zeros: string | undefined) => String(seq).padStart(zeros?.length ?? 0, '0'));
}
