import { SealedFileError } from './sealed-file.ts';

// Why an export or import could not finish, for the clerk: the cause and what to
// do. The caller says what happened to the data; this only names the cause.

export type FailureKind = 'busy' | 'disk' | 'work-file' | 'unknown';

export function failureKind(error: unknown): FailureKind {
  if (error instanceof SealedFileError) return 'work-file';
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'busy';
  if (['ENOSPC', 'EACCES', 'EPERM', 'EROFS', 'EIO', 'ENOENT', 'ENOTDIR', 'EISDIR', 'EDQUOT', 'EEXIST', 'SQLITE_FULL', 'SQLITE_IOERR', 'SQLITE_READONLY'].some((c) => code.startsWith(c))) return 'disk';
  return 'unknown';
}

export function failureCause(error: unknown): string {
  switch (failureKind(error)) {
    case 'busy':
      return '数据库正被另一个程序（例如同时运行的 qkl 命令或另一个窗口）占用';
    case 'work-file':
      return '临时文件在处理过程中被改动或损坏（可能是磁盘故障或其他程序干扰）';
    case 'disk': {
      const code = String((error as { code?: unknown }).code);
      if (code === 'ENOSPC' || code === 'SQLITE_FULL' || code === 'EDQUOT') return '磁盘空间不足';
      if (code === 'EEXIST') return '同名文件已存在';
      if (code === 'ENOENT') return '文件夹不存在或U盘已拔出';
      return `无法读写文件（${code}，可能没有权限、磁盘只读或已拔出）`;
    }
    default:
      return '程序内部错误';
  }
}
