import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { BundleImportResult } from '../../api/schemas/bundles.ts';
import { isLabelledTable, syncTableLabels } from '../../api/sync-table-labels.ts';
import { callOrFail, requireDb, withCore } from '../database-option.ts';
import { CommandError, UsageError, type CliIo } from '../io.ts';

// Table names in the words of the exchange pages and the core's refusals (one list in the contract).
const label = (table: string) => (isLabelledTable(table) ? syncTableLabels[table] : table);
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** `qkl export-bundle --db FILE --out FILE.qklb [--full] [--to NODE_ID] [--json]` */
export async function exportBundleCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { db: { type: 'string' }, out: { type: 'string' }, full: { type: 'boolean' }, to: { type: 'string' }, json: { type: 'boolean' } },
  });
  const file = requireDb(values.db, true);
  if (!values.out) throw new UsageError('缺少 --out 参数：请指定数据包文件，例如 --out 塘桥-0001.qklb');
  const outFile = path.resolve(values.out);
  if (existsSync(outFile)) throw new CommandError(`文件已存在：${outFile}。请换一个文件名。`);
  return withCore(file, async (core) => {
    const result = await callOrFail(core, 'bundles.export', { outFile, full: values.full ?? false, targetNodeId: values.to });
    if (values.json) io.out(JSON.stringify(result));
    else {
      io.out(`已导出第 ${result.sequence} 号${result.full ? '完整' : '增量'}数据包：${result.file}（${megabytes(result.size)}）`);
      const rows = Object.entries(result.rowCounts).filter(([t, n]) => n > 0 && t !== 'attachments');
      io.out((rows.length ? rows.map(([t, n]) => `${label(t)} ${n} 行`).join('，') : '没有改动的数据') + (result.files ? `，附件 ${result.files} 个` : ''));
    }
    return 0;
  });
}

function printImport(io: CliIo, r: BundleImportResult): void {
  const who = r.node ? `“${r.node.name}”第 ${r.sequence} 号数据包` : path.basename(r.file);
  if (r.status === 'refused' || r.status === 'failed') return;
  if (r.status === 'already-imported') {
    io.out(`${who}已导入过，本次未作改动。`);
    return;
  }
  io.out(`${r.status === 'dry-run' ? '预览（未写入）' : '已导入'}：${who}${r.full ? '（完整）' : ''}`);
  for (const [table, c] of Object.entries(r.changes)) io.out(`  ${label(table)}：新增 ${c.inserted}，更新 ${c.updated}，删除 ${c.deleted}，未变 ${c.unchanged}`);
  if (r.files > 0) io.out(`  附件：${r.files} 个`);
  const chain = r.auditChain;
  if (chain && (chain.status === 'break' || chain.status === 'invalid')) io.out(`  审计链断裂（第 ${chain.problemSeq ?? chain.seq} 条）：${chain.message ?? ''}`);
}

/** `qkl import-bundle --db FILE BUNDLE [--dry-run] [--json]`: refused or failed → exit 1 with the message on stderr. */
export async function importBundleCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { db: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
  });
  if (positionals.length !== 1) throw new UsageError('请指定一个数据包文件，例如 qkl import-bundle --db 市局.sqlite 塘桥-0001.qklb');
  const bundle = path.resolve(positionals[0]!);
  if (!existsSync(bundle)) throw new CommandError(`数据包文件不存在：${bundle}`);
  const file = requireDb(values.db, true);
  return withCore(file, async (core) => {
    const [result] = await callOrFail(core, 'bundles.import', { paths: [bundle], dryRun: values['dry-run'] ?? false });
    const r = result!;
    if (values.json) io.out(JSON.stringify({ status: r.status, node: r.node, sequence: r.sequence, changes: r.changes, reason: r.reason, message: r.message, full: r.full, files: r.files, file: r.file, auditChain: r.auditChain ?? null }));
    else printImport(io, r);
    if (r.status === 'refused') {
      io.err(`错误：数据包被拒收（${r.reason}）：${r.message ?? ''}`);
      return 1;
    }
    if (r.status === 'failed') {
      io.err(`错误：${r.message ?? '数据包未导入，数据未改变。'}`);
      return 1;
    }
    return 0;
  });
}

/** `qkl receipts write --db FILE [--out DIR] [--node NODE_ID] [--json]` and `qkl receipts import --db FILE RECEIPT [--json]` */
export async function receiptsCommand(args: string[], io: CliIo): Promise<number> {
  const [action, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { db: { type: 'string' }, out: { type: 'string' }, node: { type: 'string' }, json: { type: 'boolean' } },
  });
  const file = requireDb(values.db, true);
  if (action === 'write') {
    return withCore(file, async (core) => {
      const result = await callOrFail(core, 'bundles.writeReceipts', { outDir: values.out, nodeId: values.node });
      if (values.json) io.out(JSON.stringify(result));
      else if (result.receipts.length === 0) io.out('没有需要出具回执的数据包。');
      else for (const r of result.receipts) io.out(`已出具回执：${r.nodeName}，共 ${r.bundles} 个数据包：${r.file}`);
      return 0;
    });
  }
  if (action === 'import') {
    if (positionals.length !== 1) throw new UsageError('请指定一个回执文件（.qklr）');
    return withCore(file, async (core) => {
      const result = await callOrFail(core, 'bundles.importReceipt', { path: positionals[0] });
      if (values.json) io.out(JSON.stringify(result));
      else io.out(`回执已导入：新确认送达 ${result.acknowledged} 个，此前已确认 ${result.alreadyAcknowledged} 个${result.unknown ? `，无法对应 ${result.unknown} 个` : ''}。`);
      return 0;
    });
  }
  throw new UsageError('用法：qkl receipts write --db 文件 [--out 文件夹] 或 qkl receipts import --db 文件 回执.qklr');
}
