import type { CoreContext } from '../context.ts';

// Desk PCs of the Zhangjiagang sub-bureaus run on China time. The as-of date is
// fixed to Asia/Shanghai rather than the process's zone so a CLI run on a server
// in UTC (or a test machine) gives the same lists as the desk PC at 07:00.
const zone = 'Asia/Shanghai';
const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
const minuteFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: zone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The calendar date of an instant in China time, as YYYY-MM-DD. */
export function localDate(instant: Date): string {
  return dayFormat.format(instant);
}

/** The China date of an ISO timestamp, as YYYY-MM-DD (dates in messages and documents). */
export function localDay(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso.slice(0, 10) : localDate(d);
}

/** An ISO timestamp as "YYYY-MM-DD HH:mm" China time (for exports). */
export function localMinute(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return minuteFormat.format(d).replace(', ', ' ');
}

/** The date the caller asked for, else today. */
export function resolveAsOf(ctx: CoreContext, asOf: string | undefined): string {
  return asOf ?? localDate(ctx.now());
}

/** YYYY-MM-DD plus n calendar days (UTC arithmetic on a date: no DST in China, none here). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
