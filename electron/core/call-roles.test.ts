import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { districtCore, type TestCore } from '../../tests/support/core.ts';
import { forbiddenMessage } from '../api/call-spec.ts';
import { contract, type CallName, type CoreCallName } from '../api/contract.ts';
import { NodeRole } from '../api/schemas/node.ts';
import { handlers } from './handlers.ts';

let t: TestCore;
afterEach(() => {
  vi.restoreAllMocks();
  t?.cleanup();
});

async function nodeOf(role: NodeRole): Promise<TestCore> {
  const core = await districtCore({ init: false });
  const init = { district: { districtId: 'seed-district-03', name: '塘桥分局' }, bureau: { name: '市局特设科' }, training: { name: '市培训中心' } }[role];
  await core.ok('node.init', { role, ...init, });
  return core;
}

/** Every row of every table: equal before and after means nothing was written. */
function everything(core: TestCore): string {
  const { sqlite } = core.core.ctx.database;
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string }>;
  const hash = createHash('sha256');
  for (const { name } of tables) hash.update(name).update(JSON.stringify(sqlite.prepare(`SELECT * FROM "${name}"`).all()));
  return hash.digest('hex');
}

describe('call roles', () => {
  it('every call in the contract declares which node roles may make it', () => {
    const names = Object.keys(contract) as CallName[];
    expect(names.length).toBeGreaterThan(200);
    for (const name of names) {
      const { roles } = contract[name];
      expect(roles.length, name).toBeGreaterThan(0);
      expect(new Set(roles).size, name).toBe(roles.length);
      for (const role of roles) expect(NodeRole.options, name).toContain(role);
    }
  });

  // valid inputs, so that only the role stops them
  const wrongRole: Array<{ role: NodeRole; name: CoreCallName; input: unknown; message: string }> = [
    { role: 'district', name: 'districts.save', input: { name: '新区' }, message: '分局列表由市局维护。请通过数据包接收市局下发的分局列表。' },
    { role: 'bureau', name: 'hazards.create', input: { unitId: 'u1', description: '某隐患', level: 'general', foundBy: '市局', foundOn: '2026-02-12' }, message: '隐患由分局登记和办理；本机不是分局节点，只能查看。' },
    { role: 'training', name: 'steering.saveTarget', input: { districtId: 'seed-district-03', version: 0, pilotUnitId: null, rolloutTarget: 6, supervisorsTarget: 3 }, message: '推进目标由市局办理；本机不是市局节点。' },
    { role: 'bureau', name: 'training.saveSession', input: { title: '第一期', startDate: '2026-11-20' }, message: '培训班由培训中心（或分局为本局培训班）办理；市局只能查看和核验。' },
    { role: 'training', name: 'summaries.get', input: { month: '2026-12' }, message: '工作小结由分局填写、市局审阅；本机不能查看。' },
    { role: 'district', name: 'training.publishPool', input: {}, message: '监督员库由市局发布；本机不是市局节点。' },
  ];

  for (const { role, name, input, message } of wrongRole) {
    it(`refuses ${name} on a ${role} node before its handler runs, and writes nothing`, async () => {
      t = await nodeOf(role);
      expect(contract[name].input.safeParse(input).success).toBe(true);
      const handler = vi.spyOn(handlers, name);
      const before = everything(t);
      expect(await t.core.call(name, input)).toEqual({ ok: false, code: 'FORBIDDEN', message });
      expect(handler).not.toHaveBeenCalled();
      expect(everything(t)).toBe(before);
    });
  }

  it('lets a role the call declares through to its handler', async () => {
    t = await nodeOf('bureau');
    const handler = vi.spyOn(handlers, 'districts.save');
    expect(await t.core.call('districts.save', { name: '新区' })).toMatchObject({ ok: true, value: { name: '新区' } });
    expect(handler).toHaveBeenCalledOnce();
  });

  it('asks an uninitialised node to set itself up first, before any role check', async () => {
    t = await districtCore({ init: false });
    expect(await t.core.call('steering.progress', {})).toMatchObject({ ok: false, code: 'NOT_INITIALIZED' });
  });

  it('names the call and who may make it when the contract gives no message of its own', () => {
    expect(forbiddenMessage({ roles: ['district', 'training'], summary: '登记一项工作' }, 'bureau')).toBe('“登记一项工作”由分局或培训中心办理；本机是市局节点，不能办理。');
  });
});
