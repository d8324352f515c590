import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileEntry, readNdjson, tableEntry } from './ndjson.ts';
import { BundleRefusal, type EntrySource } from './types.ts';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'qkl-ndjson-test-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function bytesOf(source: EntrySource): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of source.open()) chunks.push(chunk);
  return Buffer.concat(chunks);
}

async function readAll(path: string, maxLineBytes?: number): Promise<Array<Record<string, unknown>>> {
  const rows: Array<Record<string, unknown>> = [];
  for await (const row of readNdjson(path, maxLineBytes)) rows.push(row);
  return rows;
}

let n = 0;
async function gzFile(text: string | Buffer, raw = false): Promise<string> {
  const path = join(work, `t-${n++}.ndjson.gz`);
  await writeFile(path, raw ? text : gzipSync(text));
  return path;
}

async function refusalOf(path: string, maxLineBytes?: number): Promise<BundleRefusal> {
  const error = await readAll(path, maxLineBytes).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BundleRefusal);
  expect((error as BundleRefusal).reason).toBe('malformed');
  return error as BundleRefusal;
}

describe('tableEntry / readNdjson', () => {
  it('round-trips rows through gzip NDJSON', async () => {
    const rows = [
      { id: 'a', 名称: '某某特种设备有限公司', nested: { list: [1, 2, 3] }, nothing: null },
      { id: 'b', text: 'line\nbreak \u2028 separator', n: -1.5, ok: true },
      {},
    ];
    const source = tableEntry('units', rows, rows.length);
    expect(source).toMatchObject({ kind: 'table', name: 'units', rows: 3 });
    const path = await gzFile(await bytesOf(source), true);
    expect(await readAll(path)).toEqual(rows);
  });

  it('pulls rows only as the entry is read', async () => {
    let pulled = 0;
    function* rows() {
      for (let i = 0; i < 200_000; i++) {
        pulled++;
        yield { i, text: `第 ${i} 行` };
      }
    }
    const source = tableEntry('big', rows(), 200_000);
    expect(pulled).toBe(0);
    const iterator = source.open()[Symbol.asyncIterator]();
    await iterator.next();
    expect(pulled).toBeGreaterThan(0);
    expect(pulled).toBeLessThan(50_000);
    await iterator.return?.();
    const after = pulled;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(pulled).toBe(after);
  });

  it('refuses bad lines, over-long lines and broken compression', async () => {
    expect((await refusalOf(await gzFile('{"a":1}\n{"a":\n'))).message).toContain('第 2 行无法解析');
    expect((await refusalOf(await gzFile('[1,2]\n'))).message).toContain('第 1 行不是一条记录');
    expect((await refusalOf(await gzFile('null\n'))).message).toContain('不是一条记录');
    expect((await refusalOf(await gzFile('\n'))).message).toContain('第 1 行无法解析');
    expect((await refusalOf(await gzFile(`{"a":"${'x'.repeat(2000)}"}\n`), 1000)).message).toContain('第 1 行过长');
    // a long line without any newline is cut off at the cap, not buffered whole
    expect((await refusalOf(await gzFile('x'.repeat(5 << 20)), 1 << 20)).message).toContain('过长');
    expect((await refusalOf(await gzFile('{"a":1}'))).message).toContain('不完整');
    expect((await refusalOf(await gzFile(Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xff]), Buffer.from('"}\n')])))).message).toContain('无法解析');
    expect((await refusalOf(await gzFile('not gzip at all', true))).message).toContain('压缩数据已损坏');
    const gz = gzipSync('{"a":1}\n'.repeat(1000));
    expect((await refusalOf(await gzFile(gz.subarray(0, gz.length - 10), true))).message).toContain('压缩数据已损坏');
  });

  it('accepts lines up to the cap', async () => {
    const row = { a: 'x'.repeat(990) };
    const path = await gzFile(JSON.stringify(row) + '\n');
    expect(await readAll(path, JSON.stringify(row).length)).toEqual([row]);
  });
});

describe('fileEntry', () => {
  it('streams the raw bytes under their content hash', async () => {
    const bytes = randomBytes(700_000);
    const path = join(work, 'attachment');
    await writeFile(path, bytes);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const source = fileEntry(sha256, path);
    expect(source).toMatchObject({ kind: 'file', name: sha256, rows: 0 });
    expect((await bytesOf(source)).equals(bytes)).toBe(true);
    await expect(bytesOf(fileEntry('0'.repeat(64), path))).rejects.toThrow(/content hash/);
  });
});
