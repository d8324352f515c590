const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO timestamp as a local calendar date, 2026-11-28 (DESIGN.md: dates shown as 2026-11-28). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
