import { createHash, randomBytes } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../api/errors.ts';
import { MAX_STAGED_BYTES, type StagedFile } from '../../api/schemas/files.ts';
import type { CoreContext } from '../context.ts';
import { failureCause } from './failure.ts';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from './private-files.ts';

const KEEP_DAYS = 7;
/** What staging writes: `<sha256>`, its `.json`, and `.tmp` files on the way. Nothing else in the folder is touched. */
const OWN_NAME = /^[0-9a-f]{64}(\.json|(\.[0-9a-f]{8})?\.tmp)?$/;

function stagingDir(ctx: CoreContext): string {
  return path.join(path.dirname(ctx.database.file), 'staging');
}

/**
 * Keeps a file the renderer sent, by its sha256, so later calls name it by id and
 * never by a path the page chose. Old staged files are removed after a week.
 */
export function stageFile(ctx: CoreContext, input: { name: string; contentBase64: string }): StagedFile {
  const content = Buffer.from(input.contentBase64, 'base64');
  if (content.length > MAX_STAGED_BYTES) throw new AppError('VALIDATION', `文件过大：不能超过 ${MAX_STAGED_BYTES / 1024 / 1024} MB`);
  const id = createHash('sha256').update(content).digest('hex');
  const dir = stagingDir(ctx);
  const file = path.join(dir, id);
  const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  const name = path.basename(input.name.replace(/\\/g, '/'));
  try {
    ensurePrivateDir(dir);
    // write then rename: a crash never leaves a half file under a valid hash
    writeFileSync(tmp, content, { mode: PRIVATE_FILE_MODE, flag: 'wx' });
    renameSync(tmp, file);
    writeFileSync(`${file}.json`, JSON.stringify({ name, size: content.length, stagedAt: ctx.now().toISOString() }), { mode: PRIVATE_FILE_MODE });
  } catch (error) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // the folder itself is unusable: nothing was written
    }
    throw new AppError('WRITE_FAILED', `无法保存上传的文件“${name}”：${failureCause(error)}。请检查数据文件夹所在磁盘后重试。`);
  }
  pruneStaging(dir, ctx.now());
  return { id, name, size: content.length };
}

/** The path of a staged file, for services that read it (the id is checked, never a path from outside). */
export function stagedFilePath(ctx: CoreContext, id: string): { path: string; name: string } {
  if (!/^[0-9a-f]{64}$/.test(id)) throw new AppError('VALIDATION', '文件编号格式不正确');
  const file = path.join(stagingDir(ctx), id);
  try {
    const meta = JSON.parse(readFileSync(`${file}.json`, 'utf8')) as { name: string };
    statSync(file);
    return { path: file, name: meta.name };
  } catch {
    throw new AppError('NOT_FOUND', '找不到已上传的文件（可能已过期），请重新选择文件');
  }
}

/** Removes staged files older than a week. Housekeeping only: it never fails the upload that triggered it. */
export function pruneStaging(dir: string, now: Date): void {
  const cutoff = now.getTime() - KEEP_DAYS * 24 * 3600 * 1000;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!OWN_NAME.test(name)) continue;
    try {
      const full = path.join(dir, name);
      const stat = lstatSync(full);
      if (stat.isFile() && stat.mtimeMs < cutoff) rmSync(full, { force: true });
    } catch {
      // gone meanwhile, or not ours to remove: left for the next upload
    }
  }
}

/**
 * Where an imported file comes from: a staged upload, or (CLI and tests only) a path.
 * A page may only name files the user handed over; paths are for the command line and tests.
 */
export function resolveFile(ctx: CoreContext, source: { kind: 'staged'; id: string } | { kind: 'path'; path: string }): { path: string; fileName: string } {
  if (source.kind === 'staged') {
    const staged = stagedFilePath(ctx, source.id);
    return { path: staged.path, fileName: staged.name };
  }
  if (ctx.host !== 'cli' && ctx.host !== 'test') throw new AppError('FORBIDDEN', '界面只能导入通过“选择文件”上传的文件');
  return { path: path.resolve(source.path), fileName: path.basename(source.path) };
}
