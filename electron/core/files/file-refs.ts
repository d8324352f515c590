import { randomBytes } from 'node:crypto';
import { linkSync, copyFileSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../api/errors.ts';
import type { CoreContext } from '../context.ts';
import { stagedFilePath } from './staging.ts';

// A window never names an OS path. Where a call of the exchange takes a file or a
// folder, the page passes a reference it was handed:
//   picked:<32 hex>  a file or folder the user chose in the host's native dialog (or
//                    opened by double-click): the host told the core its path (grantPath),
//                    the page only ever sees the reference;
//   staged:<64 hex>  a file the page uploaded with files.stage (browser host, drops).
// The command line and tests may pass plain paths; a window host may not.

export type GrantKind = 'file' | 'folder';

interface Grant {
  path: string;
  kind: GrantKind;
}

const PICKED = /^picked:([0-9a-f]{32})$/;
const STAGED = /^staged:([0-9a-f]{64})$/;

// per core: the grants die with the core (a restart asks the user again)
const grantsByCore = new WeakMap<CoreContext, Map<string, Grant>>();

function grantsOf(ctx: CoreContext): Map<string, Grant> {
  let grants = grantsByCore.get(ctx);
  if (!grants) {
    grants = new Map();
    grantsByCore.set(ctx, grants);
  }
  return grants;
}

const pathsAllowed = (ctx: CoreContext) => ctx.host === 'cli' || ctx.host === 'test';

export function isFileRef(value: string): boolean {
  return PICKED.test(value) || STAGED.test(value);
}

/** Called by the host, never by a page: the user chose this path in a native dialog. */
export function grantPath(ctx: CoreContext, absolutePath: string, kind: GrantKind): string {
  if (!path.isAbsolute(absolutePath)) throw new AppError('VALIDATION', '选择的位置不是完整路径');
  const ref = `picked:${randomBytes(16).toString('hex')}`;
  grantsOf(ctx).set(ref, { path: path.normalize(absolutePath), kind });
  return ref;
}

function grantFor(ctx: CoreContext, ref: string, kind: GrantKind): Grant {
  const grant = grantsOf(ctx).get(ref);
  if (!grant || grant.kind !== kind) {
    throw new AppError('NOT_FOUND', kind === 'folder' ? '所选文件夹已失效（程序重新启动过），请重新选择文件夹' : '所选文件已失效（程序重新启动过），请重新选择文件');
  }
  return grant;
}

/**
 * A staged file under its own name: the staging store keeps files by hash, but an
 * import records the name the user knows (数据包 塘桥-0003.qklb), so it reads a hard
 * link named like the upload (a copy where links are not possible).
 */
function namedStagedFile(ctx: CoreContext, id: string): string {
  const staged = stagedFilePath(ctx, id);
  pruneNamedLinks(path.dirname(staged.path), ctx.now().getTime());
  const dir = path.join(path.dirname(staged.path), 'named', id);
  const named = path.join(dir, path.basename(staged.name) || id);
  try {
    if (statSync(named, { throwIfNoEntry: false })?.size === statSync(staged.path).size) return named;
    mkdirSync(dir, { recursive: true });
    rmSync(named, { force: true });
    try {
      linkSync(staged.path, named);
    } catch {
      copyFileSync(staged.path, named);
    }
    return named;
  } catch {
    throw new AppError('NOT_FOUND', '找不到已上传的文件（可能已过期），请重新选择文件');
  }
}

/** The file a call names: a picked or staged reference, or (command line and tests only) a path. */
export function resolveUserFile(ctx: CoreContext, value: string): string {
  if (PICKED.test(value)) return grantFor(ctx, value, 'file').path;
  const staged = STAGED.exec(value);
  if (staged) return namedStagedFile(ctx, staged[1]!);
  if (!pathsAllowed(ctx)) throw new AppError('FORBIDDEN', '请用“选择文件”选定文件，界面不能直接填写路径');
  return path.resolve(value);
}

/** The folder a call names: a picked folder, or (command line and tests only) a path. */
export function resolveUserFolder(ctx: CoreContext, value: string): string {
  if (PICKED.test(value)) return grantFor(ctx, value, 'folder').path;
  if (!pathsAllowed(ctx)) throw new AppError('FORBIDDEN', '请用“选择文件夹”选定位置，界面不能直接填写路径');
  return path.resolve(value);
}

/**
 * What the core tells a window about a file it found or wrote: a reference the page
 * can pass back (to import it, to save a copy), never the path. The command line keeps paths.
 */
export function fileRefFor(ctx: CoreContext, absolutePath: string): string {
  return pathsAllowed(ctx) ? absolutePath : grantPath(ctx, absolutePath, 'file');
}

/** The path behind a reference, for the host (a save dialog copying a file the core made). Host only. */
export function resolveRefForHost(ctx: CoreContext, ref: string): string {
  if (PICKED.test(ref)) return grantFor(ctx, ref, 'file').path;
  const staged = STAGED.exec(ref);
  if (staged) return stagedFilePath(ctx, staged[1]!).path;
  throw new AppError('VALIDATION', '文件引用格式不正确');
}

/** Named links older than a day are not needed any more (the staged file itself is kept a week). */
function pruneNamedLinks(stagingDir: string, now: number): void {
  const root = path.join(stagingDir, 'named');
  let ids: string[];
  try {
    ids = readdirSync(root);
  } catch {
    return;
  }
  for (const id of ids) {
    if (!/^[0-9a-f]{64}$/.test(id)) continue;
    try {
      if (statSync(path.join(root, id)).mtimeMs < now - 24 * 3600 * 1000) rmSync(path.join(root, id), { recursive: true, force: true });
    } catch {
      // gone meanwhile
    }
  }
}
