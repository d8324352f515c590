import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { qkl } from '../../../tests/support/cli.ts';
import { tempDir } from '../../../tests/support/temp.ts';

const temps: ReturnType<typeof tempDir>[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

async function bureau() {
  const t = tempDir();
  temps.push(t);
  const file = t.file('市局.sqlite');
  expect((await qkl('init', '--db', file, '--role', 'bureau', '--name', '市局特设科')).code).toBe(0);
  return { file, out: t.file('考核表.xlsx') };
}

describe('qkl assessment', () => {
  it('prints the month’s scores as JSON and writes the table', async () => {
    const { file, out } = await bureau();
    const result = await qkl('assessment', '--db', file, '--month', '2026-11', '--out', out, '--json');
    expect(result).toMatchObject({ code: 0, err: '' });
    const json = JSON.parse(result.out);
    expect(json).toMatchObject({ month: '2026-11', asOf: '2026-11-30', rulesVersion: 1, file: out });
    expect(json.indicators.map((i: { key: string }) => i.key)).toEqual(['summary_on_time', 'inspection_overdue', 'hazards_on_time', 'demo_units', 'supervisors', 'mutual_checks']);
    // no office enrolled: every district is listed, none assessed
    expect(json.rows).toHaveLength(16);
    expect(json.rows[2]).toEqual({ district: '塘桥', status: 'not_assessed', scores: {}, total: null, maxScore: null, normalized: null, rank: null });
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    const text = await qkl('assessment', '--db', file, '--month', '2026-11');
    expect(text.out.split('\n')[2]).toBe('—\t塘桥\t未启用');
  });

  it('answers mistakes with one Chinese line', async () => {
    const { file, out } = await bureau();
    expect(await qkl('assessment', '--db', file, '--month', '2026-13')).toMatchObject({ code: 2, err: '错误：--month 应为月份，格式 YYYY-MM（如 2026-11），当前为“2026-13”' });
    expect(await qkl('assessment', '--db', file, '--month', '2999-01', '--out', out)).toMatchObject({ code: 1, err: '错误：2999年1月尚未开始，不能考核。' });
    expect(existsSync(out)).toBe(false);
  });
});
