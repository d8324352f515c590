import { z } from 'zod';

// What the window itself offers (native dialogs, saving, printing, the core's state),
// answered by the host (Electron's main process, the browser host), never by the core.

/**
 * A file or folder the page may name: `picked:` one the user chose in a native dialog
 * (or opened by double-click), `staged:` one the page uploaded (files.stage). The
 * page never sees, builds or sends an OS path.
 */
export const FileRef = z.string().regex(/^(picked:[0-9a-f]{32}|staged:[0-9a-f]{64})$/, '文件引用格式不正确，请重新选择文件');

export const PickedFile = z.object({ ref: FileRef, name: z.string(), size: z.number().int() });
export type PickedFile = z.infer<typeof PickedFile>;

export const PickFileInput = z.object({
  /** which files the dialog offers: 数据包 (.qklb) or 回执 (.qklr) */
  purpose: z.enum(['bundle', 'receipt']).meta({ label: '用途' }),
  multiple: z.boolean().default(false).meta({ label: '多选' }),
});
/** empty when the user cancelled */
export const PickFileResult = z.object({ files: z.array(PickedFile) });

export const PickFolderInput = z.object({ purpose: z.enum(['bundle-export', 'bundle-import', 'receipts']).meta({ label: '用途' }) });
/** null when the user cancelled, or when the host has no folder dialog (a browser): the data folder is used then */
export const PickFolderResult = z.object({ folder: z.object({ ref: FileRef, label: z.string() }).nullable() });

const SafeFileName = z
  .string()
  .trim()
  .min(1, '缺少文件名')
  .max(200, '文件名过长')
  .refine((name) => !/[\\/:*?"<>|\u0000-\u001f]/.test(name), '文件名不能含有 \\ / : * ? " < > | 等字符');

export const SaveFileInput = z.object({
  /** the name offered in the save dialog (or of the download) */
  fileName: SafeFileName.meta({ label: '文件名' }),
  source: z.discriminatedUnion('kind', [
    /** bytes the core returned (an xlsx, a Word file) */
    z.object({ kind: z.literal('content').meta({ label: '文件来源' }), mimeType: z.string().max(200).meta({ label: '文件类型' }), contentBase64: z.string().meta({ label: '文件内容' }) }),
    /** a file the core wrote (a bundle, a receipt), by the reference it returned */
    z.object({ kind: z.literal('ref'), ref: FileRef.meta({ label: '文件' }) }),
  ]).meta({ label: '文件内容' }),
});
/** location: where it went, to show the user (null for a browser download or a cancel) */
export const SaveFileResult = z.object({ saved: z.boolean(), location: z.string().nullable() });

export const PrintToPdfInput = z.object({
  fileName: SafeFileName.refine((name) => name.toLowerCase().endsWith('.pdf'), '文件名应以 .pdf 结尾').meta({ label: '文件名' }),
  /** A4 landscape (the two lists) or portrait (everything else) */
  landscape: z.boolean().default(false).meta({ label: '横向' }),
});
/** printed: the browser's print dialog was shown instead (its 另存为 PDF does the rest) */
export const PrintToPdfResult = z.object({ saved: z.boolean(), printed: z.boolean(), location: z.string().nullable() });

export const HostStatus = z.object({
  kind: z.enum(['electron', 'web']),
  /** the core's thread or process: stopped after a crash, until 重新启动 */
  core: z.enum(['running', 'starting', 'stopped']),
  /** a native folder dialog: where bundles and receipts are written */
  canPickFolder: z.boolean(),
  /** PDF files written by the host itself (Electron); a browser prints instead */
  canSavePdf: z.boolean(),
});
export type HostStatus = z.infer<typeof HostStatus>;

/** .qklb files the user opened with the program (double-click, a second start): taken once */
export const OpenedFiles = z.object({ files: z.array(PickedFile) });
