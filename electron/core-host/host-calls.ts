import { isCallName, isHostCallName, type CallName, type HostCallName } from '../api/contract.ts';
import type { Result } from '../api/errors.ts';
import type { HostStatus } from '../api/schemas/host.ts';
import { dispatchHostCall, unknownCall, type HostHandler } from './host-dispatch.ts';
import type { OpenedFiles } from './opened-files.ts';
import { CoreOpenError, type CoreRunner } from './runner.ts';

// The window's own calls (host.*), answered by the host: what both hosts answer the
// same way is here; the dialogs, saving and printing each host brings itself
// (electron/main/host-dialogs.ts, the browser host's bridge).

export type HostHandlers = { [K in HostCallName]: HostHandler<K> };

export interface HostCallRouter {
  callByName(name: string, input: unknown): Promise<Result<unknown>>;
}

export function coreStatus(core: CoreRunner): HostStatus['core'] {
  return core.state === 'running' ? 'running' : core.state === 'starting' ? 'starting' : 'stopped';
}

/** host.restartCore: the database is opened again; a refusal to open says why, as at start. */
export async function restartCore(core: CoreRunner): Promise<void> {
  try {
    await core.restart();
  } catch (error) {
    if (error instanceof CoreOpenError && error.message) throw error;
    throw new CoreOpenError({ code: 'CORE_STOPPED', message: '数据服务仍无法启动，数据库未被修改。请关闭程序后重新打开；如仍出错，请联系技术支持。' }, String(error));
  }
}

export function openedFilesHandler(opened: OpenedFiles): HostHandler<'host.openedFiles'> {
  return () => ({ files: opened.take() });
}

/**
 * One entry for every call of the contract: host.* to the host's handlers (input and
 * output checked against the contract), everything else to the core.
 */
export function routeCalls(core: CoreRunner, handlers: HostHandlers, onInternalError?: (name: string, error: unknown) => void): HostCallRouter {
  return {
    callByName(name, input) {
      if (!isCallName(name)) return Promise.resolve(unknownCall(name));
      if (isHostCallName(name)) return dispatchHostCall(name, input, handlers[name] as HostHandler<typeof name>, onInternalError);
      return core.callByName(name as CallName, input);
    },
  };
}
