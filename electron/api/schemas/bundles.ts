import { z } from 'zod';
import { AuditChainNote } from './audit.ts';
import { Id } from './common.ts';
import { JobId } from './jobs.ts';
import { Passphrase } from './keys.ts';

/**
 * A file or folder: from a window, a reference the host handed it (host.pickFile,
 * host.pickFolder, files.stage: `picked:…` / `staged:…`), never a path; from the
 * command line, a path.
 */
const FilePath = z.string().trim().min(1, '请选择文件').max(4096);
/** What a window passes back to host.saveFile or bundles.import; on the command line the path again. */
const FileRefOut = z.string();

export const BundleExportInput = z.object({
  jobId: JobId.optional().meta({ label: '任务' }),
  /** everything this node owns, not only what changed since the last bundle */
  full: z.boolean().default(false).meta({ label: '全量' }),
  /** folder to write into (USB stick, intranet share); default: the data folder's exchange/out */
  outDir: FilePath.optional().meta({ label: '输出文件夹' }),
  /** an exact file to write instead (the CLI's --out); must not exist */
  outFile: FilePath.optional().meta({ label: '输出文件' }),
  /** bureau only: the office the bundle is for */
  targetNodeId: Id.optional().meta({ label: '接收节点' }),
  passphrase: Passphrase.meta({ label: '口令' }),
});

export const RowCounts = z.record(z.string(), z.number().int());

export const BundleExported = z.object({
  file: z.string(),
  ref: FileRefOut,
  fileName: z.string(),
  bundleId: z.string(),
  sequence: z.number().int(),
  full: z.boolean(),
  size: z.number().int(),
  hash: z.string(),
  rowCounts: RowCounts,
  files: z.number().int(),
});
export type BundleExported = z.infer<typeof BundleExported>;

export const SentBundle = z.object({
  bundleId: z.string(),
  targetNodeId: z.string(),
  targetName: z.string(),
  sequence: z.number().int(),
  full: z.boolean(),
  createdAt: z.string(),
  fileName: z.string(),
  size: z.number().int(),
  rowCounts: RowCounts,
  acknowledgedAt: z.string().nullable(),
});
export type SentBundle = z.infer<typeof SentBundle>;

export const TableChanges = z.object({
  inserted: z.number().int(),
  updated: z.number().int(),
  deleted: z.number().int(),
  unchanged: z.number().int(),
});
export const Changes = z.record(z.string(), TableChanges);
export type Changes = z.infer<typeof Changes>;

/** The shape `qkl import-bundle --json` prints (a product interface: extend, never rename). */
export const BundleImportResult = z.object({
  file: z.string(),
  /** failed: not the bundle's fault (database busy, disk full …): nothing changed, try again */
  status: z.enum(['imported', 'already-imported', 'dry-run', 'refused', 'failed']),
  node: z.object({ id: z.string(), name: z.string() }).nullable(),
  sequence: z.number().int().nullable(),
  full: z.boolean().nullable(),
  changes: Changes,
  files: z.number().int(),
  /** refusal reason code (see core/bundles/format/types.ts), null unless refused */
  reason: z.string().nullable(),
  message: z.string().nullable(),
  /** the sender's audit chain: whether its signed anchor extends the ones received before (bundles of older versions: absent or null) */
  auditChain: AuditChainNote.nullable().optional(),
});
export type BundleImportResult = z.infer<typeof BundleImportResult>;

export const BundleImportInput = z.object({
  jobId: JobId.optional().meta({ label: '任务' }),
  paths: z.array(FilePath).min(1, '请选择至少一个数据包').max(500).meta({ label: '文件' }),
  dryRun: z.boolean().default(false).meta({ label: '试导入' }),
  passphrase: Passphrase.meta({ label: '口令' }),
});

export const BundleScanInput = z.object({ dir: FilePath.optional().meta({ label: '文件夹' }) });
export const BundleFile = z.object({ path: z.string(), fileName: z.string(), size: z.number().int(), modifiedAt: z.string() });
export const BundleScan = z.object({ dir: z.string(), files: z.array(BundleFile) });

export const ReceivedBundle = z.object({
  bundleId: z.string(),
  nodeId: z.string(),
  nodeName: z.string(),
  sequence: z.number().int(),
  full: z.boolean(),
  createdAt: z.string(),
  importedAt: z.string(),
  importedBy: z.string(),
  fileName: z.string(),
  size: z.number().int(),
  changes: Changes,
  receiptAt: z.string().nullable(),
});

export const ReceiptWriteInput = z.object({
  /** only this office's bundles; default every office with bundles not yet receipted */
  nodeId: z.string().optional().meta({ label: '节点' }),
  outDir: FilePath.optional().meta({ label: '输出文件夹' }),
  passphrase: Passphrase.meta({ label: '口令' }),
});
export const ReceiptsWritten = z.object({
  receipts: z.array(z.object({ nodeId: z.string(), nodeName: z.string(), file: z.string(), ref: FileRefOut, bundles: z.number().int() })),
});

export const ReceiptImportInput = z.object({ path: FilePath.meta({ label: '文件路径' }) });
export const ReceiptImported = z.object({ acknowledged: z.number().int(), alreadyAcknowledged: z.number().int(), unknown: z.number().int() });

export const CityOffice = z.object({
  nodeId: z.string(),
  nodeName: z.string(),
  role: z.string(),
  districtId: z.string().nullable(),
  lastSequence: z.number().int().nullable(),
  lastCreatedAt: z.string().nullable(),
  lastImportedAt: z.string().nullable(),
  /** 按时 / 超过 staleDays 天未报 / 从未报送, by when its latest bundle was made */
  reporting: z.enum(['ok', 'stale', 'never']),
  daysSinceLastBundle: z.number().int().nullable(),
  units: z.number().int(),
  equipment: z.number().int(),
  managers: z.number().int(),
  keyRevoked: z.boolean(),
  /** its audit chain as its signed anchors showed it (审计链断裂: an anchor that did not extend the previous one) */
  auditAnchorSeq: z.number().int().nullable(),
  auditBreaks: z.number().int(),
  lastAuditBreak: z.object({ at: z.string(), seq: z.number().int(), message: z.string() }).nullable(),
});
export const CityOverview = z.object({
  /** an office without a bundle made in this many days is reminded */
  staleDays: z.number().int(),
  offices: z.array(CityOffice),
});
