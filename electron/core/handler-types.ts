import type { CallName, CallOutput, ParsedInput } from '../api/contract.ts';
import type { CoreContext } from './context.ts';

export type Handler<K extends CallName> = (ctx: CoreContext, input: ParsedInput<K>) => CallOutput<K> | Promise<CallOutput<K>>;
export type Handlers = { [K in CallName]: Handler<K> };
/** The handlers of one domain's calls (electron/api/calls/<domain>.ts). */
export type HandlerGroup<K extends CallName> = { [P in K]: Handler<P> };
