import { describe, expect, it } from 'vitest';
import type { LedgerSummary } from './ledger-fields.ts';
import { acceptInput, heldRows, updateRows, withAccepted } from './update-rows.ts';

const counts = { inserted: 0, updated: 1, unchanged: 0 };
const issue = (row: number, code: string) => ({ sheet: '设备台账', row, column: '使用登记证编号', columnLetter: 'J', value: '', code, message: '' });
const summary = {
  units: { inserted: 0, updated: 0, unchanged: 1 },
  equipment: counts,
  managers: { inserted: 0, updated: 0, unchanged: 0 },
  warnings: [issue(2, 'IDENTITY_CHANGED'), issue(3, 'IDENTITY_CHANGED'), issue(4, 'DATE_INVALID')],
  updates: [
    { sheet: '设备台账', row: 2, entity: 'equipment', key: 'A', changes: [{ field: 'registrationNo', before: 'x', after: 'y' }] },
    { sheet: '设备台账', row: 3, entity: 'equipment', key: 'B', changes: [{ field: 'registrationNo', before: 'x', after: 'z' }, { field: 'location', before: null, after: '1号楼' }] },
    { sheet: '设备台账', row: 5, entity: 'equipment', key: 'C', changes: [{ field: 'status', before: 'in_use', after: 'stopped' }] },
  ],
} as unknown as LedgerSummary;

describe('the wizard’s update rows', () => {
  it('flattens updates per field, marks held rows and counts accepted ones as updates', () => {
    const held = heldRows(summary);
    expect(held.size).toBe(2);
    const accepted = new Set([...held].filter((k) => k.endsWith('\u00003')));
    const rows = updateRows(summary, held, accepted);
    expect(rows.map((r) => [r.row, r.field, r.held, r.accepted])).toEqual([
      [2, 'registrationNo', true, false],
      [3, 'registrationNo', true, true],
      [3, 'location', true, true],
      [5, 'status', false, false],
    ]);
    expect(withAccepted(summary, accepted).equipment).toEqual({ inserted: 0, updated: 2, unchanged: 0 });
    expect(acceptInput(held, accepted, summary)).toEqual([{ sheet: '设备台账', row: 3 }]);
    expect(acceptInput(held, new Set(held), summary)).toBe('all');
    expect(acceptInput(held, new Set(), summary)).toBeUndefined();
  });
});
