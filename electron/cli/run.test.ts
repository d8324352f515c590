import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../tests/support/temp.ts';
import { qkl } from '../../tests/support/cli.ts';

const temps: ReturnType<typeof tempDir>[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

function db() {
  const t = tempDir();
  temps.push(t);
  return t.file('塘桥.sqlite');
}

describe('qkl init / stats', () => {
  it('creates a database with the node identity, then counts live rows', async () => {
    const file = db();
    const init = await qkl('init', '--db', file, '--role', 'district', '--name', '塘桥分局', '--json');
    expect(init.code).toBe(0);
    expect(JSON.parse(init.out)).toMatchObject({ role: 'district', name: '塘桥分局', districtId: 'seed-district-03' });

    expect(JSON.parse((await qkl('stats', '--db', file, '--json')).out)).toEqual({ units: 0, equipment: 0, managers: 0, districts: 16 });
    const created = await qkl('call', 'units.create', '--db', file, '--input', JSON.stringify({ districtId: 'seed-district-03', name: '甲', uscc: '91110000600037341L' }));
    expect(created.code).toBe(0);
    expect(JSON.parse((await qkl('stats', '--db', file, '--json')).out)).toMatchObject({ units: 1 });
  });

  it('picks the district by --district name', async () => {
    const file = db();
    const init = await qkl('init', '--db', file, '--role', 'district', '--name', '第一分局', '--district', '锦丰', '--json');
    expect(JSON.parse(init.out)).toMatchObject({ districtId: 'seed-district-04' });
  });

  it('answers mistakes with one Chinese line and a non-zero code, changing nothing', async () => {
    const file = db();
    expect(await qkl('stats', '--db', file, '--json')).toMatchObject({ code: 1, out: '', err: expect.stringMatching(/^错误：数据库文件不存在/) });
    expect(await qkl('init', '--db', file, '--role', 'admin', '--name', 'x')).toMatchObject({ code: 2, err: expect.stringContaining('--role') });
    expect(await qkl('init', '--db', file, '--role', 'district', '--name', 'x', '--district', '火星')).toMatchObject({ code: 2, err: expect.stringContaining('找不到分局') });
    expect(await qkl('frobnicate')).toMatchObject({ code: 2, err: expect.stringContaining('未知命令') });
    expect(await qkl('stats', '--bogus')).toMatchObject({ code: 2, err: expect.stringContaining('参数有误') });

    await qkl('init', '--db', file, '--role', 'bureau', '--name', '市局');
    const again = await qkl('init', '--db', file, '--role', 'bureau', '--name', '市局');
    expect(again).toMatchObject({ code: 1, err: expect.stringContaining('不能重复初始化') });
    const bad = await qkl('call', 'units.create', '--db', file, '--input', JSON.stringify({ districtId: 'seed-district-03', name: '甲', uscc: '91110000600037341K' }));
    expect(bad).toMatchObject({ code: 1, err: expect.stringContaining('校验位错误') });
    for (const r of [bad, again]) expect(r.err.split('\n')).toHaveLength(1);
    expect(JSON.parse((await qkl('stats', '--db', file, '--json')).out)).toMatchObject({ units: 0 });
  });

  it('runs as the installed bin with real exit codes', async () => {
    const file = db();
    const run = promisify(execFile);
    const ok = await run('node', ['bin/qkl.mjs', 'init', '--db', file, '--role', 'training', '--name', '技术服务中心']);
    expect(ok.stdout).toContain('已创建培训中心节点');
    const stats = await run('node', ['bin/qkl.mjs', 'stats', '--db', file, '--json']);
    expect(JSON.parse(stats.stdout)).toMatchObject({ units: 0, equipment: 0, managers: 0 });
    await expect(run('node', ['bin/qkl.mjs', 'stats', '--db', `${file}.missing`, '--json'])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^错误：数据库文件不存在.*\n$/),
    });
  });
});

describe('qkl --operator', () => {
  const actors = async (file: string) => {
    const { default: Database } = await import('better-sqlite3');
    const sqlite = new Database(file, { readonly: true });
    try {
      return (sqlite.prepare('SELECT actor, call FROM audit_log ORDER BY seq').all() as Array<{ actor: string; call: string }>).map((r) => `${r.call}:${r.actor}`);
    } finally {
      sqlite.close();
    }
  };

  it('records the 经办人 given with --operator anywhere on the line, else QKL_OPERATOR, else “命令行（OS 账户）”', async () => {
    const file = db();
    expect((await qkl('--operator', '王敏', 'init', '--db', file, '--role', 'district', '--name', '塘桥分局', '--title', '科长')).code).toBe(0);
    // the named person setting up heads the staff list
    expect(JSON.parse((await qkl('call', 'staff.list', '--db', file)).out)).toMatchObject([{ name: '王敏', title: '科长', active: true }]);
    const unit = (name: string, uscc: string) => JSON.stringify({ districtId: 'seed-district-03', name, uscc });
    expect((await qkl('call', 'units.create', '--db', file, '--operator=李强', '--input', unit('甲', '91110000600037341L'))).code).toBe(0);
    process.env['QKL_OPERATOR'] = '赵六';
    try {
      expect((await qkl('call', 'units.create', '--db', file, '--input', unit('乙', '91320582MA1N2B3C4D'))).code).toBe(0);
    } finally {
      delete process.env['QKL_OPERATOR'];
    }
    expect((await qkl('call', 'units.create', '--db', file, '--input', unit('丙', '91320582MA1N2B3C5G'))).code).toBe(0);
    const os = await import('node:os');
    expect(await actors(file)).toEqual(['staff.add:王敏', 'node.init:王敏', 'units.create:李强', 'units.create:赵六', `units.create:命令行（${os.userInfo().username}）`]);
    expect(await qkl('stats', '--db', file, '--operator')).toMatchObject({ code: 2, err: expect.stringContaining('--operator 后应写经办人姓名') });
    // without a named operator, init leaves the staff list empty (the desk asks at first start)
    const other = db();
    expect((await qkl('init', '--db', other, '--role', 'bureau', '--name', '市局特设科')).code).toBe(0);
    expect(JSON.parse((await qkl('call', 'staff.list', '--db', other)).out)).toEqual([]);
  });
});
