import type { HostStatus } from '../../../electron/api/schemas/host.ts';
import { api } from '../api/client.ts';
import { useLoad } from '../components/useLoad.ts';

// What the window can do (a folder dialog, PDF files), asked once per page load.
let cached: Promise<HostStatus> | null = null;

export function hostStatus(): Promise<HostStatus> {
  cached ??= api.call('host.status', {}).catch((error: unknown) => {
    cached = null;
    throw error;
  });
  return cached;
}

/** null until known; a host that cannot answer is treated as a browser (no folder dialog, print instead of PDF files) */
export function useHostStatus(): HostStatus | null {
  const { value } = useLoad(() => hostStatus().catch((): HostStatus => ({ kind: 'web', core: 'running', canPickFolder: false, canSavePdf: false })), []);
  return value;
}
