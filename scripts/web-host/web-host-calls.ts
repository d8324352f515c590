import { coreStatus, openedFilesHandler, restartCore, type HostHandlers } from '../../electron/core-host/host-calls.ts';
import type { OpenedFiles } from '../../electron/core-host/opened-files.ts';
import type { CoreRunner } from '../../electron/core-host/runner.ts';

// The browser host's answers to the window's calls. A browser page has no native
// dialogs: it picks files with a file input and saves with a download, and prints
// with the browser (its 另存为 PDF); those three run in the page itself (bridge-script.ts)
// and never reach this server. What reaches it is answered here.

const inPage = (name: string) => () => {
  throw new Error(`${name} is answered by the page's bridge in the browser host`);
};

export function webHostCalls(core: CoreRunner, opened: OpenedFiles): HostHandlers {
  const status = () => ({ kind: 'web' as const, core: coreStatus(core), canPickFolder: false, canSavePdf: false });
  return {
    'host.status': status,
    'host.restartCore': async () => {
      await restartCore(core);
      return status();
    },
    // no folder dialog in a browser: bundles and receipts go to the data folder and are downloaded from there
    'host.pickFolder': () => ({ folder: null }),
    'host.openedFiles': openedFilesHandler(opened),
    'host.pickFile': inPage('host.pickFile'),
    'host.saveFile': inPage('host.saveFile'),
    'host.printToPdf': inPage('host.printToPdf'),
  };
}
