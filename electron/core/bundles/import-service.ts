import { inArray } from 'drizzle-orm';
import { bundlesReceived, nodeKeys } from '../../../db/schema/index.ts';
import { localDay } from '../registry/as-of.ts';
import { statSync } from 'node:fs';
import path from 'node:path';
import type { ParsedInput } from '../../api/contract.ts';
import { AppError } from '../../api/errors.ts';
import type { BundleImportResult, Changes } from '../../api/schemas/bundles.ts';
import type { NodeIdentity } from '../../api/schemas/node.ts';
import { appendAudit } from '../audit.ts';
import { receivedAnchorNote, splitAuditProof } from '../audit/bundle-anchor.ts';
import { recordReceivedAnchor } from '../audit/received.ts';
import type { CoreContext } from '../context.ts';
import { crashPoint } from '../files/crash-point.ts';
import { readSealedSync, type SealedFile } from '../files/sealed-file.ts';
import { startRun, type WorkRun } from '../files/work-dir.ts';
import type { JobHandle } from '../jobs/job-registry.ts';
import { loadIdentities, ownRecipients, type TrustedSigningKey } from '../keys/keys.ts';
import { checkKeyStatements } from '../keys/statement-import.ts';
import { requireIdentity } from '../node/node-service.ts';
import { schemaVersion } from '../schema-version.ts';
import { removeUnreferenced, storeNewAttachments } from './attachment-intake.ts';
import { checkChain } from './chain-check.ts';
import { failureCause, failureKind } from '../files/failure.ts';
import { inflateTable } from './format/inflate.ts';
import { openBundle } from './format/reader.ts';
import { BundleRefusal, type OpenedBundle, type OpenedEntry } from './format/types.ts';
import { checkEntries, verifyManifestSignature } from './format/verify.ts';
import { mergeTable } from './merge.ts';
import { dataDir, MAX_BUNDLE_BYTES } from './paths.ts';
import { isSyncedTable, syncedTables, type SyncedTable } from './sync-tables.ts';
import { tableLabel } from '../sync/authority.ts';
import { rowAuthority, type Sender } from '../sync/authorize.ts';
import { recordSummaryReceipts } from '../summaries/summary-receipts.ts';
import { refreshCityTemplates } from '../steering/city-templates.ts';

/** Thrown inside the transaction of a dry run: everything is rolled back, the counts stay. */
class DryRunRollback extends Error {}

function refused(file: string, error: BundleRefusal, opened?: OpenedBundle): BundleImportResult {
  const manifest = opened?.manifest;
  return {
    file,
    status: 'refused',
    node: manifest ? { id: manifest.node.id, name: manifest.node.name } : null,
    sequence: manifest?.sequence ?? null,
    full: manifest?.full ?? null,
    changes: {},
    files: 0,
    reason: error.reason,
    message: error.message,
  };
}

/**
 * Signature and recipient checks: who made it and for whom. The sender is returned
 * as this node enrolled it: its role and district come from the trusted key, never
 * from what the bundle claims, because row authority is judged by them.
 */
function checkAuthenticity(ctx: CoreContext, self: NodeIdentity, opened: OpenedBundle, signerOf: (keyId: string) => TrustedSigningKey | null): Sender {
  const { manifest } = opened;
  const key = signerOf(manifest.keyId);
  if (!key || key.nodeId !== manifest.node.id) {
    throw new BundleRefusal('unknown-signer', `数据包的签名密钥未经登记（${manifest.node.name}，密钥 ${manifest.keyId.slice(0, 8)}…）。请先在“密钥与信任”中登记该单位的公钥并电话核对指纹。`);
  }
  if (key.revokedAt) throw new BundleRefusal('revoked-key', `“${key.nodeName}”的这把签名密钥已于 ${localDay(key.revokedAt)} 吊销，用它签名的数据包一律拒收。`);
  verifyManifestSignature(opened, key.signingKey);
  if (manifest.node.role !== key.role || manifest.node.districtId !== key.districtId) {
    throw new BundleRefusal('unknown-signer', `数据包自称的身份（${manifest.node.role}，辖区 ${manifest.node.districtId ?? '无'}）与登记的“${key.nodeName}”不符，已拒收。`);
  }
  if (manifest.target.nodeId !== self.id) throw new BundleRefusal('wrong-target', `这个数据包是发给其他单位的（${manifest.target.nodeId}），不是本单位。`);
  const mine = new Set(ownRecipientsIncludingRetired(ctx));
  if (!manifest.target.recipients.some((r) => mine.has(r))) {
    throw new BundleRefusal('recipient-mismatch', '数据包签名中写明的接收方密钥不是本单位的密钥，已拒收。');
  }
  if (self.role === 'bureau' ? manifest.node.role === 'bureau' : manifest.node.role !== 'bureau') {
    throw new BundleRefusal('wrong-target', self.role === 'bureau' ? '市局不能导入市局自己的数据包。' : '分局只接收市局发来的数据包。');
  }
  if (Number(manifest.schemaVersion) > schemaVersion(ctx)) {
    throw new BundleRefusal('format-version', `数据包由较新版本的程序制作（数据结构版本 ${manifest.schemaVersion}，本程序 ${schemaVersion(ctx)}）。请先升级本程序。`);
  }
  return { id: key.nodeId, name: key.nodeName, role: key.role, districtId: key.districtId };
}

function ownRecipientsIncludingRetired(ctx: CoreContext): string[] {
  const rows = ctx.database.db
    .select({ publicKey: nodeKeys.publicKey })
    .from(nodeKeys)
    .where(inArray(nodeKeys.purpose, ['age', 'age-backup']))
    .all();
  return [...ownRecipients(ctx), ...rows.map((r) => r.publicKey)];
}

/** Checked table entries, inflated (with limits) into sealed work files, in merge order. Who may send which rows is judged row by row at merge. */
async function unpackTables(entries: OpenedEntry[], run: WorkRun): Promise<Array<{ table: SyncedTable; rows: SealedFile; count: number }>> {
  const tables: Array<{ table: SyncedTable; rows: SealedFile; count: number }> = [];
  const order = (t: SyncedTable) => syncedTables.indexOf(t);
  for (const entry of entries.filter((e) => e.kind === 'table')) {
    if (!isSyncedTable(entry.name)) throw new BundleRefusal('malformed', `数据包含有本程序不接收的数据表“${entry.name}”。`);
    if (tables.some((t) => t.table === entry.name)) throw new BundleRefusal('malformed', `数据包中数据表“${entry.name}”出现了两次。`);
    tables.push({ table: entry.name, rows: await inflateTable(entry, path.join(run.dir, `rows-${entry.index}`), tableLabel(entry.name)), count: entry.rows });
  }
  return tables.sort((a, b) => order(a.table) - order(b.table));
}

function recordRefusal(ctx: CoreContext, self: NodeIdentity, file: string, error: BundleRefusal, opened: OpenedBundle | undefined, dryRun: boolean): void {
  appendAudit(ctx, {
    nodeId: self.id,
    call: 'bundles.import',
    table: 'bundles_received',
    rowIds: [],
    after: { status: 'refused', reason: error.reason, file: path.basename(file), node: opened?.manifest.node.id ?? null, sequence: opened?.manifest.sequence ?? null, dryRun },
  });
}

/** One file of a batch could not be finished for a reason other than the bundle itself: reported, and the batch goes on. */
function failed(ctx: CoreContext, self: NodeIdentity, file: string, error: unknown, opened: OpenedBundle | undefined, dryRun: boolean): BundleImportResult {
  const manifest = opened?.manifest;
  const message = `数据包未导入，数据未改变：${failureCause(error)}。${failureKind(error) === 'busy' ? '请稍后重新导入。' : '请重新导入；如仍出错，请联系技术支持。'}`;
  try {
    appendAudit(ctx, {
      nodeId: self.id,
      call: 'bundles.import',
      table: 'bundles_received',
      rowIds: [],
      after: { status: 'failed', cause: failureKind(error), file: path.basename(file), node: manifest?.node.id ?? null, sequence: manifest?.sequence ?? null, dryRun },
    });
  } catch {
    // a locked database cannot take the audit entry either; the result still says what happened
  }
  return {
    file,
    status: 'failed',
    node: manifest ? { id: manifest.node.id, name: manifest.node.name } : null,
    sequence: manifest?.sequence ?? null,
    full: manifest?.full ?? null,
    changes: {},
    files: 0,
    reason: null,
    message,
  };
}

async function importOne(ctx: CoreContext, self: NodeIdentity, file: string, identities: string[], dryRun: boolean, job: JobHandle): Promise<BundleImportResult> {
  let opened: OpenedBundle | undefined;
  // plaintext never reaches the disk: entries are sealed in this run's folder, removed in finally
  let run: WorkRun;
  try {
    run = startRun(dataDir(ctx), 'import');
  } catch (error) {
    return failed(ctx, self, file, error, undefined, dryRun);
  }
  let added: string[] = [];
  try {
    job.phase(`解密并校验 ${path.basename(file)}`);
    opened = await openBundle({ file, identities, maxBytes: MAX_BUNDLE_BYTES, tempRoot: run.dir });
    // the bureau's key statements first: a bundle signed by its new key is verified against the chain they lead to
    const keyStatements = checkKeyStatements(ctx, self, opened);
    const sender = checkAuthenticity(ctx, self, opened, keyStatements.signer);
    const { manifest } = opened;
    const base = { file, node: { id: manifest.node.id, name: manifest.node.name }, sequence: manifest.sequence, full: manifest.full, reason: null, message: null };
    if (checkChain(ctx, manifest, opened.hash).kind === 'already-imported') {
      return { ...base, status: 'already-imported', changes: {}, files: 0, message: `第 ${manifest.sequence} 号数据包已导入过，本次未作改动。` };
    }
    const { entries, anchorCheck } = await splitAuditProof(ctx, manifest, checkEntries(opened));
    const tables = await unpackTables(entries, run);
    const authority = rowAuthority(ctx.database.sqlite, sender, self.id, new Set(tables.map((t) => t.table)));
    job.checkpoint();
    let files = entries.filter((e) => e.kind === 'file').length;
    if (!dryRun) files = await storeNewAttachments(ctx, entries, run.dir, added);
    crashPoint('import:stored');
    // progress and cancel inside the write: a cancel throws in the transaction, which rolls it back
    job.phase(dryRun ? '预览' : '写入数据库', manifest.entries.reduce((n, e) => n + (e.kind === 'table' ? e.rows : 0), 0));
    let merged = 0;
    const onRow = () => {
      if (++merged % 500 !== 0) return;
      job.advance(merged);
      job.checkpoint('transaction');
    };
    const changes: Changes = {};
    const sqlite = ctx.database.sqlite;
    const importedAt = ctx.now().toISOString();
    try {
      sqlite.transaction(() => {
        for (const { table, rows, count } of tables) mergeTable(sqlite, table, readSealedSync(rows), sender.id, changes, authority, onRow, count);
        authority.finish();
        keyStatements.apply();
        if (sender.role === 'district') {
          recordSummaryReceipts(sqlite, sender.id, manifest.bundleId, importedAt);
          // the office's templates of accepted units join the city library (a no-op off the bureau)
          refreshCityTemplates(ctx);
        }
        if (dryRun) throw new DryRunRollback();
        ctx.database.db
          .insert(bundlesReceived)
          .values({
            id: manifest.bundleId,
            nodeId: manifest.node.id,
            sequence: manifest.sequence,
            hash: opened!.hash,
            full: manifest.full,
            keyId: manifest.keyId,
            createdAt: manifest.createdAt,
            importedAt,
            importedBy: ctx.actor,
            fileName: path.basename(file),
            size: statSync(file).size,
            changes: JSON.stringify(changes),
          })
          .run();
        if (anchorCheck) recordReceivedAnchor(ctx, anchorCheck, 'bundle', manifest.bundleId);
        appendAudit(ctx, {
          nodeId: self.id,
          call: 'bundles.import',
          table: 'bundles_received',
          rowIds: [manifest.bundleId],
          after: { status: 'imported', node: manifest.node.id, sequence: manifest.sequence, hash: opened!.hash, changes, files, receivedAnchor: receivedAnchorNote(anchorCheck) },
        });
      })();
    } catch (error) {
      if (!(error instanceof DryRunRollback)) throw error;
    }
    added = [];
    return { ...base, status: dryRun ? 'dry-run' : 'imported', changes, files, auditChain: receivedAnchorNote(anchorCheck) };
  } catch (error) {
    if (error instanceof AppError && error.code === 'CANCELLED') throw error;
    if (!(error instanceof BundleRefusal)) return failed(ctx, self, file, error, opened, dryRun);
    // the refusal is recorded, the data is not touched
    try {
      recordRefusal(ctx, self, file, error, opened, dryRun);
    } catch (auditError) {
      return failed(ctx, self, file, auditError, opened, dryRun);
    }
    return refused(file, error, opened);
  } finally {
    // files of a bundle that did not go in leave the store again
    let keepJournal = false;
    try {
      if (added.length > 0) removeUnreferenced(ctx, added);
    } catch {
      keepJournal = true; // the sweep at the next open reads the run's journal and removes them
    }
    opened?.dispose();
    if (!keepJournal) run.dispose();
  }
}

/**
 * Imports bundles one by one, each all or nothing: a refused one is reported with
 * its reason and changes no data; the others still go in. Files are taken in
 * name order (export names carry the sequence number), and one refused for a gap
 * is tried again once another file of the batch went in.
 */
export async function importBundles(ctx: CoreContext, input: ParsedInput<'bundles.import'>): Promise<BundleImportResult[]> {
  const self = requireIdentity(ctx);
  const identities = loadIdentities(ctx, input.passphrase);
  if (identities.length === 0) throw new AppError('NOT_FOUND', '本单位尚未创建密钥，无法打开数据包。');
  const files = [...new Set(input.paths.map((p) => path.resolve(p)))].sort((a, b) => a.localeCompare(b, 'zh-CN', { numeric: true }));
  return ctx.jobs.run(input.jobId, async (job) => {
    const results = new Map<string, BundleImportResult>();
    let pending = files;
    // a gap may be filled by another file of the same batch (a whole USB folder): retry those while progress is made
    for (;;) {
      let progressed = false;
      for (const file of pending) {
        job.checkpoint();
        const result = await importOne(ctx, self, file, identities, input.dryRun, job);
        results.set(file, result);
        if (result.status === 'imported') progressed = true;
      }
      pending = pending.filter((f) => results.get(f)?.reason === 'gap');
      if (!progressed || pending.length === 0) break;
    }
    return files.map((f) => results.get(f)!);
  });
}
