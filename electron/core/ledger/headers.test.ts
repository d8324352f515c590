import { describe, expect, it } from 'vitest';
import { normHeader } from '../sheets/cells.ts';
import type { Cell, RawRow } from '../sheets/types.ts';
import { columnLetter, detectLayout, type Lookup } from './headers.ts';

const none: Lookup = { explicit: {}, remembered: {} };
const rows = (...lines: Cell[][]): RawRow[] => lines.map((cells, i) => ({ number: i + 1, cells }));
const fieldsOf = (detected: ReturnType<typeof detectLayout>) =>
  detected && detected.layout ? Object.fromEntries(detected.layout.columns.map((c) => [c.header, c.ignored ? 'ignored' : c.field])) : null;

describe('header matching', () => {
  it('ignores spaces, width, case, required marks and bracketed notes', () => {
    for (const text of ['下次检验日期（年月日）', ' 下次 检验日期 ', '下次检验日期(年/月/日)', '*下次检验日期：', '下次检验日期【必填】']) {
      expect(normHeader(text)).toBe('下次检验日期');
    }
    expect(normHeader('设备代码（１８位）')).toBe('设备代码');
    expect(normHeader('NO.')).toBe('no.');
  });

  it('numbers columns as Excel letters', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});

describe('finding the header row', () => {
  const header = ['序号', '单位名称', '统一社会信用代码', '设备类别', '设备注册代码', '使用证编号', '检验日期', '下次检验日期（年月日）', '维保单位'];

  it('finds it below title rows and reads synonyms', () => {
    const detected = detectLayout(rows(['张家港市塘桥分局特种设备台账'], [], ['制表：', null, '日期：2024-06-01'], header, [1, '甲公司']), none, false);
    expect(detected?.layout).toMatchObject({ kind: 'equipment', headerRow: 4, missingRequired: [] });
    expect(detected && 'lastHeaderIndex' in detected ? detected.lastHeaderIndex : -1).toBe(3);
    expect(fieldsOf(detected)).toEqual({
      序号: 'ignored',
      单位名称: 'unitName',
      统一社会信用代码: 'uscc',
      设备类别: 'category',
      设备注册代码: 'registrationCode',
      使用证编号: 'registrationNo',
      检验日期: 'lastInspectionDate',
      '下次检验日期（年月日）': 'nextInspectionDate',
      维保单位: null, // kept as an extra attribute
    });
  });

  it('reads a header spread over two rows (a banner merged over 上次/下次)', () => {
    const detected = detectLayout(
      rows(['台账'], ['使用单位名称', '统一社会信用代码', '设备代码', '设备品种', '检验情况', null], [null, null, null, null, '上次检验日期', '下次检验日期'], ['甲', 'x', 'y', 'z']),
      none,
      false,
    );
    expect(detected?.layout?.headerRow).toBe(2);
    expect(detected && 'lastHeaderIndex' in detected ? detected.lastHeaderIndex : -1).toBe(2);
    expect(fieldsOf(detected)).toMatchObject({ 设备代码: 'equipmentCode', 上次检验日期: 'lastInspectionDate', 下次检验日期: 'nextInspectionDate' });
  });

  it('tells a safety-manager sheet by its headers', () => {
    const detected = detectLayout(rows(['单位名称', '统一社会信用代码', '姓名', '身份证号码', '作业项目', '证号', '有效期至']), none, false);
    expect(detected?.layout).toMatchObject({ kind: 'managers', missingRequired: [] });
    expect(fieldsOf(detected)).toMatchObject({ 证号: 'certificateNo', 有效期至: 'expiryDate' });
  });

  it('finds no header on a sheet that is not a ledger', () => {
    expect(detectLayout(rows(['填表说明'], ['1. 每台设备一行'], ['2. 日期写成 2023-05-01']), none, false)).toBeNull();
  });

  it('names what is missing, and takes the user’s mapping (over the synonyms) to resolve it', () => {
    const lines = rows(['企业', '社会代码', '类别', '设备代码', '状态']);
    expect(detectLayout(lines, none, false)?.layout?.missingRequired).toEqual(['unitName', 'uscc']);
    const mapped: Lookup = { explicit: { equipment: { 企业: 'unitName', 社会代码: 'uscc', 状态: 'extra' } }, remembered: {} };
    const detected = detectLayout(lines, mapped, false);
    expect(detected?.layout?.missingRequired).toEqual([]);
    expect(fieldsOf(detected)).toMatchObject({ 企业: 'unitName', 社会代码: 'uscc', 状态: null });
  });

  it('asks for 所属分局 only where rows must name their district', () => {
    const lines = rows(['使用单位名称', '统一社会信用代码', '设备类别', '设备代码']);
    expect(detectLayout(lines, none, false)?.layout?.missingRequired).toEqual([]);
    expect(detectLayout(lines, none, true)?.layout?.missingRequired).toEqual(['districtName']);
  });
});
