import os from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/support/temp.ts';
import type { CallName, CallOutput } from '../../api/contract.ts';
import { openCore, type OpenedCore } from '../open-core.ts';
import { chooseOperatorByName } from './staff-service.ts';

// 经办人 on real cores over real SQLite files: a browser (or desktop) host starts
// with nobody chosen and refuses writes until someone is; then every write, the
// audit log and the 经办记录 carry that person's name, never the computer account.

const temps: ReturnType<typeof tempDir>[] = [];
const cores: OpenedCore[] = [];
afterEach(() => {
  cores.splice(0).forEach((c) => c.close());
  temps.splice(0).forEach((t) => t.cleanup());
});

function open(host: 'web' | 'cli' | 'electron', file?: string, actor?: string) {
  let path = file;
  if (!path) {
    const t = tempDir();
    temps.push(t);
    path = t.file('qkl.sqlite');
  }
  const core = openCore({ file: path, host, actor });
  cores.push(core);
  const ok = async <K extends CallName>(name: K, input: unknown): Promise<CallOutput<K>> => {
    const result = await core.call(name, input);
    if (!result.ok) throw new Error(`${name} refused: ${result.code} ${result.message}`);
    return result.value;
  };
  return { core, file: path, ok };
}

const audit = (core: OpenedCore) =>
  core.ctx.database.sqlite.prepare('SELECT actor, call, table_name AS tableName FROM audit_log ORDER BY seq').all() as Array<{ actor: string; call: string; tableName: string }>;

const init = { role: 'district', name: '塘桥分局', districtId: 'seed-district-03' };

describe('经办人', () => {
  it('a browser host asks for the person at first start: node.init without one is refused, with one it starts the staff list and records them', async () => {
    const web = open('web');
    expect(await web.core.call('session.get', {})).toEqual({ ok: true, value: { operator: null, activeStaff: 0 } });
    expect(await web.core.call('node.init', init)).toMatchObject({ ok: false, code: 'VALIDATION', details: { field: 'operatorName' } });
    expect(await web.core.call('node.init', { ...init, operatorName: '王敏' })).toMatchObject({ ok: false, code: 'VALIDATION', details: { field: 'operatorTitle' } });
    expect(await web.core.call('node.get', {})).toEqual({ ok: true, value: null });

    await web.ok('node.init', { ...init, operatorName: ' 王敏 ', operatorTitle: '科长' });
    const session = await web.ok('session.get', {});
    expect(session).toMatchObject({ operator: { name: '王敏', title: '科长' }, activeStaff: 1 });
    expect(await web.ok('staff.list', {})).toMatchObject([{ name: '王敏', title: '科长', active: true }]);
    expect(audit(web.core)).toEqual([
      { actor: '王敏', call: 'staff.add', tableName: 'staff' },
      { actor: '王敏', call: 'node.init', tableName: 'node_identity' },
    ]);
  });

  it('refuses a write on a browser host until someone is chosen, then records that name (not the OS account) in the audit log and the hazard’s 经办记录', async () => {
    const first = open('web');
    await first.ok('node.init', { ...init, operatorName: '王敏', operatorTitle: '科长' });
    await first.ok('staff.add', { name: '李强', title: '监察员' });
    first.core.close();
    cores.splice(cores.indexOf(first.core), 1);

    // a restart: nobody is chosen again
    const web = open('web', first.file);
    expect((await web.ok('session.get', {})).operator).toBeNull();
    const refused = await web.core.call('units.create', { districtId: 'seed-district-03', name: '张家港市某机械厂', uscc: '91320582MA1N2B3C4D' });
    expect(refused).toMatchObject({ ok: false, code: 'OPERATOR_REQUIRED', message: expect.stringContaining('请先选择经办人') });
    expect(await web.ok('units.query', {})).toMatchObject({ total: 0 });
    // reads need nobody
    expect(await web.ok('staff.list', {})).toHaveLength(2);
    const li = (await web.ok('staff.list', {})).find((s) => s.name === '李强')!;
    expect(await web.ok('session.setOperator', { staffId: li.id })).toMatchObject({ operator: { staffId: li.id, name: '李强', title: '监察员' } });
    const unit = await web.ok('units.create', { districtId: 'seed-district-03', name: '张家港市某机械厂', uscc: '91320582MA1N2B3C4D' });
    const hazard = await web.ok('hazards.create', { unitId: unit.id, description: '安全阀校验过期', level: 'general', foundBy: '李强', foundOn: '2026-03-02' });
    const log = audit(web.core);
    expect(log.at(-1)).toMatchObject({ actor: '李强', call: 'hazards.create' });
    expect(log.find((e) => e.call === 'units.create')).toMatchObject({ actor: '李强' });
    expect(log.map((e) => e.actor)).not.toContain(os.userInfo().username);
    const events = web.core.ctx.database.sqlite.prepare('SELECT by AS actor FROM hazard_events WHERE hazard_id = ?').all(hazard.id) as Array<{ actor: string }>;
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) expect(e.actor).toBe('李强');
  });

  it('follows a rename of the 经办人, refuses to deactivate them or the last person, and drops a 经办人 deactivated elsewhere', async () => {
    const web = open('web');
    await web.ok('node.init', { ...init, operatorName: '王敏', operatorTitle: '科长' });
    const wang = (await web.ok('staff.list', {}))[0]!;
    expect(await web.core.call('staff.update', { id: wang.id, version: wang.version, active: false })).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringContaining('当前经办人') });
    expect(await web.core.call('staff.add', { name: '王敏', title: '办事员' })).toMatchObject({ ok: false, code: 'DUPLICATE', details: { field: 'name' } });
    const li = await web.ok('staff.add', { name: '李强', title: '监察员' });
    const renamed = await web.ok('staff.update', { id: wang.id, version: wang.version, name: '王敏华' });
    expect((await web.ok('session.get', {})).operator).toMatchObject({ name: '王敏华' });
    expect(await web.core.call('staff.update', { id: wang.id, version: wang.version, title: '副科长' })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(audit(web.core).at(-1)).toMatchObject({ actor: '王敏华', call: 'staff.update' });

    // the command line deactivates 王敏华 behind the browser's back; the browser's next write asks again
    const cli = open('cli', web.file, '李强');
    await cli.ok('staff.update', { id: renamed.id, version: renamed.version, active: false });
    expect(await web.ok('session.get', {})).toMatchObject({ operator: null, activeStaff: 1 });
    expect(await web.core.call('units.create', { districtId: 'seed-district-03', name: '张家港市某机械厂', uscc: '91320582MA1N2B3C4D' })).toMatchObject({ ok: false, code: 'OPERATOR_REQUIRED', message: expect.stringContaining('王敏华') });
    expect(await web.core.call('session.setOperator', { staffId: renamed.id })).toMatchObject({ ok: false, code: 'VALIDATION', message: expect.stringContaining('已停用') });
    await web.ok('session.setOperator', { staffId: li.id });
    expect(await web.core.call('staff.update', { id: li.id, version: li.version, active: false })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect((await web.ok('staff.list', { includeInactive: true })).map((s) => [s.name, s.active])).toEqual([
      ['李强', true],
      ['王敏华', false],
    ]);
  });

  it('lets a person add themselves while nobody is chosen (the chooser at start): they become the 经办人 and record their own addition', async () => {
    const web = open('web');
    await web.ok('node.init', { ...init, operatorName: '王敏', operatorTitle: '科长' });
    const restarted = open('web', web.file);
    const zhao = await restarted.ok('staff.add', { name: '赵六', title: '办事员' });
    expect((await restarted.ok('session.get', {})).operator).toMatchObject({ staffId: zhao.id, name: '赵六' });
    // with a 经办人 chosen, a colleague added is recorded by the 经办人, who stays
    await restarted.ok('staff.add', { name: '孙丽', title: '监察员' });
    expect((await restarted.ok('session.get', {})).operator).toMatchObject({ name: '赵六' });
    expect(audit(restarted.core).slice(-2)).toEqual([
      { actor: '赵六', call: 'staff.add', tableName: 'staff' },
      { actor: '赵六', call: 'staff.add', tableName: 'staff' },
    ]);
    // a refused addition leaves nobody chosen
    const third = open('web', web.file);
    expect(await third.core.call('staff.add', { name: '赵六', title: '办事员' })).toMatchObject({ ok: false, code: 'DUPLICATE' });
    expect((await third.ok('session.get', {})).operator).toBeNull();
  });

  it('lets the first person be added on a node set up before the list existed, and makes them the 经办人', async () => {
    const cli = open('cli', undefined, '王敏');
    await cli.ok('node.init', init);
    expect(audit(cli.core)).toEqual([{ actor: '王敏', call: 'node.init', tableName: 'node_identity' }]);
    const desk = open('electron', cli.file);
    expect(await desk.ok('session.get', {})).toEqual({ operator: null, activeStaff: 0 });
    const first = await desk.ok('staff.add', { name: '陈静', title: '办事员' });
    expect(await desk.ok('session.get', {})).toMatchObject({ operator: { staffId: first.id, name: '陈静' }, activeStaff: 1 });
    expect(audit(desk.core).at(-1)).toEqual({ actor: '陈静', call: 'staff.add', tableName: 'staff' });
  });

  it('chooses an active person by name for the browser host’s --operator, writing nothing; an unknown or deactivated name chooses nobody', async () => {
    const web = open('web');
    await web.ok('node.init', { ...init, operatorName: '王敏', operatorTitle: '科长' });
    const li = await web.ok('staff.add', { name: '李强', title: '监察员' });
    await web.ok('staff.update', { id: li.id, version: li.version, active: false });
    const entries = audit(web.core).length;
    const host = open('web', web.file);
    expect(chooseOperatorByName(host.core.ctx, '李强')).toBe(false);
    expect(chooseOperatorByName(host.core.ctx, '赵六')).toBe(false);
    expect((await host.ok('session.get', {})).operator).toBeNull();
    expect(chooseOperatorByName(host.core.ctx, ' 王敏 ')).toBe(true);
    expect((await host.ok('session.get', {})).operator).toMatchObject({ name: '王敏', title: '科长' });
    expect(audit(host.core)).toHaveLength(entries);
  });

  it('records the command line as “命令行（OS 账户）” unless an operator is given', async () => {
    const cli = open('cli');
    await cli.ok('node.init', init);
    expect(audit(cli.core)[0]!.actor).toBe(`命令行（${os.userInfo().username}）`);
  });
});
