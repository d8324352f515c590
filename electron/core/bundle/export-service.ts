import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { createGzip } from 'node:zlib';
import type { ParsedInput } from '../../api/contract.ts';
import { AppError } from '../../api/errors.ts';
import type { BundleExported } from '../../api/schemas/bundles.ts';
import type { TrustedKey } from '../../api/schemas/keys.ts';
import { appendAudit } from '../audit.ts';
import type { CoreContext } from '../context.ts';
import { newId } from '../ids.ts';
import { bureauKey, loadSigner, trustedNode } from '../keys/keys.ts';
import { requireIdentity } from '../node/node-service.ts';
import { schemaVersion } from '../schema-version.ts';
import { tablesOriginatedBy } from '../sync/authority.ts';
import type { EntrySource } from './format/types.ts';
import { writeBundle } from './format/writer.ts';
import { attachmentPath, bundleTempRoot, exchangeDir } from './paths.ts';
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

function tableSource(table: string, file: string, rows: number): EntrySource {
  return {
    kind: 'table',
    name: table,
    rows,
    open: () => createReadStream(file).pipe(createGzip({ level: 6 })),
  };
}

function fileSource(ctx: CoreContext, sha256: string): EntrySource {
  const file = attachmentPath(ctx, sha256);
  return { kind: 'file', name: sha256, rows: 0, open: () => createReadStream(file) };
}

function safeName(text: string): string {
  return text.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 40);
}

/**
 * Makes the next bundle of this node for its target: the rows it owns that changed
 * since its previous bundle to that target (every row with `full`), their
 * attachment files, signed and encrypted. Recorded in the sent log only once the
 * file is complete, so a failed export leaves the chain as it was.
 */
export async function exportBundle(ctx: CoreContext, input: ParsedInput<'bundles.export'>): Promise<Omit<BundleExported, 'ref'>> {
  const identity = requireIdentity(ctx);
  const target = targetOf(ctx, identity.role, input.targetNodeId);
  const signer = loadSigner(ctx, input.passphrase);
  const previous = lastSent(ctx, target.nodeId);
  const sequence = (previous?.sequence ?? 0) + 1;
  // only what this node may originate: anything else the receiver refuses (sync/authority.ts)
  const tables = tablesOriginatedBy(identity.role);

  return ctx.jobs.run(input.jobId, async (job) => {
    job.phase('读取数据');
    mkdirSync(bundleTempRoot(ctx), { recursive: true });
    const snapshot: Snapshot = takeSnapshot(
      ctx.database.sqlite,
      { nodeId: identity.id, tables, sinceChangeSeq: input.full || !previous ? null : previous.changeSeq, targetNodeId: target.nodeId },
      bundleTempRoot(ctx),
    );
    try {
      for (const sha of snapshot.attachments) {
        if (!existsSync(attachmentPath(ctx, sha))) throw new AppError('NOT_FOUND', `附件文件缺失（${sha.slice(0, 12)}…），无法制作数据包。请从备份恢复数据文件夹中的 attachments 目录。`);
      }
      const outDir = input.outFile ? path.dirname(path.resolve(input.outFile)) : path.resolve(input.outDir ?? exchangeDir(ctx, 'out'));
      mkdirSync(outDir, { recursive: true });
      const stamp = ctx.now().toISOString().slice(0, 10);
      const fileName = input.outFile ? path.basename(input.outFile) : `${safeName(identity.name)}-${String(sequence).padStart(4, '0')}-${stamp}.qklb`;
      const file = path.join(outDir, fileName);
      if (existsSync(file)) throw new AppError('DUPLICATE', `文件已存在：${file}。请换一个文件名或文件夹。`);

      const entries: EntrySource[] = [
        ...snapshot.tables.map((t) => tableSource(t.table, t.file, t.rows)),
        ...[...snapshot.attachments].sort().map((sha) => fileSource(ctx, sha)),
      ];
      const totalBytes = snapshot.tables.reduce((n, t) => n + statSync(t.file).size, 0) + [...snapshot.attachments].reduce((n, sha) => n + statSync(attachmentPath(ctx, sha)).size, 0);
      job.phase('签名并加密', totalBytes);
      job.checkpoint();
      const written = await writeBundle({
        file,
        manifest: {
          bundleId: newId(),
          node: { id: identity.id, role: identity.role, name: identity.name, districtId: identity.districtId },
          keyId: signer.keyId,
          target: { nodeId: target.nodeId, recipients: target.recipients },
          sequence,
          previousHash: previous?.hash ?? null,
          full: input.full || !previous,
          createdAt: ctx.now().toISOString(),
          appVersion: ctx.appVersion,
          schemaVersion: String(schemaVersion(ctx)),
        },
        entries,
        signer,
        recipients: target.recipients,
      });
      const rowCounts = Object.fromEntries(snapshot.tables.map((t) => [t.table, t.rows]));
      ctx.database.sqlite.transaction(() => {
        recordSent(ctx, { written, fileName, changeSeq: snapshot.changeSeq, rowCounts: { ...rowCounts, files: snapshot.attachments.size } });
        appendAudit(ctx, {
          nodeId: identity.id,
          call: 'bundles.export',
          table: 'bundles_sent',
          rowIds: [written.manifest.bundleId],
          after: { target: target.nodeId, sequence, full: written.manifest.full, hash: written.hash, size: written.size, rowCounts, files: snapshot.attachments.size },
        });
      })();
      return {
        file,
        fileName,
        bundleId: written.manifest.bundleId,
        sequence,
        full: written.manifest.full,
        size: written.size,
        hash: written.hash,
        rowCounts,
        files: snapshot.attachments.size,
      };
    } finally {
      snapshot.dispose();
    }
  });
}
