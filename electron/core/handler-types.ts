import type { CallName, CallOutput, CoreCallName, ParsedInput } from '../api/contract.ts';
import type { CoreContext } from './context.ts';

export type Handler<K extends CallName> = (ctx: CoreContext, input: ParsedInput<K>) => CallOutput<K> | Promise<CallOutput<K>>;
/** Every call but the window's own (host.*), which the host answers. */
export type Handlers = { [K in CoreCallName]: Handler<K> };
/** The handlers of one domain's calls (electron/api/calls/<domain>.ts). */
export type HandlerGroup<K extends CallName> = { [P in K]: Handler<P> };
