import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCalendar, workingDeadline } from './calendar.ts';

const cal = loadCalendar(null);

describe('working days on the official calendar', () => {
  it('across 春节 2026: 2/14 is a make-up Saturday, 2/15–2/23 are off', () => {
    // 2/13 Fri (1), 2/14 Sat 调休 (2), 2/15–2/23 off, 2/24 (3), 2/25 (4), 2/26 (5)
    expect(cal.addWorkingDays('2026-02-12', 5)).toBe('2026-02-26');
    expect(cal.addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(cal.addWorkingDays('2026-02-14', 1)).toBe('2026-02-24');
    expect(cal.isWorkingDay('2026-02-14')).toBe(true);
    expect(cal.isWorkingDay('2026-02-28')).toBe(true);
    expect(cal.isWorkingDay('2026-02-23')).toBe(false);
    expect(cal.isWorkingDay('2026-02-16')).toBe(false);
    expect(cal.workingDaysBetween('2026-02-12', '2026-02-26')).toBe(5);
    // 10 working days from 2/12: ... 2/26 (5), 2/27 (6), 2/28 Sat 调休 (7), 3/2 (8), 3/3 (9), 3/4 (10)
    expect(cal.addWorkingDays('2026-02-12', 10)).toBe('2026-03-04');
  });

  it('across 国庆 2025 with the make-up Sunday 9/28 and Saturday 10/11', () => {
    expect(cal.addWorkingDays('2025-09-26', 3)).toBe('2025-09-30');
    expect(cal.addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
    expect(cal.addWorkingDays('2025-09-30', 3)).toBe('2025-10-11');
    expect(cal.workingDaysBetween('2025-09-30', '2025-10-08')).toBe(0);
  });

  it('never lands a deadline on a non-working day', () => {
    for (let n = 1; n <= 40; n += 1) expect(cal.isWorkingDay(cal.addWorkingDays('2026-01-20', n))).toBe(true);
  });

  it('crosses a year boundary (元旦 2026 off, 1/4 Sunday worked)', () => {
    expect(cal.addWorkingDays('2025-12-31', 1)).toBe('2026-01-04');
    expect(cal.addWorkingDays('2025-12-31', 2)).toBe('2026-01-05');
    expect(cal.workingDaysBetween('2025-12-31', '2026-01-05')).toBe(2);
    expect(cal.workingDaysBetween('2026-01-05', '2025-12-31')).toBe(-2);
    expect(workingDeadline(cal, '2025-12-31', 2).warnings).toEqual([]);
  });

  it('refuses n < 1 and bad dates', () => {
    expect(() => cal.addWorkingDays('2026-02-12', 0)).toThrow(/至少 1 个工作日/);
    expect(() => cal.isWorkingDay('2026-13-01')).toThrow(/日期“2026-13-01”无效/);
  });

  it('counts a year without a file Mon–Fri, with a warning', () => {
    expect(cal.addWorkingDays('2028-01-07', 1)).toBe('2028-01-10');
    expect(workingDeadline(cal, '2028-01-07', 1).warnings[0]).toMatch(/2028 年没有节假日安排文件，工作日按周一至周五计算/);
  });

  it('says 2027 is provisional, counting only its fixed-date holidays', () => {
    expect(cal.isWorkingDay('2027-01-01')).toBe(false);
    expect(workingDeadline(cal, '2026-12-30', 3).warnings[0]).toMatch(/2027 年节假日安排尚未由国务院公布/);
  });

  it('lets the data folder override a year, and names a bad file in Chinese', () => {
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'qkl-cal-')), 'calendar');
    mkdirSync(dir);
    writeFileSync(
      path.join(dir, 'cn-official-2028.json'),
      JSON.stringify({ year: 2028, holidays: [{ name: '元旦', dates: ['2028-01-10'] }], workdays: [{ name: '调休上班', date: '2028-01-08' }] }),
    );
    const edited = loadCalendar(dir);
    expect(edited.addWorkingDays('2028-01-07', 1)).toBe('2028-01-08');
    expect(edited.addWorkingDays('2028-01-08', 1)).toBe('2028-01-11');
    expect(edited.warnings([2028])).toEqual([]);
    writeFileSync(path.join(dir, 'cn-official-2029.json'), JSON.stringify({ year: 2029, holidays: [{ name: '元旦', dates: ['2028-01-01'] }], workdays: [] }));
    expect(() => loadCalendar(dir)).toThrow(/节假日文件“.*cn-official-2029\.json”格式有误：节假日“元旦”的日期 2028-01-01 不在 2029 年/);
    writeFileSync(path.join(dir, 'cn-official-2029.json'), '{ year: ');
    expect(() => loadCalendar(dir)).toThrow(/cn-official-2029\.json”不是有效的 JSON/);
  });
});
