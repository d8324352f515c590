import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../api/errors.ts';
import type { CoreContext } from '../context.ts';
import { exchangeDir } from './paths.ts';

/** The .qklb files of a folder (a USB stick's root, a share), newest first; not recursive. */
export function scanBundles(ctx: CoreContext, input: { dir?: string | undefined }) {
  const dir = path.resolve(input.dir ?? exchangeDir(ctx, 'in'));
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    throw new AppError('NOT_FOUND', `无法打开文件夹：${dir}。请确认U盘已插好或路径正确。`);
  }
  const files = names
    .filter((n) => n.toLowerCase().endsWith('.qklb'))
    .flatMap((fileName) => {
      const full = path.join(dir, fileName);
      const stat = statSync(full, { throwIfNoEntry: false });
      return stat?.isFile() ? [{ path: full, fileName, size: stat.size, modifiedAt: stat.mtime.toISOString() }] : [];
    })
    .sort((a, b) => a.fileName.localeCompare(b.fileName, 'zh-CN', { numeric: true }));
  return { dir, files };
}
