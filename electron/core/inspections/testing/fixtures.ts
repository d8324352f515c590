import { eq } from 'drizzle-orm';
import { equipment, units } from '../../../../db/schema/index.ts';
import type { TestCore } from '../../../../tests/support/core.ts';
import { addUnit } from '../../blocks/testing/fixtures.ts';
import { blockWithLead } from '../../hazards/testing/fixtures.ts';

export interface Office {
  /** six 塘桥 units with elevators, in the block 塘桥第一组 */
  units: string[];
  blockId: string;
  /** 陈监察 (the block's) and 李监察 */
  chen: string;
  li: string;
  /** units with forklifts (5000) in use; one more has its forklift stopped, one is in another district */
  forklifts: string[];
  stopped: string;
  elsewhere: string;
}

const forklift = { kind: '5000', category: '5100', variety: '5110' };

/** The 塘桥 office: a block of six, two inspectors, two forklift users and the units that must not count. */
export async function office(t: TestCore): Promise<Office> {
  const sqlite = t.core.ctx.database.sqlite;
  const block = await blockWithLead(t);
  const li = await t.ok('inspectors.save', { name: '李监察', enforcementNo: 'JS3205820002', phone: '0512-58123457' });
  const forklifts = [addUnit(sqlite, { name: '张家港市塘桥物流有限公司', pieces: 3, kind: forklift }), addUnit(sqlite, { name: '张家港市塘桥仓储有限公司', pieces: 1, kind: forklift })];
  const stopped = addUnit(sqlite, { name: '张家港市塘桥停用叉车公司', pieces: 1, kind: forklift });
  t.core.ctx.database.db.update(equipment).set({ status: 'stopped' }).where(eq(equipment.unitId, stopped)).run();
  const elsewhere = addUnit(sqlite, { name: '张家港市锦丰叉车公司', pieces: 2, kind: forklift });
  t.core.ctx.database.db.update(units).set({ districtId: 'seed-district-01' }).where(eq(units.id, elsewhere)).run();
  return { units: block.units, blockId: block.blockId, chen: block.inspectorId, li: li.id, forklifts, stopped, elsewhere };
}
