import { eq } from 'drizzle-orm';
import { bundlesSent } from '../../../db/schema/index.ts';
import { localDate } from '../registry/as-of.ts';
import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { pipeline, Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import type { ParsedInput } from '../../api/contract.ts';
import { AppError } from '../../api/errors.ts';
import type { BundleExported } from '../../api/schemas/bundles.ts';
import type { TrustedKey } from '../../api/schemas/keys.ts';
import { appendAudit } from '../audit.ts';
import { anchorNote, recordOwnAnchor } from '../audit/anchors.ts';
import { bundleAnchor } from '../audit/proof.ts';
import type { CoreContext } from '../context.ts';
import { crashPoint } from '../files/crash-point.ts';
import { ensurePrivateDir } from '../files/private-files.ts';
import { readSealed, type SealedFile } from '../files/sealed-file.ts';
import { startRun, type WorkRun } from '../files/work-dir.ts';
import { newId } from '../ids.ts';
import { bureauKey, loadSigner, trustedNode } from '../keys/keys.ts';
import { requireIdentity } from '../node/node-service.ts';
import { schemaVersion } from '../schema-version.ts';
import { tablesOriginatedBy } from '../sync/authority.ts';
import { prepareBureauBundle } from '../steering/bureau-bundle.ts';
import { failureCause, failureKind } from '../files/failure.ts';
import type { EntrySource, WrittenBundle } from './format/types.ts';
import { publishBundle, writeBundleFile } from './format/writer.ts';
import { attachmentPath } from '../attachments/store.ts';
import { dataDir, exchangeDir } from './paths.ts';
import { notePendingExport } from './recovery.ts';
import { takeSnapshot, type Snapshot } from './snapshot.ts';
import { lastSent, recordSent } from './sent-log.ts';

/** The node the bundle goes to and the keys it is encrypted to. */
function targetOf(ctx: CoreContext, role: string, targetNodeId: string | undefined): TrustedKey {
  if (role === 'bureau') {
    if (!targetNodeId) throw new AppError('VALIDATION', '请选择数据包发往哪个单位', { field: 'targetNodeId' });
    const office = trustedNode(ctx, targetNodeId);
    if (!office) throw new AppError('NOT_FOUND', '该单位的公钥尚未登记或已吊销，无法为其制作数据包。请先在“密钥与信任”中登记其公钥。');
    return office;
  }
  const bureau = bureauKey(ctx);
  if (!bureau) throw new AppError('NOT_FOUND', '尚未信任市局公钥，无法制作数据包。请先在“密钥与信任”中导入市局公钥并电话核对指纹。');
  return bureau;
}

function tableSource(table: string, file: SealedFile, rows: number): EntrySource {
  return {
    kind: 'table',
    name: table,
    rows,
    open: () => {
      // level 1: on NDJSON rows it compresses to within ~15% of level 6 at several times the speed,
      // and the compression ran longer than the encryption of the whole bundle (issue 20)
      const gzip = createGzip({ level: 1 });
      // pipeline hands a failed read of the sealed file (changed on disk) on to gzip, and so to the writer
      pipeline(Readable.from(readSealed(file)), gzip, () => undefined);
      return gzip;
    },
  };
}

function fileSource(ctx: CoreContext, sha256: string): EntrySource {
  const file = attachmentPath(ctx, sha256);
  // 1 MiB reads (a bundle record's size) instead of the stream's default 64 KiB
  // the store names each file by its sha256 (checked when it entered): signed as is, not hashed again
  return { kind: 'file', name: sha256, rows: 0, sha256, open: () => createReadStream(file, { highWaterMark: 1 << 20 }) };
}

function safeName(text: string): string {
  return text.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 40);
}

/** A failure before the bundle got its final name: nothing was left behind, and the message says so. */
function notExported(error: unknown, where: string): unknown {
  if (error instanceof AppError) return error;
  const kind = failureKind(error);
  if (kind === 'busy') return new AppError('BUSY', `数据包未导出：${failureCause(error)}。没有留下数据包文件，也未占用序号，请稍后重试。`);
  if (kind === 'disk' || kind === 'work-file') return new AppError('WRITE_FAILED', `数据包未导出：${failureCause(error)}（${where}）。没有留下数据包文件，也未占用序号，请换一个文件夹或U盘后重试。`);
  return error;
}

/**
 * Makes the next bundle of this node for its target: the rows it owns that changed
 * since its previous bundle to that target (every row with `full`), their
 * attachment files, signed and encrypted. The chain never forks: the bundle is
 * written as `<name>.<random>.part`, recorded in the sent log, and only then given
 * its name, so a file under its final name is always in the log; a failure before
 * that leaves no file and no used sequence number, a kill is finished or undone at
 * the next open (recovery.ts).
 */
export async function exportBundle(ctx: CoreContext, input: ParsedInput<'bundles.export'>): Promise<Omit<BundleExported, 'ref'>> {
  const identity = requireIdentity(ctx);
  const target = targetOf(ctx, identity.role, input.targetNodeId);
  const signer = loadSigner(ctx, input.passphrase);
  const previous = lastSent(ctx, target.nodeId);
  const sequence = (previous?.sequence ?? 0) + 1;
  // only what this node may originate: anything else the receiver refuses (sync/authority.ts)
  const tables = tablesOriginatedBy(identity.role);
  const sqlite = ctx.database.sqlite;

  return ctx.jobs.run(input.jobId, async (job) => {
    job.phase('读取数据');
    // the rows are copied into sealed files in this run's folder, removed in finally
    let run: WorkRun;
    try {
      run = startRun(dataDir(ctx), 'export');
    } catch (error) {
      throw notExported(error, dataDir(ctx));
    }
    let keepRun = false;
    let snapshot: Snapshot | undefined;
    let where = dataDir(ctx);
    try {
      if (identity.role === 'bureau') {
        try {
          prepareBureauBundle(ctx, target);
        } catch (error) {
          throw notExported(error, dataDir(ctx));
        }
      }
      snapshot = takeSnapshot(sqlite, { nodeId: identity.id, tables, sinceChangeSeq: input.full || !previous ? null : previous.changeSeq, targetNodeId: target.nodeId }, run.dir);
      // the audit head as of the snapshot, signed, with the entries since the previous bundle's anchor
      const audit = bundleAnchor(ctx, { nodeId: identity.id, signer, targetNodeId: target.nodeId, full: input.full || !previous, dir: snapshot.dir });
      for (const sha of snapshot.attachments) {
        if (!existsSync(attachmentPath(ctx, sha))) throw new AppError('NOT_FOUND', `附件文件缺失（${sha.slice(0, 12)}…），无法制作数据包。请从备份恢复数据文件夹中的 attachments 目录。`);
      }
      const defaultOut = exchangeDir(ctx, 'out');
      const outDir = input.outFile ? path.dirname(path.resolve(input.outFile)) : path.resolve(input.outDir ?? defaultOut);
      where = outDir;
      if (outDir === defaultOut) ensurePrivateDir(outDir);
      else mkdirSync(outDir, { recursive: true });
      const stamp = localDate(ctx.now()); // the China date, as the clerk dates the file
      const fileName = input.outFile ? path.basename(input.outFile) : `${safeName(identity.name)}-${String(sequence).padStart(4, '0')}-${stamp}.qklb`;
      const file = path.join(outDir, fileName);
      if (existsSync(file)) throw new AppError('DUPLICATE', `文件已存在：${file}。请换一个文件名或文件夹。`);
      const bundleId = newId();
      const part = `${file}.${randomBytes(4).toString('hex')}.part`;
      notePendingExport(run.dir, { bundleId, part, file });

      const entries: EntrySource[] = [
        ...snapshot.tables.map((t) => tableSource(t.table, t.file, t.rows)),
        audit.entry,
        ...[...snapshot.attachments].sort().map((sha) => fileSource(ctx, sha)),
      ];
      const totalBytes = snapshot.tables.reduce((n, t) => n + t.file.size, 0) + [...snapshot.attachments].reduce((n, sha) => n + statSync(attachmentPath(ctx, sha)).size, 0);
      job.phase('签名并加密', totalBytes);
      job.checkpoint();
      let written: WrittenBundle;
      try {
        written = await writeBundleFile({
          file: part,
          manifest: {
            bundleId,
            node: { id: identity.id, role: identity.role, name: identity.name, districtId: identity.districtId },
            keyId: signer.keyId,
            target: { nodeId: target.nodeId, recipients: target.recipients },
            sequence,
            previousHash: previous?.hash ?? null,
            full: input.full || !previous,
            createdAt: ctx.now().toISOString(),
            appVersion: ctx.appVersion,
            schemaVersion: String(schemaVersion(ctx)),
            auditAnchor: audit.manifest,
          },
          entries,
          signer,
          recipients: target.recipients,
        });
      } catch (error) {
        throw notExported(error, outDir);
      }
      crashPoint('export:written');

      const rowCounts = Object.fromEntries(snapshot.tables.map((t) => [t.table, t.rows]));
      const files = snapshot.attachments.size;
      try {
        sqlite
          .transaction(() => {
            // another process (the CLI, a second window) may have exported meanwhile: its bundle has this number
            const latest = lastSent(ctx, target.nodeId);
            if ((latest?.sequence ?? 0) !== (previous?.sequence ?? 0)) {
              throw new AppError('CONFLICT', `另一次导出（例如同时运行的 qkl 命令）刚刚制作了发往该单位的第 ${latest!.sequence} 号数据包。本次导出已作废：没有留下数据包文件，请重新导出。`);
            }
            recordSent(ctx, { written, fileName, changeSeq: snapshot!.changeSeq, rowCounts: { ...rowCounts, files } });
            const loggedSeq = appendAudit(ctx, {
              nodeId: identity.id,
              call: 'bundles.export',
              table: 'bundles_sent',
              rowIds: [bundleId],
              after: { target: target.nodeId, sequence, full: written.manifest.full, hash: written.hash, size: written.size, rowCounts, files, auditAnchor: anchorNote(audit.signed) },
            });
            recordOwnAnchor(ctx, audit.signed, { source: 'export', ref: bundleId, targetNodeId: target.nodeId, loggedSeq });
          })
          .immediate();
      } catch (error) {
        rmSync(part, { force: true });
        throw notExported(error, outDir);
      }
      crashPoint('export:recorded');

      try {
        publishBundle(part, file);
      } catch (error) {
        keepRun = !withdraw(ctx, identity.id, bundleId, part, file);
        if (keepRun) {
          throw new AppError('WRITE_FAILED', `第 ${sequence} 号数据包已签名并登记，但未能改名为 ${fileName}（${failureCause(error)}）。本程序下次启动时会自动完成或撤销这一步；在此之前请不要再次导出。`);
        }
        throw new AppError('WRITE_FAILED', `数据包未导出：无法写为 ${file}（${failureCause(error)}）。没有留下数据包文件，也未占用序号，请重试。`);
      }
      crashPoint('export:published');
      return { file, fileName, bundleId, sequence, full: written.manifest.full, size: written.size, hash: written.hash, rowCounts, files };
    } catch (error) {
      // nothing after the bundle got its name can fail: whatever arrives here left no bundle behind
      throw notExported(error, where);
    } finally {
      snapshot?.dispose();
      if (!keepRun) run.dispose();
    }
  });
}

/** Takes a recorded bundle back out of the sent log when it could not get its name; false if even that failed. */
function withdraw(ctx: CoreContext, nodeId: string, bundleId: string, part: string, file: string): boolean {
  try {
    ctx.database.sqlite
      .transaction(() => {
        ctx.database.db.delete(bundlesSent).where(eq(bundlesSent.id, bundleId)).run();
        appendAudit(ctx, { nodeId, call: 'bundles.export', table: 'bundles_sent', rowIds: [bundleId], after: { status: 'withdrawn', reason: 'not-published', file } });
      })
      .immediate();
    rmSync(part, { force: true });
    return true;
  } catch {
    return false;
  }
}
