import { afterEach, describe, expect, it } from 'vitest';
import { districtCore, type TestCore } from '../../../tests/support/core.ts';
import { dataDigestOf } from './testing/digest.ts';
import { addAcceptanceFile, addUnit, addUnits } from './testing/fixtures.ts';
import { chunkSizes } from './suggest.ts';
import { townOf } from './towns.ts';

let t: TestCore;
afterEach(() => t?.cleanup());
const sqlite = () => t.core.ctx.database.sqlite;

describe('chunkSizes', () => {
  it('cuts into as few balanced groups as the maximum allows', () => {
    expect(chunkSizes(0, 10)).toEqual([]);
    expect(chunkSizes(4, 10)).toEqual([4]);
    expect(chunkSizes(10, 10)).toEqual([10]);
    expect(chunkSizes(11, 10)).toEqual([6, 5]);
    expect(chunkSizes(13, 10)).toEqual([7, 6]);
    expect(chunkSizes(21, 10)).toEqual([7, 7, 7]);
    // with the default 5–10 no group of more than 10 units is ever below 5
    for (let n = 11; n <= 200; n++) expect(Math.min(...chunkSizes(n, 10))).toBeGreaterThanOrEqual(5);
  });
});

describe('townOf', () => {
  it('reads the town or street office from a Zhangjiagang address', () => {
    expect(townOf('张家港市塘桥镇人民路12号')).toBe('塘桥镇');
    expect(townOf('江苏省张家港市金港街道长江中路1号')).toBe('金港街道');
    expect(townOf('张家港市锦丰镇江苏扬子江国际冶金工业园锦绣路3号')).toBe('锦丰镇');
    expect(townOf('张家港保税区长江中路')).toBe('');
    expect(townOf(null)).toBe('');
  });
});

describe('blocks.suggest', () => {
  it('groups list-1 units not yet in a block by town, balanced, with the biggest unit as lead, writing nothing', async () => {
    t = await districtCore({ now: () => new Date('2026-11-28T02:00:00Z') });
    // 塘桥镇: 13 listed units (7 machinery, 6 property), one more already in a block, one not listed
    const machinery = addUnits(sqlite(), 7, { prefix: '塘桥机', industry: '通用设备制造业' });
    const property = addUnits(sqlite(), 6, { prefix: '塘桥物', industry: '物业管理', pieces: 40 });
    const inBlock = addUnits(sqlite(), 1, { prefix: '塘桥已编' });
    addUnit(sqlite(), { name: '张家港市塘桥小五金厂', pieces: 19 });
    // small towns pooled: 3 in 杨舍镇, 1 in 金港街道 → one 跨镇 group of 4, too small
    const yangshe = addUnits(sqlite(), 3, { prefix: '杨舍', town: '杨舍镇' });
    const jingang = addUnits(sqlite(), 1, { prefix: '金港', town: '金港街道', managerExpiry: null });
    await t.ok('blocks.save', { name: '塘桥第1组', memberUnitIds: inBlock });

    const before = dataDigestOf(sqlite());
    const answer = await t.ok('blocks.suggest', {});
    expect(dataDigestOf(sqlite())).toBe(before);
    expect(await t.ok('blocks.suggest', {})).toEqual(answer);

    expect(answer.unitCount).toBe(17);
    expect(answer.proposals.map((p) => [p.name, p.town, p.members.length])).toEqual([
      // 塘桥第1组 is taken by the existing block
      ['塘桥镇第1组', '塘桥镇', 7],
      ['塘桥镇第2组', '塘桥镇', 6],
      ['跨镇第1组', '', 4],
    ]);
    const [first, second, pool] = answer.proposals;
    // machinery (7, the larger industry) first, so the first group is all machinery
    expect(new Set(first!.memberUnitIds)).toEqual(new Set(machinery));
    expect(new Set(second!.memberUnitIds)).toEqual(new Set(property));
    // the lead: the most equipment in use (property units have 40 + i pieces)
    expect(second!.leadUnitId).toBe(property[5]);
    expect(first!.leadUnitId).toBe(machinery[6]);
    expect(first!.problems.map((p) => p.code)).toEqual(['lead-not-demo']);
    expect(new Set(pool!.memberUnitIds)).toEqual(new Set([...yangshe, ...jingang]));
    expect(pool!.problems.map((p) => p.code)).toEqual(['too-small', 'lead-not-demo', 'member-without-manager']);
  });

  it('suggests an accepted demonstration unit as lead before the biggest unit', async () => {
    t = await districtCore({ now: () => new Date('2026-11-28T02:00:00Z') });
    const ids = addUnits(sqlite(), 6, { prefix: '塘桥机', industry: '通用设备制造业' });
    addAcceptanceFile(sqlite(), ids[0]!, 'passed');
    const { proposals } = await t.ok('blocks.suggest', {});
    expect(proposals).toHaveLength(1);
    // ids[5] has the most equipment; the accepted unit leads all the same, with no lead problem
    expect(proposals[0]).toMatchObject({ leadUnitId: ids[0] });
    expect(proposals[0]!.problems.map((p) => p.code)).toEqual([]);
  });

  it('accepts an edited proposal as a new block, and suggests the rest afterwards', async () => {
    t = await districtCore();
    const units = addUnits(sqlite(), 12, { prefix: '塘桥' });
    const { proposals } = await t.ok('blocks.suggest', {});
    expect(proposals.map((p) => p.members.length)).toEqual([6, 6]);
    const chosen = proposals[0]!;
    const block = await t.ok('blocks.acceptSuggestion', { name: `${chosen.name}（已调整）`, memberUnitIds: chosen.memberUnitIds.slice(0, 5), leadUnitId: chosen.leadUnitId, schedule: '每月' });
    expect(block).toMatchObject({ name: '塘桥镇第1组（已调整）', schedule: '每月' });
    expect(block.members).toHaveLength(5);
    expect(sqlite().prepare("SELECT count(*) AS n FROM audit_log WHERE call = 'blocks.acceptSuggestion' AND table_name = 'blocks'").get()).toEqual({ n: 1 });
    const after = await t.ok('blocks.suggest', {});
    expect(after.unitCount).toBe(7);
    expect(after.proposals.flatMap((p) => p.memberUnitIds).sort()).toEqual(units.filter((u) => !block.members.some((m) => m.unitId === u)).sort());
  });
});
