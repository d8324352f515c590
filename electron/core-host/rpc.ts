import { AppError, type ErrorEnvelope, type Result } from '../api/errors.ts';

// The one message protocol between a host and its core, whichever the transport:
// a worker_threads Worker (browser host, and inside Electron's core process), or
// Electron's utilityProcess port (main process ↔ core process). Either side may
// ask the other; every answer is a result envelope, so nothing but a code and a
// Chinese message ever crosses for an error.
//
//   { kind: 'call', id, name, input }  a contract call (validated by the core's dispatcher)
//   { kind: 'op', id, op, args }       a host operation that is not in the contract
//                                      (open, grant a picked path, close …): pages cannot send it
//   { kind: 'reply', id, result }      the answer to either
//   { kind: 'event', event }           something the other side should know (core stopped …)

export type RpcMessage =
  | { kind: 'call'; id: number; name: string; input: unknown }
  | { kind: 'op'; id: number; op: string; args: unknown }
  | { kind: 'reply'; id: number; result: Result<unknown> }
  | { kind: 'event'; event: string; data?: unknown };

/** A two-way message channel, as both transports can be made to look. */
export interface Port {
  post(message: RpcMessage): void;
  /** returns the unsubscribe */
  listen(listener: (message: RpcMessage) => void): () => void;
}

export interface RpcHandlers {
  call?(name: string, input: unknown): Promise<Result<unknown>>;
  ops?: Record<string, (args: unknown) => unknown>;
  event?(event: string, data: unknown): void;
}

const internal: ErrorEnvelope = { code: 'INTERNAL', message: '程序内部错误，操作未完成。请重试；如仍出错，请联系技术支持。' };

function isMessage(value: unknown): value is RpcMessage {
  return typeof value === 'object' && value !== null && typeof (value as { kind?: unknown }).kind === 'string';
}

/**
 * One end of the channel: sends calls and operations and matches their replies,
 * serves the other side's with `handlers`. When the other side is gone, stop()
 * answers everything pending (and everything later) with the given envelope.
 */
export class RpcPeer {
  private nextId = 1;
  private readonly pending = new Map<number, (result: Result<unknown>) => void>();
  private stoppedWith: ErrorEnvelope | null = null;
  private readonly unlisten: () => void;

  constructor(
    private readonly port: Port,
    private readonly handlers: RpcHandlers = {},
    private readonly onInternalError: (what: string, error: unknown) => void = () => {},
  ) {
    this.unlisten = port.listen((message) => {
      if (isMessage(message)) this.receive(message);
    });
  }

  call(name: string, input: unknown): Promise<Result<unknown>> {
    return this.send((id) => ({ kind: 'call', id, name, input }));
  }

  op(op: string, args?: unknown): Promise<Result<unknown>> {
    return this.send((id) => ({ kind: 'op', id, op, args }));
  }

  notify(event: string, data?: unknown): void {
    if (!this.stoppedWith) this.port.post({ kind: 'event', event, ...(data !== undefined ? { data } : {}) });
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  /** The other side is gone: every pending and later request is answered with `envelope`. */
  stop(envelope: ErrorEnvelope): void {
    this.stoppedWith = envelope;
    this.unlisten();
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const settle of waiting) settle({ ok: false, ...envelope });
  }

  private send(make: (id: number) => RpcMessage): Promise<Result<unknown>> {
    if (this.stoppedWith) return Promise.resolve({ ok: false, ...this.stoppedWith });
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      try {
        this.port.post(make(id));
      } catch (error) {
        // an input that cannot be cloned, or a port closed under us
        this.pending.delete(id);
        this.onInternalError('post', error);
        resolve({ ok: false, ...internal });
      }
    });
  }

  private receive(message: RpcMessage): void {
    switch (message.kind) {
      case 'reply': {
        const settle = this.pending.get(message.id);
        this.pending.delete(message.id);
        settle?.(message.result);
        return;
      }
      case 'call':
        void this.answer(message.id, message.name, () => {
          if (!this.handlers.call) return { ok: false, code: 'UNKNOWN_CALL', message: `没有名为“${message.name}”的操作` };
          return this.handlers.call(message.name, message.input);
        });
        return;
      case 'op':
        void this.answer(message.id, message.op, async () => {
          const op = this.handlers.ops && Object.prototype.hasOwnProperty.call(this.handlers.ops, message.op) ? this.handlers.ops[message.op] : undefined;
          if (!op) return { ok: false, code: 'UNKNOWN_CALL', message: `没有名为“${message.op}”的操作` };
          return { ok: true, value: await op(message.args) };
        });
        return;
      case 'event':
        this.handlers.event?.(message.event, message.data);
        return;
    }
  }

  private async answer(id: number, what: string, run: () => Promise<Result<unknown>> | Result<unknown>): Promise<void> {
    let result: Result<unknown>;
    try {
      result = await run();
    } catch (error) {
      result = { ok: false, ...envelopeOf(error) };
      if (result.code === 'INTERNAL') this.onInternalError(what, error);
    }
    if (this.stoppedWith) return;
    try {
      this.port.post({ kind: 'reply', id, result });
    } catch (error) {
      this.onInternalError(what, error);
      this.port.post({ kind: 'reply', id, result: { ok: false, ...internal } });
    }
  }
}

/** An error thrown by an operation, as an envelope: an AppError-like keeps its code and message, anything else is INTERNAL. */
export function envelopeOf(error: unknown): ErrorEnvelope {
  return error instanceof AppError ? error.toEnvelope() : internal;
}

/** The value of an operation's result, or its error thrown again as an AppError. */
export function unwrap<T>(result: Result<unknown>): T {
  if (result.ok) return result.value as T;
  throw new AppError(result.code, result.message, result.details);
}
