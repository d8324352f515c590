// Every date and time the renderer shows goes through here, as Beijing time (Asia/Shanghai)
// whatever zone the PC is set to: a desk PC left on UTC, or a laptop brought back from
// abroad, must show the 13:05 the clerk lived, not 05:05. The core keeps instants as UTC
// ISO text and dates as YYYY-MM-DD (China dates); the core's own documents use the same
// rule (electron/core/registry/as-of.ts).

const zone = 'Asia/Shanghai';
const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: zone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

interface Beijing {
  date: string;
  minute: string;
  second: string;
}

function beijing(instant: Date): Beijing {
  const p = Object.fromEntries(parts.formatToParts(instant).map((x) => [x.type, x.value])) as Record<string, string>;
  const date = `${p['year']}-${p['month']}-${p['day']}`;
  const minute = `${date} ${p['hour']}:${p['minute']}`;
  return { date, minute, second: `${minute}:${p['second']}` };
}

function parse(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const instant = new Date(iso);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

/**
 * A date as 2026-12-07: a YYYY-MM-DD date stays as it is (it is a China date already);
 * an instant (2026-12-06T17:30:00Z) becomes its date in Beijing (2026-12-07).
 */
export function formatDate(value: string | null | undefined): string {
  if (value && DATE_ONLY.test(value)) return value;
  const instant = parse(value);
  return instant ? beijing(instant).date : '';
}

/** An instant as 2026-12-07 13:05, Beijing time. */
export function formatDateTime(iso: string | null | undefined): string {
  const instant = parse(iso);
  return instant ? beijing(instant).minute : '';
}

/** An instant as 2026-12-07 13:05:09, Beijing time (logs where the order within a minute matters). */
export function formatDateTimeSeconds(iso: string | null | undefined): string {
  const instant = parse(iso);
  return instant ? beijing(instant).second : '';
}

/** Today in Beijing, YYYY-MM-DD (the date the core's lists and deadlines count from). */
export function todayIso(now: Date = new Date()): string {
  return beijing(now).date;
}

/** A date (or an instant, by its Beijing date) as its parts, for 2026年11月29日 in official documents. */
export function dateParts(value: string): { year: string; month: string; day: string } {
  const [year = '', month = '', day = ''] = formatDate(value).split('-');
  return { year, month: String(Number(month)), day: String(Number(day)) };
}

/** 2026年12月7日 (an official document's date). */
export function chineseDate(value: string): string {
  const { year, month, day } = dateParts(value);
  return year ? `${year}年${month}月${day}日` : '';
}
