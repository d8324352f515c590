import { describe, expect, it } from 'vitest';
import { displayText } from '../sheets/cells.ts';
import { cleanCode, cleanText, lostDigits, parseDate, parseItem, parseStatus } from './values.ts';

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

describe('dates as ledgers hold them', () => {
  it.each([
    ['Excel date cell', day(2023, 5, 1)],
    ['Excel serial (number)', 45047],
    ['Excel serial typed as text', '45047'],
    ['ISO', '2023-05-01'],
    ['slashes, no padding', '2023/5/1'],
    ['Chinese', '2023年5月1日'],
    ['Chinese without 日', '2023年5月1'],
    ['dots', '2023.05.01'],
    ['compact text', '20230501'],
    ['compact number', 20230501],
    ['full-width digits', '２０２３－０５－０１'],
    ['with a time', '2023-05-01 00:00:00'],
    ['stray spaces', ' 2023 / 5 / 1 '],
  ])('%s', (_label, cell) => {
    expect(parseDate(cell)).toEqual({ ok: true, value: '2023-05-01' });
  });

  it('knows real calendar dates, leap years included', () => {
    expect(parseDate('2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
    const feb30 = parseDate('2023-02-30');
    expect(feb30).toMatchObject({ ok: false, code: 'DATE_INVALID' });
    expect(feb30.ok ? '' : feb30.message).toContain('2023 年 2 月没有 30 日');
    expect(parseDate('2023-13-01')).toMatchObject({ ok: false, code: 'DATE_INVALID' });
    expect(parseDate('2023-02-29')).toMatchObject({ ok: false });
  });

  it('refuses what is not a date, saying how to write one', () => {
    const bad = parseDate('下个月');
    expect(bad).toMatchObject({ ok: false, code: 'DATE_INVALID' });
    expect(bad.ok ? '' : bad.message).toContain('2023-05-01');
    expect(parseDate('1850-01-01')).toMatchObject({ ok: false });
    expect(parseDate(0)).toMatchObject({ ok: false });
  });

  it('reads a padded date (2023-05-01, 2023/05/01, 2023.05.01) as the general path does', () => {
    // a leading space takes the text past the padded-date reading, through cleaning and the patterns
    const texts: string[] = [];
    for (const a of '-/.') for (const b of '-/.') for (const [y, m, d] of [['2023', '05', '01'], ['2024', '02', '29'], ['2023', '02', '29'], ['2023', '13', '01'], ['1899', '12', '31'], ['2100', '12', '31'], ['2101', '01', '01'], ['2023', '00', '10'], ['2023', '04', '31'], ['0000', '00', '00']]) texts.push(`${y}${a}${m}${b}${d}`);
    texts.push('2023-05-0１', '2023-5-001', '20230-5-01', '2023_05_01', '2023-05-01 ');
    for (const text of texts) expect(parseDate(text)).toEqual(parseDate(` ${text}`));
    expect(parseDate('2023/05.01')).toEqual({ ok: true, value: '2023-05-01' });
  });

  it('treats empty cells and placeholders as no date', () => {
    for (const cell of [null, undefined, '', '  ', '/', '无', '—']) expect(parseDate(cell)).toEqual({ ok: true, value: null });
  });
});

describe('text and codes', () => {
  it('normalises width and spaces, and reads placeholders as empty', () => {
    expect(cleanText('  张家港市　塘桥镇   人民路 ')).toBe('张家港市 塘桥镇 人民路');
    expect(cleanText('ＡＢＣ１２３')).toBe('ABC123');
    expect(cleanText('暂无')).toBeNull();
    expect(cleanText(12345)).toBe('12345');
    expect(cleanCode(' ３１１０ 1234567890123 ')).toBe('31101234567890123');
    expect(cleanCode('ts-a-001')).toBe('TS-A-001');
  });

  it('notices long numbers Excel cut to 15 digits', () => {
    expect(lostDigits(320582199001011234)).toBe(true);
    expect(lostDigits('3.20582199001011E+17')).toBe(true);
    expect(lostDigits(320582000123456)).toBe(false); // a 15-digit number survives
    expect(lostDigits('320582199001011234')).toBe(false);
    expect(displayText(day(2024, 2, 29))).toBe('2024-02-29');
  });
});

describe('status and item codes', () => {
  it('maps the four statuses and refuses others', () => {
    expect(parseStatus('在用')).toEqual({ ok: true, value: 'in_use' });
    expect(parseStatus(' 停 用 ')).toEqual({ ok: true, value: 'stopped' });
    expect(parseStatus('已报废')).toEqual({ ok: true, value: 'scrapped' });
    expect(parseStatus('注销')).toEqual({ ok: true, value: 'cancelled' });
    expect(parseStatus('')).toEqual({ ok: true, value: null });
    expect(parseStatus('在修')).toMatchObject({ ok: false, code: 'STATUS_UNKNOWN' });
  });

  it('reads item codes and names; legacy A1–A8 become A with a warning', () => {
    expect(parseItem('A')).toEqual({ value: 'A' });
    expect(parseItem('ａ')).toEqual({ value: 'A' });
    expect(parseItem('A 特种设备安全管理')).toEqual({ value: 'A' });
    expect(parseItem('特种设备安全管理')).toEqual({ value: 'A' });
    expect(parseItem('N1')).toEqual({ value: 'N1' });
    expect(parseItem('叉车司机')).toEqual({ value: 'N1' });
    expect(parseItem('A3')).toMatchObject({ value: 'A', warning: { code: 'ITEM_LEGACY' } });
    expect(parseItem('D1')).toMatchObject({ value: 'D1', warning: { code: 'ITEM_UNKNOWN' } });
    expect(parseItem(null)).toEqual({ value: null });
  });
});
