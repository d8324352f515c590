// Dates of the model are plain 'YYYY-MM-DD' strings (what the database stores);
// arithmetic is done on UTC days so no time zone can shift a date by one.

const DAY = 86_400_000;

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function parseDay(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!));
}

export function addDays(iso: string, days: number): string {
  return isoDay(new Date(parseDay(iso).getTime() + days * DAY));
}

/** Same month and day n years later (29 Feb → 1 Mar when the target year is not a leap year). */
export function addYears(iso: string, years: number): string {
  const d = parseDay(iso);
  return isoDay(new Date(Date.UTC(d.getUTCFullYear() + years, d.getUTCMonth(), d.getUTCDate())));
}

export function daysBetween(from: string, to: string): number {
  return Math.round((parseDay(to).getTime() - parseDay(from).getTime()) / DAY);
}

/** Excel's serial day number (1900 system, as Excel and WPS store dates). */
export function excelSerial(iso: string): number {
  return parseDay(iso).getTime() / DAY + 25_569;
}

export type DateForm = 'cell' | 'serial' | 'iso' | 'slash' | 'cn' | 'dot' | 'compact';

/** The ways real ledgers write a date; 'cell' and 'serial' only exist in xlsx. */
export function formatDay(iso: string, form: Exclude<DateForm, 'cell' | 'serial'>): string {
  const [y, m, d] = iso.split('-');
  switch (form) {
    case 'iso':
      return iso;
    case 'slash':
      return `${y}/${Number(m)}/${Number(d)}`;
    case 'cn':
      return `${y}年${Number(m)}月${Number(d)}日`;
    case 'dot':
      return `${y}.${m}.${d}`;
    case 'compact':
      return `${y}${m}${d}`;
  }
}
