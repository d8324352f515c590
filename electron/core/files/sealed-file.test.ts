import { randomBytes } from 'node:crypto';
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/support/temp.ts';
import { readSealed, readSealedSync, SealedFileError, SealedWriter } from './sealed-file.ts';

let temp: ReturnType<typeof tempDir>;
afterEach(() => temp?.cleanup());

const collectSync = (file: Parameters<typeof readSealedSync>[0]) => Buffer.concat([...readSealedSync(file)]);
async function collect(file: Parameters<typeof readSealed>[0]) {
  const parts: Buffer[] = [];
  for await (const chunk of readSealed(file)) parts.push(chunk);
  return Buffer.concat(parts);
}

describe('sealed work files', () => {
  it('read back exactly what was written, sync and async, and hold no plaintext', async () => {
    temp = tempDir();
    const row = '{"id":"1","name":"张家港市塘桥镇机械厂","id_number":"11010519491231002X"}\n';
    const text = row.repeat(5000); // several 64 KiB chunks and a partial last one
    const writer = new SealedWriter(temp.file('rows'));
    for (let i = 0; i < text.length; i += 7777) writer.write(text.slice(i, i + 7777));
    const sealed = writer.finish();
    expect(sealed.size).toBe(Buffer.byteLength(text));
    expect(collectSync(sealed).toString('utf8')).toBe(text);
    expect((await collect(sealed)).toString('utf8')).toBe(text);
    const onDisk = readFileSync(sealed.path);
    expect(onDisk.includes(Buffer.from('11010519491231002X'))).toBe(false);
    expect(onDisk.includes(Buffer.from('塘桥镇机械厂'))).toBe(false);
  });

  it('writes an empty file and one of an exact multiple of the chunk size', () => {
    temp = tempDir();
    const empty = new SealedWriter(temp.file('empty')).finish();
    expect(collectSync(empty).length).toBe(0);
    const bytes = randomBytes(2 * 64 * 1024);
    const writer = new SealedWriter(temp.file('exact'));
    writer.write(bytes);
    expect(collectSync(writer.finish()).equals(bytes)).toBe(true);
  });

  it('reads back a file written in one large piece, across several write batches and read blocks', async () => {
    temp = tempDir();
    const bytes = randomBytes(3 * 1024 * 1024 + 123);
    const writer = new SealedWriter(temp.file('large'));
    writer.write(bytes);
    writer.write(bytes.subarray(0, 70_000));
    const sealed = writer.finish();
    const expected = Buffer.concat([bytes, bytes.subarray(0, 70_000)]);
    expect(sealed.size).toBe(expected.length);
    expect(collectSync(sealed).equals(expected)).toBe(true);
    expect((await collect(sealed)).equals(expected)).toBe(true);
  });

  it('refuses a flipped byte, a cut file, a swapped file and a wrong key', async () => {
    temp = tempDir();
    const make = (name: string) => {
      const writer = new SealedWriter(temp.file(name));
      writer.write(randomBytes(200_000));
      return writer.finish();
    };
    const flipped = make('flipped');
    const bytes = readFileSync(flipped.path);
    bytes[100_000] = bytes[100_000]! ^ 1;
    writeFileSync(flipped.path, bytes);
    expect(() => collectSync(flipped)).toThrow(SealedFileError);
    await expect(collect(flipped)).rejects.toThrow(SealedFileError);

    const cut = make('cut');
    truncateSync(cut.path, readFileSync(cut.path).length - 30);
    expect(() => collectSync(cut)).toThrow(SealedFileError);
    // a whole final chunk cut off is caught too: the previous chunk is not marked final
    const short = make('short');
    truncateSync(short.path, 5 + 65536 + 16);
    expect(() => collectSync(short)).toThrow(SealedFileError);

    const a = make('a');
    const b = make('b');
    writeFileSync(a.path, readFileSync(b.path));
    expect(() => collectSync(a)).toThrow(SealedFileError);

    const extra = make('extra');
    writeFileSync(extra.path, Buffer.concat([readFileSync(extra.path), Buffer.from('x')]));
    expect(() => collectSync(extra)).toThrow(SealedFileError);
  });
});
