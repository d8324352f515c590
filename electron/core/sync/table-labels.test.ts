import { describe, expect, it } from 'vitest';
import { isLabelledTable, syncTableLabels } from '../../api/sync-table-labels.ts';
import { tableLabel } from './authority.ts';
import { syncedTables } from './tables.ts';

// The contract's label list is the one the renderer and the CLI read; the core's list of
// synced tables decides what travels. They must name the same tables in the same order.
describe('synced-table labels', () => {
  it('label every synced table, in bundle order, and nothing else', () => {
    expect(Object.keys(syncTableLabels)).toEqual([...syncedTables]);
  });

  it('are Chinese words, each used once', () => {
    const labels = syncedTables.map((t) => tableLabel(t));
    for (const label of labels) expect(label).toMatch(/^[\u4e00-\u9fff]+$/);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('know a synced table from any other name', () => {
    expect(isLabelledTable('training_attendees')).toBe(true);
    expect(isLabelledTable('audit_log')).toBe(false);
    expect(isLabelledTable('toString')).toBe(false);
  });
});
