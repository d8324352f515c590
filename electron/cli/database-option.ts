import { existsSync } from 'node:fs';
import path from 'node:path';
import type { CallName, CallOutput } from '../api/contract.ts';
import { AppError } from '../api/errors.ts';
import { openCore, type OpenedCore } from '../core/open-core.ts';
import { CommandError, UsageError } from './io.ts';
import { cliOperator } from './operator.ts';

export function requireDb(db: string | undefined, mustExist: boolean): string {
  if (!db) throw new UsageError('缺少 --db 参数：请指定数据库文件，例如 --db 塘桥.sqlite');
  const file = path.resolve(db);
  if (mustExist && !existsSync(file)) throw new CommandError(`数据库文件不存在：${file}。请先运行 qkl init 创建。`);
  return file;
}

/** Opens the core for one command; database errors (too new, corrupt) become one-line messages. */
export function withCore<T>(file: string, work: (core: OpenedCore) => Promise<T>): Promise<T> {
  let core: OpenedCore;
  try {
    // the CLI has no safeStorage: private keys are sealed with the passphrase in QKL_PASSPHRASE
    // the 经办人: --operator / QKL_OPERATOR, else the core's "命令行（<OS account>）"
    core = openCore({ file, host: 'cli', actor: cliOperator(), keyAccess: { safeStorage: null, passphrase: process.env['QKL_PASSPHRASE'] || undefined } });
  } catch (error) {
    if (error instanceof AppError) throw new CommandError(error.message);
    throw new CommandError(`无法打开数据库 ${file}：${(error as Error).message}`);
  }
  return work(core).finally(() => core.close());
}

/** Runs a contract call and unwraps it; a refused call becomes a CommandError with the core's message. */
export async function callOrFail<K extends CallName>(core: OpenedCore, name: K, input: unknown): Promise<CallOutput<K>> {
  const result = await core.call(name, input);
  if (!result.ok) throw new CommandError(result.message);
  return result.value;
}
