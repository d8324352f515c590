const pad = (n: number) => String(n).padStart(2, '0');

/** Today on this computer's calendar, YYYY-MM-DD (the desk PCs run on China Standard Time). */
export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** YYYY-MM-DD → its parts, for 2026年11月29日 in official documents. */
export function dateParts(iso: string): { year: string; month: string; day: string } {
  const [year = '', month = '', day = ''] = iso.split('-');
  return { year, month: String(Number(month)), day: String(Number(day)) };
}
