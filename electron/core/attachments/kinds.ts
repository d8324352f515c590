import { closeSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../api/errors.ts';

// Attached files: PDF, JPG/PNG, Word and Excel (old and new formats). The type is
// taken from the name and confirmed by the first bytes, so a renamed executable or
// a damaged file is refused before it is kept.

interface Kind {
  mime: string;
  magic: number[];
}

const PDF: Kind = { mime: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46] };
const JPEG: Kind = { mime: 'image/jpeg', magic: [0xff, 0xd8, 0xff] };
const PNG: Kind = { mime: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47] };
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

const kinds: Record<string, Kind> = {
  pdf: PDF,
  jpg: JPEG,
  jpeg: JPEG,
  png: PNG,
  doc: { mime: 'application/msword', magic: OLE },
  xls: { mime: 'application/vnd.ms-excel', magic: OLE },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: ZIP },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: ZIP },
};

/** The MIME type of an attached file, or a refusal naming what is accepted. */
export function fileMime(fileName: string, head: Buffer): string {
  const ext = path.extname(fileName).slice(1).toLowerCase();
  const kind = kinds[ext];
  if (!kind) throw new AppError('VALIDATION', `不支持的文件类型“${ext || '无扩展名'}”。佐证材料可以是 PDF、JPG/PNG 图片、Word（doc/docx）或 Excel（xls/xlsx）文件。`);
  if (head.length < kind.magic.length || kind.magic.some((b, i) => head[i] !== b)) {
    throw new AppError('VALIDATION', `文件“${fileName}”的内容与其扩展名不符（可能已损坏或被改名），请重新导出后再上传。`);
  }
  return kind.mime;
}

/** The first bytes of a file, where its type shows. */
export function readHead(file: string, bytes = 8): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const n = readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}
