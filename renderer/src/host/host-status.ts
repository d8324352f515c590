import { useEffect, useState } from 'react';
import type { HostStatus } from '../../../electron/api/schemas/host.ts';
import { api } from '../api/client.ts';

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
  const [status, setStatus] = useState<HostStatus | null>(null);
  useEffect(() => {
    let live = true;
    hostStatus().then(
      (s) => live && setStatus(s),
      () => live && setStatus({ kind: 'web', core: 'running', canPickFolder: false, canSavePdf: false }),
    );
    return () => {
      live = false;
    };
  }, []);
  return status;
}
