import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/support/temp.ts';
import { qkl } from '../../../tests/support/cli.ts';
import { addUnit, addUnits } from '../../core/blocks/testing/fixtures.ts';
import { openCore } from '../../core/open-core.ts';

const temps: ReturnType<typeof tempDir>[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

/** A 塘桥 database with 12 list-1 units in 塘桥镇, six of them in a block of 6 with a lead and an inspector, and a block of 4. */
async function database() {
  const t = tempDir();
  temps.push(t);
  const file = t.file('塘桥.sqlite');
  expect((await qkl('init', '--db', file, '--role', 'district', '--name', '塘桥分局', '--district', '塘桥')).code).toBe(0);
  const core = openCore({ file, host: 'test' });
  const { sqlite } = core.ctx.database;
  const units = addUnits(sqlite, 12, { prefix: '塘桥' });
  const small = addUnits(sqlite, 4, { prefix: '小组', town: '杨舍镇' });
  addUnit(sqlite, { name: '张家港市塘桥小厂', pieces: 5 });
  const ok = async (name: 'inspectors.save' | 'blocks.save', input: unknown) => {
    const result = await core.call(name, input);
    if (!result.ok) throw new Error(result.message);
    return result.value as { id: string };
  };
  const inspector = await ok('inspectors.save', { name: '陈监察', enforcementNo: 'JS0001' });
  const six = await ok('blocks.save', { name: '塘桥第1组', memberUnitIds: units.slice(0, 6), leadUnitId: units[5], inspectorIds: [inspector.id] });
  const four = await ok('blocks.save', { name: '杨舍小组', memberUnitIds: small });
  const uscc = (id: string) => (sqlite.prepare('SELECT uscc FROM units WHERE id = ?').get(id) as { uscc: string }).uscc;
  const facts = { file, six: six.id, four: four.id, sixMembers: units.slice(0, 6).map(uscc), lead: uscc(units[5]!), free: units.slice(6).map(uscc), smallMembers: small.map(uscc) };
  core.close();
  return facts;
}

describe('qkl blocks', () => {
  it('lists the blocks as JSON: members and lead by credit code, inspectors by name, problems by code', async () => {
    const db = await database();
    const result = await qkl('blocks', 'list', '--db', db.file, '--json');
    expect(result).toMatchObject({ code: 0, err: '' });
    const blocks = JSON.parse(result.out);
    expect(blocks).toEqual([
      { id: db.six, name: '塘桥第1组', leadUnit: db.lead, members: expect.any(Array), inspectors: ['陈监察'], problems: ['lead-not-demo'] },
      { id: db.four, name: '杨舍小组', leadUnit: null, members: expect.any(Array), inspectors: [], problems: ['too-small', 'no-lead', 'no-inspector'] },
    ]);
    expect([...blocks[0].members].sort()).toEqual([...db.sixMembers].sort());
    expect(blocks[0].members[0]).toBe(db.lead);
    expect([...blocks[1].members].sort()).toEqual([...db.smallMembers].sort());
  });

  it('says the same in Chinese without --json', async () => {
    const db = await database();
    const result = await qkl('blocks', 'list', '--db', db.file);
    expect(result.code).toBe(0);
    const lines = result.out.split('\n');
    expect(lines[0]).toMatch(/^安全管理小组 2 个（截至 \d{4}-\d{2}-\d{2}，规模 5–10 家）：$/);
    expect(lines[1]).toMatch(/^塘桥第1组　成员 6 家　牵头单位：张家港市塘桥06机械有限公司　监察人员：陈监察　在用设备 \d+ 台　超期检验 0 台$/);
    expect(result.out).toContain('  问题：成员 4 家，少于 5 家');
    expect(result.out).toContain('  提示：牵头单位“张家港市塘桥06机械有限公司”尚未通过示范单位验收');
  });

  it('prints suggestions for list-1 units not yet in a block, writing nothing', async () => {
    const db = await database();
    const before = await qkl('stats', '--db', db.file, '--json');
    const result = await qkl('blocks', 'suggest', '--db', db.file, '--json');
    expect(result).toMatchObject({ code: 0, err: '' });
    const proposals = JSON.parse(result.out);
    expect(proposals).toEqual([{ name: '塘桥镇第1组', town: '塘桥镇', leadUnit: db.free[5], members: expect.any(Array), problems: ['lead-not-demo'] }]);
    expect([...proposals[0].members].sort()).toEqual([...db.free].sort());
    expect(JSON.parse((await qkl('blocks', 'list', '--db', db.file, '--json')).out)).toHaveLength(2);
    expect((await qkl('stats', '--db', db.file, '--json')).out).toBe(before.out);

    const text = await qkl('blocks', 'suggest', '--db', db.file);
    expect(text.out.split('\n')[0]).toBe('分组建议 1 组，涉及清单一中尚未编组的使用单位 6 家（规模 5–10 家；仅为建议，未写入）：');
    expect(text.out).toContain('塘桥镇第1组　6 家　建议牵头单位：张家港市塘桥12机械有限公司');
  });

  it('answers mistakes with one Chinese line and the usual exit codes', async () => {
    const db = await database();
    expect(await qkl('blocks')).toMatchObject({ code: 2, out: expect.stringContaining('qkl blocks') });
    expect(await qkl('blocks', 'merge', '--db', db.file)).toMatchObject({ code: 2, err: expect.stringContaining('未知的 blocks 子命令') });
    expect(await qkl('blocks', 'list')).toMatchObject({ code: 2, err: expect.stringContaining('缺少 --db') });
    expect(await qkl('blocks', 'list', '--db', `${db.file}.missing`)).toMatchObject({ code: 1, err: expect.stringMatching(/^错误：数据库文件不存在/) });
    const t = tempDir();
    temps.push(t);
    const bureau = t.file('市局.sqlite');
    await qkl('init', '--db', bureau, '--role', 'bureau', '--name', '市局特设科');
    expect(await qkl('blocks', 'suggest', '--db', bureau)).toMatchObject({ code: 1, err: expect.stringContaining('不是分局节点') });
    expect(await qkl('blocks', 'list', '--db', bureau, '--json')).toMatchObject({ code: 0, out: '[]' });
  });
});
