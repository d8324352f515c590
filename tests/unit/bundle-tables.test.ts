import { describe, expect, it } from 'vitest';
import { syncedTables } from '../../electron/core/bundles/sync-tables.ts';
import { bundleTables } from '../../renderer/src/pages/bundles/bundle-format.ts';
import { en } from '../../renderer/src/i18n/en.ts';
import { zhCN } from '../../renderer/src/i18n/zh-CN.ts';

// The renderer may not import the core: the bundle pages read the synced tables from the
// contract's label list; this keeps it the core's list, in the bundle's order, each with a label.
describe('the bundle pages’ table list', () => {
  it('is the core’s synced tables in bundle order, then the attachment files', () => {
    expect(bundleTables).toEqual([...syncedTables, 'files']);
  });

  it('names every table in Chinese and English', () => {
    for (const table of bundleTables) {
      expect(zhCN.bundles.table[table], table).toMatch(/\S/);
      expect(en.bundles.table[table], table).toMatch(/\S/);
    }
  });
});
