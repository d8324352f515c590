import { AppError } from '../../api/errors.ts';
import type { CalendarFile } from './calendar-file.ts';

// Working-day arithmetic on ISO dates (YYYY-MM-DD), in whole days and UTC so that no
// time zone or daylight-saving change moves a date. A day is a working day if the
// year's file lists it as 调休上班, else not if it lists it as a holiday, else Mon–Fri.
// A year without a file is counted Mon–Fri, and the calendar says so in its warnings.

export interface WorkingCalendar {
  isWorkingDay(date: string): boolean;
  /** the date n (≥ 1) working days after date; counting starts the next day */
  addWorkingDays(date: string, n: number): string;
  /** working days in (a, b]: addWorkingDays(a, n) is n days after a; negative when b is before a */
  workingDaysBetween(a: string, b: string): number;
  /** Chinese warnings: provisional years, years counted Mon–Fri */
  warnings(years: number[]): string[];
}

const DAY = 86_400_000;

function toDay(date: string): number {
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(ms)) throw new AppError('VALIDATION', `日期“${date}”无效，应写作 YYYY-MM-DD。`);
  return ms / DAY;
}

function fromDay(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

export function makeWorkingCalendar(files: CalendarFile[]): WorkingCalendar {
  const byYear = new Map(files.map((f) => [f.year, f]));
  const holidays = new Set(files.flatMap((f) => f.holidays.flatMap((h) => h.dates)));
  const workdays = new Set(files.flatMap((f) => f.workdays.map((w) => w.date)));

  const isWorkingDay = (date: string): boolean => {
    const day = toDay(date);
    if (workdays.has(date)) return true;
    if (holidays.has(date)) return false;
    const weekday = new Date(day * DAY).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  };

  return {
    isWorkingDay,
    addWorkingDays(date, n) {
      if (!Number.isInteger(n) || n < 1) throw new AppError('VALIDATION', '整改期限应为至少 1 个工作日。');
      let day = toDay(date);
      let left = n;
      while (left > 0) {
        day += 1;
        if (isWorkingDay(fromDay(day))) left -= 1;
      }
      return fromDay(day);
    },
    workingDaysBetween(a, b) {
      const from = toDay(a);
      const to = toDay(b);
      const [lo, hi, sign] = from <= to ? [from, to, 1] : [to, from, -1];
      let count = 0;
      for (let day = lo + 1; day <= hi; day += 1) if (isWorkingDay(fromDay(day))) count += 1;
      return sign * count;
    },
    warnings(years) {
      const out: string[] = [];
      for (const year of [...new Set(years)].sort()) {
        const file = byYear.get(year);
        if (!file) out.push(`${year} 年没有节假日安排文件，工作日按周一至周五计算；请在数据目录的 calendar 文件夹中补充 cn-official-${year}.json。`);
        else if (file.provisional) out.push(`${year} 年节假日安排尚未由国务院公布，目前只计入元旦、劳动节、国庆节等固定日期；公布后请更新 cn-official-${year}.json。`);
      }
      return out;
    },
  };
}

/** The years a computation from a to b touches (for its warnings). */
export function yearsBetween(a: string, b: string): number[] {
  const lo = Math.min(Number(a.slice(0, 4)), Number(b.slice(0, 4)));
  const hi = Math.max(Number(a.slice(0, 4)), Number(b.slice(0, 4)));
  return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
}
