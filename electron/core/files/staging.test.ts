import { existsSync, mkdirSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { districtCore, type TestCore } from '../../../tests/support/core.ts';
import { stagedFilePath } from './staging.ts';

let t: TestCore;
afterEach(() => t?.cleanup());

const DAY = 24 * 3600 * 1000;
const stage = (name: string, text: string) => t.core.call('files.stage', { name, contentBase64: Buffer.from(text).toString('base64') });
const age = (file: string, days: number) => utimesSync(file, new Date(Date.now() - days * DAY), new Date(Date.now() - days * DAY));

describe('files.stage', () => {
  it('stores a file by content hash, once, and finds it by id only', async () => {
    t = await districtCore();
    const content = Buffer.from('单位名称,统一社会信用代码\n');
    const staged = await t.ok('files.stage', { name: 'C:\\fakepath\\台账.csv', contentBase64: content.toString('base64') });
    expect(staged).toMatchObject({ name: '台账.csv', size: content.length, id: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(await t.ok('files.stage', { name: 'again.csv', contentBase64: content.toString('base64') })).toMatchObject({ id: staged.id });
    const found = stagedFilePath(t.core.ctx, staged.id);
    expect(existsSync(found.path)).toBe(true);
    expect(() => stagedFilePath(t.core.ctx, '../../etc/passwd')).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    expect(() => stagedFilePath(t.core.ctx, 'a'.repeat(64))).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('keeps working with a week-old folder in staging, and prunes only its own old files', async () => {
    t = await districtCore();
    const dir = path.join(t.dir, 'staging');
    const first = await t.ok('files.stage', { name: '旧台账.csv', contentBase64: Buffer.from('old').toString('base64') });
    // what an earlier version left: its bundle folder, idle for 8 days, and a file that is not staging's
    mkdirSync(path.join(dir, 'bundles', 'qkl-bundle-abc'), { recursive: true });
    writeFileSync(path.join(dir, 'bundles', 'qkl-bundle-abc', '0'), 'x');
    writeFileSync(path.join(dir, '说明.txt'), 'kept');
    for (const name of ['bundles', '说明.txt', first.id, `${first.id}.json`]) age(path.join(dir, name), 8);

    // every kind of upload goes through files.stage: each must keep working
    for (const [name, text] of [['台账.xlsx', 'ledger'], ['佐证.pdf', '%PDF'], ['花名册.xlsx', 'roster'], ['题库.xlsx', 'bank'], ['答题卡.xlsx', 'sheet']]) {
      const result = await stage(name!, text!);
      expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
    }
    const left = readdirSync(dir);
    expect(left).not.toContain(first.id);
    expect(left).not.toContain(`${first.id}.json`);
    expect(left).toEqual(expect.arrayContaining(['bundles', '说明.txt']));
    expect(left.filter((n) => /^[0-9a-f]{64}$/.test(n))).toHaveLength(5);
  });

  it('says what happened when the file cannot be kept, and leaves nothing half-written', async () => {
    t = await districtCore();
    const dir = path.join(t.dir, 'staging');
    rmSync(dir, { recursive: true, force: true });
    writeFileSync(dir, 'a file where the folder should be');
    const result = await stage('台账.csv', 'x');
    expect(result).toMatchObject({ ok: false, code: 'WRITE_FAILED', message: expect.stringContaining('无法保存上传的文件“台账.csv”') });
    expect((result as { message: string }).message).not.toContain('数据未改变');
    expect(readdirSync(t.dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
