import { closeSync, existsSync, fsyncSync, openSync, readFileSync, rmSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { bundlesSent } from '../../../db/schema/index.ts';
import path from 'node:path';
import { appendAudit } from '../audit.ts';
import type { CoreContext } from '../context.ts';
import { PRIVATE_FILE_MODE } from '../files/private-files.ts';
import { sweepRuns } from '../files/work-dir.ts';
import { getIdentity } from '../node/node-service.ts';
import { journalOf, removeUnreferenced } from './attachment-intake.ts';
import { publishBundle } from './format/writer.ts';
import { dataDir } from './paths.ts';

// At every open of the core: finish or undo what killed bundle runs left behind,
// then remove their work folders. Runs of live processes (the CLI and the app may
// share a data folder) are left alone.

const PENDING_EXPORT = 'export.json';

export interface PendingExport {
  bundleId: string;
  /** the `.part` the bundle is written to, beside its final name */
  part: string;
  file: string;
}

/** Noted in the run's folder (on disk) before the `.part` file is created. */
export function notePendingExport(runDir: string, pending: PendingExport): void {
  const fd = openSync(path.join(runDir, PENDING_EXPORT), 'wx', PRIVATE_FILE_MODE);
  try {
    writeSync(fd, JSON.stringify(pending));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Never throws: a step that fails now is tried again at the next open. */
export function recoverBundleWork(ctx: CoreContext): string[] {
  const dir = dataDir(ctx);
  try {
    // earlier versions decrypted bundles here, in plaintext
    rmSync(path.join(dir, 'staging', 'bundles'), { recursive: true, force: true });
  } catch {
    // tried again at the next open
  }
  return sweepRuns(dir, (run) => {
    finishPendingExport(ctx, run.dir);
    removeUnreferenced(ctx, journalOf(run.dir));
  });
}

/**
 * A killed export: a bundle recorded in the sent log gets its final name (it is
 * complete: the log is written only after the file is synced); one that was never
 * recorded is removed, so no bundle ever sits under its final name unrecorded.
 */
function finishPendingExport(ctx: CoreContext, runDir: string): void {
  let pending: PendingExport;
  try {
    pending = JSON.parse(readFileSync(path.join(runDir, PENDING_EXPORT), 'utf8')) as PendingExport;
  } catch {
    return;
  }
  // a USB stick that is not plugged in: decided at a later open
  if (!existsSync(path.dirname(pending.part))) throw new Error(`${path.dirname(pending.part)} is not reachable`);
  const part = statSync(pending.part, { throwIfNoEntry: false, bigint: true });
  if (!part) return;
  const sqlite = ctx.database.sqlite;
  const recorded = sqlite.prepare('SELECT 1 FROM bundles_sent WHERE id = ?').get(pending.bundleId) !== undefined;
  if (!recorded) {
    rmSync(pending.part, { force: true });
    return;
  }
  const final = statSync(pending.file, { throwIfNoEntry: false, bigint: true });
  if (!final) {
    publishBundle(pending.part, pending.file);
    return;
  }
  if (final.ino === part.ino && final.dev === part.dev) {
    unlinkSync(pending.part); // killed between the link and the unlink
    return;
  }
  // another file took the name meanwhile: this bundle never had it, so it is withdrawn
  sqlite.transaction(() => {
    ctx.database.db.delete(bundlesSent).where(eq(bundlesSent.id, pending.bundleId)).run();
    const self = getIdentity(ctx);
    if (self) appendAudit(ctx, { nodeId: self.id, call: 'bundles.export', table: 'bundles_sent', rowIds: [pending.bundleId], after: { status: 'withdrawn', reason: 'name-taken', file: pending.file } });
  }).immediate();
  rmSync(pending.part, { force: true });
}
