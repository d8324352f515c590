import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { qkl } from '../../../tests/support/cli.ts';
import { tempDir } from '../../../tests/support/temp.ts';
import { openCore } from '../../core/open-core.ts';

const temps: ReturnType<typeof tempDir>[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

/** A 塘桥 database with its November summary submitted. */
async function database() {
  const t = tempDir();
  temps.push(t);
  const file = t.file('塘桥.sqlite');
  expect((await qkl('init', '--db', file, '--role', 'district', '--name', '塘桥分局', '--district', '塘桥')).code).toBe(0);
  const core = openCore({ file, host: 'test' });
  const saved = await core.call('summaries.save', { month: '2026-11', version: null, experience: '组长单位每月互查。', problems: '监督员未取证。', proposals: '再组织一期考核。' });
  if (!saved.ok) throw new Error(saved.message);
  const submitted = await core.call('summaries.submit', { month: '2026-11', version: saved.value.version });
  if (!submitted.ok) throw new Error(submitted.message);
  core.close();
  return { file, out: t.file('小结.docx') };
}

describe('qkl summary', () => {
  it('writes the Word document and prints the summary as JSON', async () => {
    const { file, out } = await database();
    const result = await qkl('summary', '--db', file, '--month', '2026-11', '--out', out, '--json');
    expect(result).toMatchObject({ code: 0, err: '' });
    const json = JSON.parse(result.out);
    expect(json).toMatchObject({ title: '塘桥分局2026年11月特种设备“区、块、链”监管工作小结', status: 'submitted', dueOn: '2026-11-25', file: out });
    expect(json.rows).toContainEqual({ label: '辖区使用单位', value: '0 家' });
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    expect((await qkl('summary', '--db', file, '--month', '2026-11', '--out', out)).out).toBe(`已导出“塘桥分局2026年11月特种设备“区、块、链”监管工作小结” → ${out}`);
  });

  it('answers mistakes with one Chinese line', async () => {
    const { file, out } = await database();
    expect(await qkl('summary', '--db', file, '--month', '2026-13', '--out', out)).toMatchObject({ code: 2, err: '错误：--month 应为月份，格式 YYYY-MM（如 2026-12），当前为“2026-13”' });
    expect((await qkl('summary', '--db', file, '--month', '2026-11')).err).toContain('缺少 --out');
    expect(await qkl('summary', '--db', file, '--month', '2999-01', '--out', out)).toMatchObject({ code: 1, err: '错误：2999年1月尚未开始，只能填写本月或以前月份的工作小结。' });
  });
});
