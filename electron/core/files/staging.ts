import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../api/errors.ts';
import { MAX_STAGED_BYTES, type StagedFile } from '../../api/schemas/files.ts';
import type { CoreContext } from '../context.ts';

const KEEP_DAYS = 7;

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
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, id);
  // write then rename: a crash never leaves a half file under a valid hash
  writeFileSync(`${file}.tmp`, content);
  renameSync(`${file}.tmp`, file);
  const name = path.basename(input.name.replace(/\\/g, '/'));
  writeFileSync(`${file}.json`, JSON.stringify({ name, size: content.length, stagedAt: ctx.now().toISOString() }));
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

function pruneStaging(dir: string, now: Date): void {
  const cutoff = now.getTime() - KEEP_DAYS * 24 * 3600 * 1000;
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).mtimeMs < cutoff) rmSync(full, { force: true });
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
