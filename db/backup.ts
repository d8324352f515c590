import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../electron/shared/errors.ts';
import { ensurePrivateDir, makePrivate } from '../electron/core/files/private-files.ts';

const PREFIX = 'qkl-backup-';

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace('T', '-').replace(/\..+$/, '');
}

/**
 * A consistent copy of a live database (VACUUM INTO, never a file copy), checked
 * with integrity_check, keeping the newest `keep` backups in the folder.
 */
export function backupDatabase(sqlite: Database.Database, dir: string, reason: string, keep = 10, now = new Date()): string {
  ensurePrivateDir(dir);
  const safeReason = reason.replace(/[^a-z0-9-]/gi, '_');
  let file = path.join(dir, `${PREFIX}${stamp(now)}-${safeReason}.sqlite`);
  for (let n = 2; existsIn(dir, path.basename(file)); n++) {
    file = path.join(dir, `${PREFIX}${stamp(now)}-${safeReason}-${n}.sqlite`);
  }
  sqlite.prepare('VACUUM INTO ?').run(file);
  // SQLite creates it 0644: a backup holds everything the database does
  makePrivate(file);

  const copy = new Database(file, { readonly: true });
  try {
    const result = copy.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new AppError('DB_CORRUPT', `备份文件校验失败（${String(result)}），请检查磁盘后重试。`);
  } finally {
    copy.close();
  }
  rotate(dir, keep);
  return file;
}

function existsIn(dir: string, name: string): boolean {
  return readdirSync(dir).includes(name);
}

function rotate(dir: string, keep: number): void {
  const backups = readdirSync(dir)
    .filter((f) => f.startsWith(PREFIX) && f.endsWith('.sqlite'))
    .sort();
  for (const old of backups.slice(0, Math.max(0, backups.length - keep))) rmSync(path.join(dir, old));
}

export function listBackups(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => f.startsWith(PREFIX) && f.endsWith('.sqlite'))
      .sort()
      .map((f) => path.join(dir, f));
  } catch {
    return [];
  }
}
