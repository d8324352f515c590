import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/support/temp.ts';
import { openCore } from '../../core/open-core.ts';
import { insertManager, insertPieces, insertUnit } from '../../core/registry/testing/fixtures.ts';
import { qkl } from '../../../tests/support/cli.ts';

const ID = '11010519491231002X';
const temps: ReturnType<typeof tempDir>[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

/** A 塘桥 database with one listed unit (20 elevators, 5 cylinders) and one that is not. */
async function database() {
  const t = tempDir();
  temps.push(t);
  const file = t.file('塘桥.sqlite');
  expect((await qkl('init', '--db', file, '--role', 'district', '--name', '塘桥分局')).code).toBe(0);
  const core = openCore({ file, host: 'test' });
  const { sqlite } = core.ctx.database;
  const listed = insertUnit(sqlite, { name: '张家港市塘桥甲机械有限公司', uscc: '91330100716105852F' });
  insertPieces(sqlite, listed, 20);
  insertPieces(sqlite, listed, 5, { kind: '2000', category: '2300', variety: '2310' });
  insertManager(sqlite, listed, { name: '张三', certificateNo: 'TSZ3205001', expiry: '2027-05-01', idNumber: ID });
  insertManager(sqlite, listed, { name: '李四', certificateNo: 'TSZ3205002', expiry: '2026-11-27' });
  const other = insertUnit(sqlite, { name: '张家港市塘桥乙纺织有限公司' });
  insertPieces(sqlite, other, 19);
  insertPieces(sqlite, other, 5, { kind: '2000', category: '2300', variety: '2310' });
  core.close();
  return { file, out: t.file('两项清单.xlsx') };
}

describe('qkl lists', () => {
  it('writes the xlsx and prints the lists as JSON', async () => {
    const { file, out } = await database();
    const result = await qkl('lists', '--db', file, '--out', out, '--as-of', '2026-11-28', '--json');
    expect(result).toMatchObject({ code: 0, err: '' });
    const json = JSON.parse(result.out);
    expect(json.units).toEqual([expect.objectContaining({ uscc: '91330100716105852F', name: '张家港市塘桥甲机械有限公司', count: 20 })]);
    expect(json.managers).toEqual([expect.objectContaining({ certificateNo: 'TSZ3205001', name: '张三', uscc: '91330100716105852F' })]);
    expect(json).toMatchObject({ asOf: '2026-11-28', districtName: '塘桥', file: out });
    expect(result.out).not.toContain(ID);

    expect(existsSync(out)).toBe(true);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['使用单位清单', '安全管理员清单']);
    expect(workbook.getWorksheet('使用单位清单')!.getCell('A2').value).toBe('截至 2026-11-28　共 1 家');
  });

  it('says what it wrote without --json', async () => {
    const { file, out } = await database();
    const result = await qkl('lists', '--db', file, '--out', out, '--as-of', '2026-11-28');
    expect(result.code).toBe(0);
    expect(result.out).toBe(`已导出张家港市市场监督管理局塘桥分局两项清单（截至 2026-11-28）：使用单位 1 家，安全管理员 1 人 → ${out}`);
  });

  it('answers mistakes with one Chinese line and the usual exit codes', async () => {
    const { file, out } = await database();
    expect(await qkl('lists', '--db', file)).toMatchObject({ code: 2, err: expect.stringContaining('缺少 --out') });
    expect(await qkl('lists', '--db', file, '--out', out, '--as-of', '2026-02-30')).toMatchObject({ code: 2, err: expect.stringContaining('--as-of') });
    expect(await qkl('lists', '--db', `${file}.missing`, '--out', out)).toMatchObject({ code: 1, err: expect.stringMatching(/^错误：数据库文件不存在/) });
    const unwritable = await qkl('lists', '--db', file, '--out', `${out}.missing-dir/x.xlsx`);
    expect(unwritable).toMatchObject({ code: 1, err: expect.stringContaining('无法写入文件') });
    expect(unwritable.err.split('\n')).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });

  it('runs as the installed bin', async () => {
    const { file, out } = await database();
    const run = promisify(execFile);
    const { stdout } = await run('node', ['bin/qkl.mjs', 'lists', '--db', file, '--out', out, '--as-of', '2026-11-28', '--json']);
    expect(JSON.parse(stdout).units).toHaveLength(1);
    expect(existsSync(out)).toBe(true);
  });
});
