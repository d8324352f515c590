// Personal information is shown masked everywhere (docs/SECURITY.md, "Personal information"); the full value
// stays in the database and leaves the machine only inside encrypted bundles.

/** 320582199001011234 → 3205**********1234 (first 4, last 4). */
export function maskIdNumber(value: string | null | undefined): string | null {
  if (!value) return null;
  if (value.length <= 8) return '*'.repeat(value.length);
  return `${value.slice(0, 4)}${'*'.repeat(value.length - 8)}${value.slice(-4)}`;
}

/** 13812345678 → 138****5678; landlines keep their area code and last 4. */
export function maskPhone(value: string | null | undefined): string | null {
  if (!value) return null;
  const digits = value.replace(/\s+/g, '');
  if (digits.length <= 4) return '*'.repeat(digits.length);
  const keepStart = Math.min(3, digits.length - 4);
  return `${digits.slice(0, keepStart)}${'*'.repeat(digits.length - keepStart - 4)}${digits.slice(-4)}`;
}

/**
 * 王小明 → 王**: the first character and always two stars, so the length of the
 * name is not told either (a reporter's name, docs/SECURITY.md). Compound surnames keep
 * only their first character: less is shown, never more.
 */
export function maskName(value: string | null | undefined): string | null {
  const name = value?.trim();
  if (!name) return null;
  const [first] = Array.from(name);
  return `${first}**`;
}
