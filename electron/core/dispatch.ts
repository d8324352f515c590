import { z } from 'zod';
import { contract, isCallName, isHostCallName, type CallName, type CallOutput, type CoreCallName } from '../api/contract.ts';
import { allRoles, forbiddenMessage, type CallSpec } from '../api/call-spec.ts';
import { AppError, type ErrorEnvelope, type Result } from '../api/errors.ts';
import type { CoreContext } from './context.ts';
import { handlers, type Handler } from './handlers.ts';
import { requireIdentity } from './node/node-service.ts';
import { schemaLabel } from './schema-labels.ts';

z.config(z.locales.zhCN());

/** One problem of an input: the field it is about (its own name and its full path) and a Chinese message naming it. */
export interface FieldIssue {
  field?: string;
  /** dotted: "reporter.phone", "items.2.comment" */
  path?: string;
  message: string;
}

function toIssue(issue: z.core.$ZodIssue, callName?: string): FieldIssue {
  const path = issue.path.filter((p) => p !== 'data').map(String);
  // the field is the last named step: an array's element is reported on the array
  const field = [...path].reverse().find((p) => !/^\d+$/.test(p));
  // the label travels with the field's schema (a publicity activity's title is its 名称, a
  // person's is the 职务); every input field has one (schema-labels.test.ts)
  const own = field && callName && isCallName(callName) ? schemaLabel(contract[callName].input, issue.path) : undefined;
  const label = field ? (own ?? field) : undefined;
  // "请填写姓名" already says what is wanted; zod's own messages ("过长…") need the field's name
  const named = issue.message.includes(label ?? '') || issue.message.startsWith('请');
  const message = !label ? `输入有误：${issue.message}` : named ? issue.message : `${label}：${issue.message}`;
  return { ...(field ? { field, path: path.join('.') } : {}), message };
}

/** Every problem of an input at once (one per field), so a form can show them all; the message lists them for the CLI. */
function validationEnvelope(error: z.ZodError, callName?: string): ErrorEnvelope {
  const issues: FieldIssue[] = [];
  for (const issue of error.issues.map((i) => toIssue(i, callName))) {
    if (!issues.some((i) => i.path === issue.path && (issue.path !== undefined || i.message === issue.message))) issues.push(issue);
  }
  const shown = issues.slice(0, 8).map((i) => i.message);
  const message = issues.length > shown.length ? `${shown.join('；')}；等共 ${issues.length} 处` : shown.join('；');
  const field = issues[0]!.field;
  return { code: 'VALIDATION', message, details: { ...(field ? { field } : {}), issues } };
}

/** Turns anything thrown into the envelope that crosses a boundary: a code and a Chinese message, never a stack. */
export function toEnvelope(error: unknown, callName?: string): ErrorEnvelope {
  if (error instanceof AppError) return error.toEnvelope();
  if (error instanceof z.ZodError) return validationEnvelope(error, callName);
  return { code: 'INTERNAL', message: '程序内部错误，操作未完成。请重试；如仍出错，请联系技术支持。' };
}

function isReadOnlyRefusal(error: unknown): boolean {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('SQLITE_READONLY');
}

/** The call's roles (the contract) against this node's: refused before the handler runs, so nothing is read or written. */
function checkRole(ctx: CoreContext, spec: CallSpec): void {
  if (allRoles.every((r) => spec.roles.includes(r))) return;
  const { role } = requireIdentity(ctx);
  if (!spec.roles.includes(role)) throw new AppError('FORBIDDEN', forbiddenMessage(spec, role));
}

export interface Core {
  ctx: CoreContext;
  call<K extends CallName>(name: K, input: unknown): Promise<Result<CallOutput<K>>>;
  /** the same, by a name that came from outside (HTTP path, IPC channel, CLI argument) */
  callByName(name: string, input: unknown): Promise<Result<unknown>>;
}

export interface CoreOptions {
  /** where unexpected errors go (the host's log); never to the caller */
  onInternalError?: (name: string, error: unknown) => void;
}

/** The one entry point every host uses: validates input against the contract, runs the handler, checks the output. */
export function createCore(ctx: CoreContext, options: CoreOptions = {}): Core {
  async function call<K extends CallName>(name: K, rawInput: unknown): Promise<Result<CallOutput<K>>> {
    // the window's dialogs and printing: nothing the core (or the command line) can do
    if (isHostCallName(name)) return { ok: false, code: 'UNKNOWN_CALL', message: `“${name}”由程序窗口提供，此处不可用` };
    try {
      const spec = contract[name];
      const input = spec.input.parse(rawInput ?? {});
      checkRole(ctx, spec);
      const handler = handlers[name as CoreCallName] as unknown as Handler<K>;
      const output = await handler(ctx, input as never);
      const checked = spec.output.safeParse(output);
      // A handler that breaks its own contract is our bug, not the user's input.
      if (!checked.success) throw new Error(`${name} returned data outside its contract: ${checked.error.message}`);
      return { ok: true, value: checked.data as CallOutput<K> };
    } catch (error) {
      // the reader thread's connection is read-only (electron/core-host/routing.ts): a read
      // that turns out to write (an audited contact sheet, stale derived data) is the writer's
      if (ctx.database.sqlite.readonly && isReadOnlyRefusal(error)) return { ok: false, code: 'NEEDS_WRITER', message: '此操作需要写入数据库，已转交写入线程。' };
      const envelope = toEnvelope(error, name);
      if (envelope.code === 'INTERNAL') options.onInternalError?.(name, error);
      return { ok: false, ...envelope };
    }
  }
  return {
    ctx,
    call,
    callByName(name, input) {
      if (!isCallName(name)) {
        return Promise.resolve({ ok: false, code: 'UNKNOWN_CALL', message: `没有名为“${name}”的操作` });
      }

      return call(name, input);
    },
  };
}
