import type { CoreContext } from '../context.ts';
import { localDate } from '../registry/as-of.ts';

// Months as the offices count them: calendar months in China time (Asia/Shanghai,
// UTC+8 all year, no daylight saving). Dates in the tables (found_on, inspected_on …)
// are already China dates; timestamps (created_at) are UTC instants, so a month's
// bounds are turned into the instants of its first and next month's midnight in China.

const pad = (n: number) => String(n).padStart(2, '0');

export function today(ctx: CoreContext): string {
  return localDate(ctx.now());
}

export function currentMonth(ctx: CoreContext): string {
  return today(ctx).slice(0, 7);
}

export function daysInMonth(month: string): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function firstDay(month: string): string {
  return `${month}-01`;
}

export function lastDay(month: string): string {
  return `${month}-${pad(daysInMonth(month))}`;
}

/** The month n months after (or before, n < 0) the given one. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
}

/** count months ending with `to`, oldest first. */
export function monthsUpTo(to: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(to, i - count + 1));
}

/** The UTC instant (ISO) of midnight China time at the start of a date. */
export function chinaMidnight(date: string): string {
  return new Date(`${date}T00:00:00+08:00`).toISOString();
}

/** [start, end) of a month as UTC instants, for timestamp columns. */
export function monthInstants(month: string): { start: string; end: string } {
  return { start: chinaMidnight(firstDay(month)), end: chinaMidnight(firstDay(addMonths(month, 1))) };
}

/** The due date of a month's summary: the due day, or the month's last day when the month is shorter. */
export function dueDate(month: string, dueDay: number): string {
  return `${month}-${pad(Math.min(dueDay, daysInMonth(month)))}`;
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** 2026年12月 */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-');
  return `${y}年${Number(m)}月`;
}

/** 2026年12月20日 */
export function dateLabel(date: string): string {
  const [y, m, d] = date.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}
