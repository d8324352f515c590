import type { CallInput, CallName, CallOutput, QklBridge } from '../../../electron/api/contract.ts';
import type { ErrorCode, Result } from '../../../electron/api/errors.ts';
import { coreState } from '../host/core-state.ts';
import { i18n } from '../i18n/index.ts';

declare global {
  interface Window {
    /** defined by the Electron preload or the browser host's bridge script; absent otherwise */
    readonly qkl?: QklBridge;
  }
}

/** A refused call: the core's stable code, its Chinese message, and the input field it is about. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    /** what the core added for the page (e.g. every unreadable row of an import) */
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Fired on window when a call was refused for want of a 经办人. */
export const OPERATOR_REQUIRED_EVENT = 'qkl:operator-required';

/** The message to show for anything a call threw, ApiError or not. */
export function errorMessage(error: unknown): string {
  return error instanceof ApiError ? error.message : i18n.t('api.internal');
}

async function call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  const bridge = window.qkl;
  if (!bridge) throw new ApiError('INTERNAL', i18n.t('api.noBridge'));
  // One function per call on the bridge; indexing by a generic name loses the pairing, so restate it.
  const fn = bridge[name] as (input: CallInput<K>) => Promise<Result<CallOutput<K>>>;
  const result = await fn(input);
  if (result.ok) return result.value;
  // the data service is down: the banner offers the restart, whichever page asked
  if (result.code === 'CORE_STOPPED') coreState.markStopped();
  // the 经办人 is gone (deactivated meanwhile) or was never chosen: the app asks for one
  if (result.code === 'OPERATOR_REQUIRED') window.dispatchEvent(new Event(OPERATOR_REQUIRED_EVENT));
  const field = typeof result.details?.field === 'string' ? result.details.field : undefined;
  throw new ApiError(result.code, result.message, field, result.details);
}

/** The renderer's only way to the core: `await api.call('units.query', {...})` resolves to the value or throws ApiError. */
export const api = { call };
