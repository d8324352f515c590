import type { JobProgress } from '../../../electron/api/schemas/jobs.ts';
import { api } from '../api/client.ts';

const POLL_MS = 300;

export interface RunningJob<T> {
  jobId: string;
  result: Promise<T>;
  /** asks the core to stop; the call then rejects with CANCELLED and nothing is changed */
  cancel: () => Promise<void>;
}

function newJobId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // app:// pages are a secure context, but keep a fallback that still matches the contract's pattern
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Starts a long call under a job id of our making and polls jobs.progress every
 * 300 ms until it settles, so the page can show the phase and a bar.
 */
export function runJob<T>(start: (jobId: string) => Promise<T>, onProgress: (progress: JobProgress) => void): RunningJob<T> {
  const jobId = newJobId();
  let settled = false;
  const result = start(jobId).finally(() => {
    settled = true;
  });
  void (async () => {
    while (!settled) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      if (settled) break;
      try {
        const progress = await api.call('jobs.progress', { jobId });
        if (!settled && progress.state === 'running') onProgress(progress);
      } catch {
        // a missed poll is not worth a message; the next one will tell
      }
    }
  })();
  return {
    jobId,
    result,
    cancel: async () => {
      await api.call('jobs.cancel', { jobId });
    },
  };
}
