import type { bundleCalls } from '../../api/calls/bundles.ts';
import type { cityCalls } from '../../api/calls/city.ts';
import { fileRefFor, resolveUserFile, resolveUserFolder } from '../files/file-refs.ts';
import type { HandlerGroup } from '../handler-types.ts';
import { cityOverview } from './city-overview.ts';
import { exportBundle } from './export-service.ts';
import { importBundles } from './import-service.ts';
import { importReceipt, writeReceipts } from './receipts.ts';
import { listReceived } from './received-log.ts';
import { scanBundles } from './scan.ts';
import { listSent } from './sent-log.ts';

// The exchange's files and folders come from a window as references (files/file-refs.ts)
// and from the command line as paths: they are resolved here, once, before a service
// sees them, and what the services wrote or found goes back to a window as references.

export const bundleHandlers: HandlerGroup<keyof typeof bundleCalls | keyof typeof cityCalls> = {
  'bundles.export': async (ctx, input) => {
    const exported = await exportBundle(ctx, {
      ...input,
      ...(input.outDir !== undefined ? { outDir: resolveUserFolder(ctx, input.outDir) } : {}),
      ...(input.outFile !== undefined ? { outFile: resolveUserFile(ctx, input.outFile) } : {}),
    });
    return { ...exported, ref: fileRefFor(ctx, exported.file) };
  },
  'bundles.sent': (ctx) => listSent(ctx),
  'bundles.scan': (ctx, input) => {
    const scan = scanBundles(ctx, input.dir !== undefined ? { dir: resolveUserFolder(ctx, input.dir) } : {});
    return { ...scan, files: scan.files.map((f) => ({ ...f, path: fileRefFor(ctx, f.path) })) };
  },
  'bundles.import': (ctx, input) => importBundles(ctx, { ...input, paths: input.paths.map((p) => resolveUserFile(ctx, p)) }),
  'bundles.received': (ctx) => listReceived(ctx),
  'bundles.writeReceipts': (ctx, input) => {
    const written = writeReceipts(ctx, { ...input, ...(input.outDir !== undefined ? { outDir: resolveUserFolder(ctx, input.outDir) } : {}) });
    return { receipts: written.receipts.map((r) => ({ ...r, ref: fileRefFor(ctx, r.file) })) };
  },
  'bundles.importReceipt': (ctx, input) => importReceipt(ctx, { path: resolveUserFile(ctx, input.path) }),
  'city.overview': (ctx) => cityOverview(ctx),
};
