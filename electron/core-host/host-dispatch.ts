import { z } from 'zod';
import { contract, isCallName, type CallName, type CallOutput, type ParsedInput } from '../api/contract.ts';
import { AppError, type ErrorEnvelope, type Result } from '../api/errors.ts';

// The few calls a host answers itself (jobs.* from shared memory, host.* with its
// dialogs) get the same treatment as the core's: the contract's schema checks the
// input, the output is checked, an error leaves as a code and a Chinese message.
// Kept apart from the core's dispatcher so the Electron main process does not load the core.

z.config(z.locales.zhCN());

const internal: ErrorEnvelope = { code: 'INTERNAL', message: '程序内部错误，操作未完成。请重试；如仍出错，请联系技术支持。' };

export type HostHandler<K extends CallName> = (input: ParsedInput<K>) => CallOutput<K> | Promise<CallOutput<K>>;

export async function dispatchHostCall<K extends CallName>(
  name: K,
  rawInput: unknown,
  handler: HostHandler<K>,
  onInternalError: (name: string, error: unknown) => void = () => {},
): Promise<Result<CallOutput<K>>> {
  try {
    const spec = contract[name];
    const input = spec.input.parse(rawInput ?? {}) as ParsedInput<K>;
    const output = await handler(input);
    const checked = spec.output.safeParse(output);
    if (!checked.success) throw new Error(`${name} returned data outside its contract: ${checked.error.message}`);
    return { ok: true, value: checked.data as CallOutput<K> };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, ...error.toEnvelope() };
    if (error instanceof z.ZodError) {
      const issue = error.issues[0]!;
      const field = issue.path.map(String).at(-1);
      return { ok: false, code: 'VALIDATION', message: `输入有误：${issue.message}`, ...(field ? { details: { field } } : {}) };
    }
    onInternalError(name, error);
    return { ok: false, ...internal };
  }
}

export function unknownCall(name: string): Result<never> {
  return { ok: false, code: 'UNKNOWN_CALL', message: `没有名为“${name}”的操作` };
}

export { isCallName };
