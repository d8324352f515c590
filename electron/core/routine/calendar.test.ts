import { describe, expect, it } from 'vitest';
import { MAX_PERIODS, periodsOf, ruleLabel, type RuleDates } from './calendar.ts';

// The periods a 活动安排 rule makes, as plain dates.
const rule = (r: Partial<RuleDates>): RuleDates => ({ kind: 'mutual_check', frequency: 'monthly', dueDay: null, dates: [], startsOn: '2026-01-01', endedOn: null, ...r });

describe('the periods of a block’s 活动安排', () => {
  it('monthly: one period per month begun by asOf, due by the day (or the month’s last day), the first from the rule’s start', () => {
    expect(periodsOf(rule({ dueDay: 25, startsOn: '2026-01-10' }), '2026-03-02')).toEqual([
      { period: '2026年1月', periodStart: '2026-01-10', periodEnd: '2026-01-31', dueOn: '2026-01-25' },
      { period: '2026年2月', periodStart: '2026-02-01', periodEnd: '2026-02-28', dueOn: '2026-02-25' },
      { period: '2026年3月', periodStart: '2026-03-01', periodEnd: '2026-03-31', dueOn: '2026-03-25' },
    ]);
    // due on the 31st: February's last day stands in
    expect(periodsOf(rule({ dueDay: 31 }), '2026-02-15').map((p) => p.dueOn)).toEqual(['2026-01-31', '2026-02-28']);
    // started after the month's due day: nothing is due that month
    expect(periodsOf(rule({ dueDay: 25, startsOn: '2026-01-28' }), '2026-02-01').map((p) => p.period)).toEqual(['2026年2月']);
  });

  it('quarterly: calendar quarters, due in the quarter’s last month', () => {
    expect(periodsOf(rule({ frequency: 'quarterly', dueDay: 20, startsOn: '2026-02-10' }), '2026-04-01')).toEqual([
      { period: '2026年第1季度', periodStart: '2026-02-10', periodEnd: '2026-03-31', dueOn: '2026-03-20' },
      { period: '2026年第2季度', periodStart: '2026-04-01', periodEnd: '2026-06-30', dueOn: '2026-06-20' },
    ]);
    expect(periodsOf(rule({ frequency: 'quarterly', startsOn: '2025-11-01' }), '2026-01-05').map((p) => [p.period, p.dueOn])).toEqual([
      ['2025年第4季度', '2025-12-31'],
      ['2026年第1季度', '2026-03-31'],
    ]);
  });

  it('custom dates: from the day after the previous date to the date; the next one shows once its period has begun', () => {
    const custom = rule({ frequency: 'custom', kind: 'meeting', dates: ['2026-06-20', '2026-03-20', '2026-03-20', '2025-12-01'], startsOn: '2026-01-01' });
    expect(periodsOf(custom, '2026-03-21')).toEqual([
      { period: '2026-03-20', periodStart: '2026-01-01', periodEnd: '2026-03-20', dueOn: '2026-03-20' },
      { period: '2026-06-20', periodStart: '2026-03-21', periodEnd: '2026-06-20', dueOn: '2026-06-20' },
    ]);
    expect(periodsOf(custom, '2026-03-20')).toHaveLength(1);
  });

  it('an ended rule makes nothing due after its end; a rule from long ago is bounded', () => {
    expect(periodsOf(rule({ endedOn: '2026-02-27', dueDay: 25 }), '2026-06-01').map((p) => p.period)).toEqual(['2026年1月', '2026年2月']);
    expect(periodsOf(rule({ endedOn: '2026-02-27', dueDay: 28 }), '2026-06-01').map((p) => p.period)).toEqual(['2026年1月']);
    expect(periodsOf(rule({ startsOn: '1990-01-01' }), '2026-06-01')).toHaveLength(MAX_PERIODS);
  });

  it('words each rule as the board shows it', () => {
    expect(ruleLabel(rule({ dueDay: 25 }))).toBe('每月（25 日前）互查');
    expect(ruleLabel(rule({ kind: 'self_check', frequency: 'quarterly' }))).toBe('每季度自查');
    expect(ruleLabel(rule({ kind: 'self_check', frequency: 'quarterly', dueDay: 15 }))).toBe('每季度（末月 15 日前）自查');
    expect(ruleLabel(rule({ kind: 'meeting', frequency: 'custom', dates: ['2026-06-20', '2026-03-20'] }))).toBe('指定日期会议（交流学习）：3 月 20 日、6 月 20 日');
  });
});
