import type { ActivityKind, Frequency } from '../../api/schemas/routine.ts';
import { addDays } from '../registry/as-of.ts';
import { addMonths, daysInMonth } from '../summaries/month.ts';

// The due activities a block's 活动安排 generates, as plain dates (China dates, YYYY-MM-DD).
// A rule makes one period per month, per quarter or per listed date; an activity is due
// by its period's due date and is fulfilled by a record dated inside the period:
// - monthly / quarterly: the calendar month or quarter, due by `dueDay` of its last month
//   (its last day without one, or when the month is shorter);
// - custom: from the day after the previous date (the rule's start for the first) to the date.
// Only periods that have begun by `asOf` are made, so the calendar never runs ahead of
// today; a rule ended on a date makes no period due after it.

export interface RuleDates {
  kind: ActivityKind;
  frequency: Frequency;
  dueDay: number | null;
  dates: readonly string[];
  startsOn: string;
  endedOn: string | null;
}

export interface Period {
  /** 2026年3月 / 2026年第1季度 / 2026-03-20 */
  period: string;
  periodStart: string;
  periodEnd: string;
  dueOn: string;
}

/** more than ten years of months: a rule started long ago never makes an unbounded list */
export const MAX_PERIODS = 130;

const pad = (n: number) => String(n).padStart(2, '0');

function dueIn(month: string, dueDay: number | null): string {
  const last = daysInMonth(month);
  return `${month}-${pad(dueDay === null ? last : Math.min(dueDay, last))}`;
}

function calendarPeriods(rule: RuleDates, asOf: string): Period[] {
  const step = rule.frequency === 'monthly' ? 1 : 3;
  let first = rule.startsOn.slice(0, 7);
  if (step === 3) {
    const [y, m] = first.split('-').map(Number) as [number, number];
    first = `${y}-${pad(Math.floor((m - 1) / 3) * 3 + 1)}`;
  }
  const out: Period[] = [];
  for (let month = first; `${month}-01` <= asOf && out.length < MAX_PERIODS; month = addMonths(month, step)) {
    const lastMonth = addMonths(month, step - 1);
    const naturalStart = `${month}-01`;
    const periodEnd = `${lastMonth}-${pad(daysInMonth(lastMonth))}`;
    const dueOn = dueIn(lastMonth, rule.dueDay);
    if (dueOn < rule.startsOn) continue;
    if (rule.endedOn !== null && dueOn > rule.endedOn) break;
    const [y, m] = month.split('-').map(Number) as [number, number];
    const period = step === 1 ? `${y}年${m}月` : `${y}年第${Math.floor((m - 1) / 3) + 1}季度`;
    out.push({ period, periodStart: naturalStart < rule.startsOn ? rule.startsOn : naturalStart, periodEnd, dueOn });
  }
  return out;
}

function customPeriods(rule: RuleDates, asOf: string): Period[] {
  const dates = [...new Set(rule.dates)].filter((d) => d >= rule.startsOn && (rule.endedOn === null || d <= rule.endedOn)).sort();
  const out: Period[] = [];
  let start = rule.startsOn;
  for (const date of dates) {
    if (start > asOf || out.length >= MAX_PERIODS) break;
    out.push({ period: date, periodStart: start, periodEnd: date, dueOn: date });
    start = addDays(date, 1);
  }
  return out;
}

/** The periods of a rule that have begun by asOf, oldest first. */
export function periodsOf(rule: RuleDates, asOf: string): Period[] {
  return rule.frequency === 'custom' ? customPeriods(rule, asOf) : calendarPeriods(rule, asOf);
}

const kindWords: Record<ActivityKind, string> = { self_check: '自查', mutual_check: '互查', meeting: '会议（交流学习）' };

/** 每月（25 日前）互查 / 每季度自查 / 指定日期会议（交流学习）：3 月 20 日、6 月 20 日 */
export function ruleLabel(rule: Pick<RuleDates, 'kind' | 'frequency' | 'dueDay' | 'dates'>): string {
  const what = kindWords[rule.kind];
  if (rule.frequency === 'custom') {
    const dates = [...rule.dates].sort().map((d) => `${Number(d.slice(5, 7))} 月 ${Number(d.slice(8, 10))} 日`);
    return `指定日期${what}：${dates.length > 4 ? `${dates.slice(0, 4).join('、')} 等 ${dates.length} 次` : dates.join('、')}`;
  }
  const every = rule.frequency === 'monthly' ? '每月' : '每季度';
  return rule.dueDay === null ? `${every}${what}` : `${every}（${rule.frequency === 'monthly' ? '' : '末月 '}${rule.dueDay} 日前）${what}`;
}

export const activityWords = kindWords;
