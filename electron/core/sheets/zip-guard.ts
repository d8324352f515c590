import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { MAX_SHARED_STRINGS_BYTES, MAX_UNPACKED_BYTES } from './caps.ts';

// An .xlsx is a zip. Before streaming it we read its central directory (the list
// at the end of the file) and refuse what would unpack to more than we can hold:
// a small file can expand to gigabytes, and the reader keeps the shared-string table
// in memory. Reading the directory is a few kilobytes of I/O. (zip-file.ts then holds
// each part to the size declared here while it unpacks.) (Macros, if a
// workbook carries any, are never looked at: cells are read as saved data only.)

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const MAX_COMMENT = 0xffff;

export type ZipCheck = { ok: true; entries: number } | { ok: false; reason: string };

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const n = readSync(fd, buffer, 0, length, position);
  return buffer.subarray(0, n);
}

export function checkZip(file: string): ZipCheck {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const tailLength = Math.min(size, 22 + MAX_COMMENT);
    const tail = readAt(fd, size - tailLength, tailLength);
    let at = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        at = i;
        break;
      }
    }
    if (at < 0) return { ok: false, reason: '不是有效的 xlsx 文件（可能已损坏，或是改了扩展名的其他格式）。请用 Excel 或 WPS 打开后另存为 .xlsx 再导入' };
    const count = tail.readUInt16LE(at + 10);
    const dirSize = tail.readUInt32LE(at + 12);
    const dirOffset = tail.readUInt32LE(at + 16);
    if (dirOffset === 0xffffffff || count === 0xffff) return { ok: false, reason: '文件过大（ZIP64 格式），请拆分后分别导入' };
    if (dirOffset + dirSize > size) return { ok: false, reason: '文件不完整或已损坏，请重新导出后再导入' };
    const dir = readAt(fd, dirOffset, dirSize);
    let total = 0;
    let pos = 0;
    for (let n = 0; n < count; n++) {
      if (pos + 46 > dir.length || dir.readUInt32LE(pos) !== CENTRAL) return { ok: false, reason: '文件不完整或已损坏，请重新导出后再导入' };
      const unpacked = dir.readUInt32LE(pos + 24);
      const nameLength = dir.readUInt16LE(pos + 28);
      const extraLength = dir.readUInt16LE(pos + 30);
      const commentLength = dir.readUInt16LE(pos + 32);
      const name = dir.toString('utf8', pos + 46, pos + 46 + nameLength);
      if (unpacked === 0xffffffff) return { ok: false, reason: '文件过大（ZIP64 格式），请拆分后分别导入' };
      if (name === 'xl/sharedStrings.xml' && unpacked > MAX_SHARED_STRINGS_BYTES) {
        return { ok: false, reason: '文件中的文字内容过多，超过可以安全读取的上限，请拆分后分别导入' };
      }
      total += unpacked;
      pos += 46 + nameLength + extraLength + commentLength;
    }
    if (total > MAX_UNPACKED_BYTES) return { ok: false, reason: '文件解压后过大，超过可以安全读取的上限，请拆分后分别导入' };
    return { ok: true, entries: count };
  } finally {
    closeSync(fd);
  }
}
