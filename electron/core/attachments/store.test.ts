import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { districtCore, type TestCore } from '../../../tests/support/core.ts';
import { attachmentIds, attachmentPath, storeStaged } from './store.ts';

let t: TestCore;
afterEach(() => t?.cleanup());

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('整改后照片')]);
const stage = (name: string, content: Buffer) => t.ok('files.stage', { name, contentBase64: content.toString('base64') });
const storeDir = () => path.join(t.dir, 'attachments');
const storedFiles = () => (existsSync(storeDir()) ? readdirSync(storeDir(), { recursive: true }).filter((f) => /[0-9a-f]{64}$/.test(String(f))) : []);

describe('the attachment store', () => {
  it('keeps a checked file once under its sha256, owner-only, and names it by one row per node and name', async () => {
    t = await districtCore();
    const staged = await stage('整改后.png', PNG);
    const again = await stage('整改后.png', PNG);
    const [file] = storeStaged(t.core.ctx, [staged.id, again.id]);
    expect(file).toEqual({ sha256: staged.id, name: '整改后.png', size: PNG.length, mime: 'image/png' });
    const target = attachmentPath(t.core.ctx, staged.id);
    expect(readFileSync(target)).toEqual(PNG);
    expect(storedFiles()).toHaveLength(1);
    if (process.platform !== 'win32') expect(statSync(path.dirname(target)).mode & 0o777).toBe(0o700);

    const { sqlite } = t.core.ctx.database;
    const nodeId = (sqlite.prepare('SELECT id FROM node_identity').get() as { id: string }).id;
    const now = new Date().toISOString();
    const ids = sqlite.transaction(() => attachmentIds(t.core.ctx.database, nodeId, now, [file!, file!, { ...file!, name: '另一张.png' }]))();
    expect(ids[0]).toBe(ids[1]);
    expect(ids[2]).not.toBe(ids[0]);
    expect(sqlite.prepare('SELECT file_name AS name, sha256, size, mime_type AS mime, version FROM attachments ORDER BY file_name').all()).toEqual([
      { name: '另一张.png', sha256: staged.id, size: PNG.length, mime: 'image/png', version: 1 },
      { name: '整改后.png', sha256: staged.id, size: PNG.length, mime: 'image/png', version: 1 },
    ]);
  });

  it('refuses an empty file, one over the size cap, and one whose bytes do not match its name, and stores nothing', async () => {
    t = await districtCore();
    const refusal = (id: string) => {
      try {
        storeStaged(t.core.ctx, [id]);
      } catch (error) {
        return error as { code: string; message: string };
      }
      throw new Error('not refused');
    };
    expect(refusal((await stage('空.pdf', Buffer.alloc(0))).id)).toMatchObject({ code: 'VALIDATION', message: '文件“空.pdf”是空文件。' });

    await t.ok('acceptance.updateSettings', { maxEvidenceMb: 1 });
    const big = Buffer.concat([PNG, Buffer.alloc(1024 * 1024)]);
    expect(refusal((await stage('大图.png', big)).id)).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('不能超过 1 MB') });

    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64)]);
    expect(refusal((await stage('报告.pdf', exe)).id)).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('与其扩展名不符') });
    expect(refusal((await stage('工具.exe', exe)).id)).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('不支持的文件类型“exe”') });
    expect(storedFiles()).toEqual([]);
  });
});
