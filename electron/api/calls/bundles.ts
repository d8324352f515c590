import { z } from 'zod';
import { anyNode, call } from '../call-spec.ts';
import { Empty } from '../schemas/common.ts';
import { BundleExported, BundleExportInput, BundleImportInput, BundleImportResult, BundleScan, BundleScanInput, ReceiptImported, ReceiptImportInput, ReceiptsWritten, ReceiptWriteInput, ReceivedBundle, SentBundle } from '../schemas/bundles.ts';

export const bundleCalls = {
  'bundles.export': call(BundleExportInput, BundleExported, '导出数据包（签名并加密）', anyNode),
  'bundles.sent': call(Empty, z.array(SentBundle), '本节点导出的数据包记录', anyNode),
  'bundles.scan': call(BundleScanInput, BundleScan, '列出文件夹中的数据包（.qklb）', anyNode),
  'bundles.import': call(BundleImportInput, z.array(BundleImportResult), '校验并导入数据包（可只预览）', anyNode),
  'bundles.received': call(Empty, z.array(ReceivedBundle), '已导入的数据包记录', anyNode),
  'bundles.writeReceipts': call(ReceiptWriteInput, ReceiptsWritten, '为已导入的数据包出具签名回执', { roles: ['bureau'], forbidden: '只有市局出具回执。' }),
  'bundles.importReceipt': call(ReceiptImportInput, ReceiptImported, '导入市局回执，标记数据包已送达', anyNode),
} as const;
