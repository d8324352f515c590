import { AppError } from '../api/errors.ts';

// A synchronous question from the core's thread to its host. The core asks for
// Electron's safeStorage (sealing the node's private key) synchronously, and only
// Electron's main process has safeStorage: the core's thread posts the question,
// then waits on shared memory (Atomics.wait: allowed in a worker, never on a host
// thread) until its host has the answer written there. Only the core's thread
// blocks; the host keeps serving.

const STATE = 0;
const OK = 1;
const LENGTH = 2;
const HEADER_BYTES = 16;
const IDLE = 0;
const ASKED = 1;
const ANSWERED = 2;

export const SYNC_CHANNEL_BYTES = HEADER_BYTES + 256 * 1024;
const WAIT_MS = 60_000;

export interface SyncQuestion {
  op: string;
  payload: string;
}

function views(buffer: SharedArrayBuffer) {
  return { header: new Int32Array(buffer, 0, HEADER_BYTES / 4), bytes: new Uint8Array(buffer, HEADER_BYTES) };
}

/** The core's side: ask and wait. `post` delivers the question to the host's thread. */
export function syncAsk(buffer: SharedArrayBuffer, post: (question: SyncQuestion) => void, question: SyncQuestion): string {
  const { header, bytes } = views(buffer);
  Atomics.store(header, STATE, ASKED);
  post(question);
  const deadline = Date.now() + WAIT_MS;
  while (Atomics.load(header, STATE) === ASKED) {
    const left = deadline - Date.now();
    if (left <= 0 || Atomics.wait(header, STATE, ASKED, left) === 'timed-out') {
      Atomics.store(header, STATE, IDLE);
      throw new AppError('INTERNAL', '系统密钥服务没有响应，操作未完成。请重试；如仍出错，请重新启动程序。');
    }
  }
  const text = new TextDecoder().decode(bytes.slice(0, Atomics.load(header, LENGTH)));
  const ok = Atomics.load(header, OK) === 1;
  Atomics.store(header, STATE, IDLE);
  if (!ok) throw new Error(`host refused ${question.op}: ${text}`);
  return text;
}

/** The host's side: answer a question the core posted, then wake the core. */
export async function syncAnswer(buffer: SharedArrayBuffer, question: SyncQuestion, answer: (question: SyncQuestion) => Promise<string>): Promise<void> {
  const { header, bytes } = views(buffer);
  let ok = true;
  let text: string;
  try {
    text = await answer(question);
  } catch (error) {
    ok = false;
    text = error instanceof Error ? error.message : String(error);
  }
  let encoded = new TextEncoder().encode(text);
  if (encoded.length > bytes.length) {
    ok = false;
    encoded = new TextEncoder().encode('answer too large');
  }
  bytes.set(encoded);
  Atomics.store(header, LENGTH, encoded.length);
  Atomics.store(header, OK, ok ? 1 : 0);
  Atomics.store(header, STATE, ANSWERED);
  Atomics.notify(header, STATE);
}
