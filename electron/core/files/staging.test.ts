import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { districtCore, type TestCore } from '../../../tests/support/core.ts';
import { stagedFilePath } from './staging.ts';

let t: TestCore;
afterEach(() => t?.cleanup());

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
});
