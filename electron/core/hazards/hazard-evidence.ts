import type Database from 'better-sqlite3';
import { AppError } from '../../api/errors.ts';
import { evidenceMime, fileSize, readHead, storeContent } from '../acceptance/evidence-files.ts';
import { getAcceptanceSettings } from '../acceptance/acceptance-settings.ts';
import { attachmentPath } from '../bundle/paths.ts';
import type { CoreContext } from '../context.ts';
import { stagedFilePath } from '../files/staging.ts';
import { newId } from '../ids.ts';

// Evidence before/after a rectification goes into the same content-hash store and
// attachments table as acceptance evidence (same type checks, same size cap), so a
// photo is kept once and travels in bundles like any other attachment.

export interface StoredEvidence {
  sha256: string;
  name: string;
  size: number;
  mime: string;
}

/** Checks staged files and copies their bytes to the store: before the transaction (harmless if it fails). */
export function storeStagedEvidence(ctx: CoreContext, stagedIds: readonly string[]): StoredEvidence[] {
  const capMb = getAcceptanceSettings(ctx).maxEvidenceMb;
  return [...new Set(stagedIds)].map((sha256) => {
    const staged = stagedFilePath(ctx, sha256);
    const size = fileSize(staged.path);
    if (size === 0) throw new AppError('VALIDATION', `文件“${staged.name}”是空文件。`);
    if (size > capMb * 1024 * 1024) {
      throw new AppError('VALIDATION', `文件“${staged.name}”过大（${(size / 1024 / 1024).toFixed(1)} MB）：每份佐证材料不能超过 ${capMb} MB。请压缩后再上传。`);
    }
    const mime = evidenceMime(staged.name, readHead(staged.path));
    storeContent(staged.path, attachmentPath(ctx, sha256));
    return { sha256, name: staged.name, size, mime };
  });
}

/** The attachments rows for stored evidence (reusing this node's row for the same file); inside the transaction. */
export function attachmentIds(sqlite: Database.Database, nodeId: string, now: string, files: readonly StoredEvidence[]): string[] {
  return files.map((f) => {
    const existing = sqlite.prepare('SELECT id FROM attachments WHERE origin_node = ? AND sha256 = ? AND file_name = ? AND deleted_at IS NULL').get(nodeId, f.sha256, f.name) as
      | { id: string }
      | undefined;
    if (existing) return existing.id;
    const id = newId();
    sqlite
      .prepare('INSERT INTO attachments (id, origin_node, created_at, updated_at, version, sha256, size, file_name, mime_type) VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?)')
      .run(id, nodeId, now, now, f.sha256, f.size, f.name, f.mime);
    return id;
  });
}
