import { callNames, IPC_PREFIX } from '../api/contract.ts';
import type { Result } from '../api/errors.ts';
import type { Core } from '../core/dispatch.ts';
import { isTrustedAppUrl } from './security.ts';
import { text } from './text.ts';

// One handle() for every contract call (Signal's wrapResult): check the sender,
// hand the call on, return an envelope. In the app the calls go to a router
// (core-host/host-calls.ts): host.* to the main process's dialogs, checked against
// the contract there, everything else over the port to the core process, whose
// dispatcher checks it. Written against small structural types rather than
// electron's classes so the tests can drive it with a fake ipcMain and a real core.

export interface IpcMainLike<Event> {
  handle(channel: string, listener: (event: Event, input: unknown) => Promise<Result<unknown>>): void;
  removeHandler(channel: string): void;
}

export type SenderCheck<Event> = (event: Event) => boolean;

const unauthorized: Result<never> = { ok: false, code: 'UNAUTHORIZED', message: text.ipc.unauthorized };

/** Binds every call of the contract, and nothing else; returns a function that unbinds them. */
export function bindContract<Event>(
  ipcMain: IpcMainLike<Event>,
  core: Pick<Core, 'callByName'>,
  isTrustedSender: SenderCheck<Event>,
): () => void {
  const channels = callNames.map((name) => {
    const channel = IPC_PREFIX + name;
    ipcMain.handle(channel, async (event, input) => {
      if (!isTrustedSender(event)) return unauthorized;
      try {
        return await core.callByName(name, input);
      } catch {
        // callByName already turns errors into envelopes; this only guarantees that
        // nothing unexpected (and no stack trace) crosses to the renderer.
        return { ok: false, code: 'INTERNAL', message: text.ipc.internal };
      }
    });
    return channel;
  });
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}

/** The parts of WebFrameMain the check reads. */
export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
  readonly processId: number;
  readonly routingId: number;
}

export interface InvokeEventLike {
  readonly sender: unknown;
  readonly senderFrame: FrameLike | null;
}

export interface WindowLike {
  isDestroyed(): boolean;
  readonly webContents: { readonly mainFrame: FrameLike };
}

/**
 * Trusted = sent by the top frame of our main window while it shows our own
 * origin. Subframes, other windows and pages that navigated away are refused.
 */
export function mainWindowSender(getWindow: () => WindowLike | null): SenderCheck<InvokeEventLike> {
  return (event) => {
    const window = getWindow();
    if (!window || window.isDestroyed()) return false;
    if (event.sender !== window.webContents) return false;
    try {
      const frame = event.senderFrame;
      if (!frame || frame.parent !== null) return false;
      const top = window.webContents.mainFrame;
      if (frame.processId !== top.processId || frame.routingId !== top.routingId) return false;
      return isTrustedAppUrl(frame.url);
    } catch {
      // a frame disposed mid-call throws on access: it cannot be trusted
      return false;
    }
  };
}
