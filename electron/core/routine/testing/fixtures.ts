import { eq } from 'drizzle-orm';
import { safetyManagers } from '../../../../db/schema/index.ts';
import type { TestCore } from '../../../../tests/support/core.ts';
import { blockWithLead } from '../../hazards/testing/fixtures.ts';

/** 张一 … 陆六: distinct names for the six units' managers (the block fixtures name them all 王建国). */
export const managerNames = ['张一', '李二', '王三', '赵四', '钱五', '陆六'];

/**
 * The 塘桥 office's block of six units (塘桥01 … 塘桥06, 01 the lead) with one inspector,
 * each unit with one safety manager holding a valid A certificate; the managers' ids in
 * the order of the units.
 */
export async function routineBlock(t: TestCore): Promise<{ units: string[]; managers: string[]; blockId: string; inspectorId: string }> {
  const block = await blockWithLead(t);
  const { db } = t.core.ctx.database;
  const managers = block.units.map((unitId, i) => {
    const row = db.select({ id: safetyManagers.id }).from(safetyManagers).where(eq(safetyManagers.unitId, unitId)).get();
    if (!row) throw new Error(`no safety manager for unit ${unitId}`);
    db.update(safetyManagers).set({ name: managerNames[i]! }).where(eq(safetyManagers.id, row.id)).run();
    return row.id;
  });
  return { ...block, managers };
}

/** Every item of the common checklist (C01–C16) complying, but those given. */
export function commonItems(problems: Record<string, string> = {}): Array<{ code: string; result: 'ok' | 'problem'; note: string | null }> {
  return Array.from({ length: 16 }, (_, i) => `C${String(i + 1).padStart(2, '0')}`).map((code) => (problems[code] ? { code, result: 'problem' as const, note: problems[code]! } : { code, result: 'ok' as const, note: null }));
}
