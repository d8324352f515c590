import type { bundleCalls } from '../../api/calls/bundles.ts';
import type { HandlerGroup } from '../handler-types.ts';
import { cityOverview } from './city-overview.ts';
import { exportBundle } from './export-service.ts';
import { importBundles } from './import-service.ts';
import { importReceipt, writeReceipts } from './receipts.ts';
import { listReceived } from './received-log.ts';
import { scanBundles } from './scan.ts';
import { listSent } from './sent-log.ts';

export const bundleHandlers: HandlerGroup<keyof typeof bundleCalls> = {
  'bundles.export': exportBundle,
  'bundles.sent': (ctx) => listSent(ctx),
  'bundles.scan': scanBundles,
  'bundles.import': importBundles,
  'bundles.received': (ctx) => listReceived(ctx),
  'bundles.writeReceipts': writeReceipts,
  'bundles.importReceipt': importReceipt,
  'city.overview': (ctx) => cityOverview(ctx),
};
