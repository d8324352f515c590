import { copyFileSync, existsSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import { and, eq, isNull } from 'drizzle-orm';
import type { OpenedDatabase } from '../../../db/open.ts';
import { attachments } from '../../../db/schema/index.ts';
import { AppError } from '../../api/errors.ts';
import { getAcceptanceSettings } from '../acceptance/acceptance-settings.ts';
import type { CoreContext } from '../context.ts';
import { ensurePrivateDir } from '../files/private-files.ts';
import { stagedFilePath } from '../files/staging.ts';
import { newId } from '../ids.ts';
import { fileMime, readHead } from './kinds.ts';

// The one store of attached files (acceptance evidence, hazard photos, inspection
// records, meeting minutes, summaries, publicity photos, city templates): each file
// is kept once under its sha256 beside the database, whatever its name, and named
// by a row of the synced attachments table, so it travels in bundles. Every file
// a user adds passes the same checks here: not empty, within the size cap of the
// acceptance settings, and of an accepted type confirmed by its first bytes.

export interface StoredFile {
  sha256: string;
  name: string;
  size: number;
  mime: string;
}

/** Content-addressed: a file is stored once under its sha256, whatever its name. */
export function attachmentPath(ctx: CoreContext, sha256: string): string {
  return path.join(path.dirname(ctx.database.file), 'attachments', sha256.slice(0, 2), sha256);
}

/** Checks staged files and copies their bytes to the store: before the transaction (harmless if it fails). */
export function storeStaged(ctx: CoreContext, stagedIds: readonly string[]): StoredFile[] {
  const capMb = getAcceptanceSettings(ctx).maxEvidenceMb;
  return [...new Set(stagedIds)].map((sha256) => {
    const staged = stagedFilePath(ctx, sha256);
    const size = statSync(staged.path).size;
    if (size === 0) throw new AppError('VALIDATION', `文件“${staged.name}”是空文件。`);
    if (size > capMb * 1024 * 1024) {
      throw new AppError('VALIDATION', `文件“${staged.name}”过大（${(size / 1024 / 1024).toFixed(1)} MB）：每份佐证材料不能超过 ${capMb} MB。请压缩或分页扫描后再上传。`);
    }
    const mime = fileMime(staged.name, readHead(staged.path));
    storeCopy(staged.path, attachmentPath(ctx, sha256));
    return { sha256, name: staged.name, size, mime };
  });
}

/**
 * The attachments rows for stored files (reusing this node's row for the same file); inside the
 * transaction. Not through the write layer: the rows are audited in their owner's entry (the
 * hazard, the record), not one entry each.
 */
export function attachmentIds(database: Pick<OpenedDatabase, 'db'>, nodeId: string, now: string, files: readonly StoredFile[]): string[] {
  const { db } = database;
  return files.map((f) => {
    const existing = db
      .select({ id: attachments.id })
      .from(attachments)
      .where(and(eq(attachments.originNode, nodeId), eq(attachments.sha256, f.sha256), eq(attachments.fileName, f.name), isNull(attachments.deletedAt)))
      .get();
    if (existing) return existing.id;
    const id = newId();
    db.insert(attachments)
      .values({ id, originNode: nodeId, createdAt: now, updatedAt: now, version: 1, sha256: f.sha256, size: f.size, fileName: f.name, mimeType: f.mime })
      .run();
    return id;
  });
}

/** Copies a file into the store once; through a `.part` file, so a crash never leaves half a file under a valid hash. */
function storeCopy(source: string, target: string): void {
  if (existsSync(target)) return;
  ensurePrivateDir(path.dirname(target));
  copyFileSync(source, `${target}.part`);
  renameSync(`${target}.part`, target);
}
