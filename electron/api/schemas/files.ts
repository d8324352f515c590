import { z } from 'zod';

/** 80 MB: a 100,000-row ledger saved by WPS is about 8 MB; evidence scans are capped separately. */
export const MAX_STAGED_BYTES = 80 * 1024 * 1024;

export const StageFileInput = z.object({
  name: z.string().trim().min(1, '缺少文件名').max(255, '文件名过长').meta({ label: '文件名' }),
  contentBase64: z.string().max(Math.ceil(MAX_STAGED_BYTES / 3) * 4, `文件过大：不能超过 ${MAX_STAGED_BYTES / 1024 / 1024} MB`).meta({ label: '文件内容' }),
});

/** A file the renderer handed to the core (by content, since a page cannot name paths). */
export const StagedFile = z.object({
  /** sha256 of the content: the same file is stored once */
  id: z.string().regex(/^[0-9a-f]{64}$/),
  name: z.string(),
  size: z.number().int(),
});
export type StagedFile = z.infer<typeof StagedFile>;

/** A file the core made for the user to save (xlsx exports, error reports). */
export const FileOutput = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  contentBase64: z.string(),
});
export type FileOutput = z.infer<typeof FileOutput>;

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
