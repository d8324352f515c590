import type { Port, RpcMessage } from './rpc.ts';

// The transports, seen as a Port. Written against small structural types so the
// same protocol runs over worker_threads (browser host, and inside Electron's core
// process) and over Electron's utilityProcess, and so tests can drive both with fakes.

/** node:worker_threads Worker and MessagePort (parentPort) share this shape. */
export interface ThreadEndLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  off(event: 'message', listener: (message: unknown) => void): unknown;
}

export function threadPort(end: ThreadEndLike): Port {
  return {
    post: (message) => end.postMessage(message),
    listen(listener) {
      const onMessage = (message: unknown) => listener(message as RpcMessage);
      end.on('message', onMessage);
      return () => void end.off('message', onMessage);
    },
  };
}

/** Electron's UtilityProcess, as the main process sees it. */
export interface UtilityChildLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  off(event: 'message', listener: (message: unknown) => void): unknown;
}

export const utilityChildPort: (child: UtilityChildLike) => Port = threadPort;

/** process.parentPort inside an Electron utility process: messages arrive wrapped in an event. */
export interface UtilityParentLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  off(event: 'message', listener: (event: { data: unknown }) => void): unknown;
}

export function utilityParentPort(parent: UtilityParentLike): Port {
  return {
    post: (message) => parent.postMessage(message),
    listen(listener) {
      const onMessage = (event: { data: unknown }) => listener(event.data as RpcMessage);
      parent.on('message', onMessage);
      return () => void parent.off('message', onMessage);
    },
  };
}
