import { afterEach, describe, expect, it } from 'vitest';
import { districtCore, type TestCore } from '../../../tests/support/core.ts';

let t: TestCore;
afterEach(() => t?.cleanup());

describe('node identity', () => {
  it('starts empty and is set once', async () => {
    t = await districtCore({ init: false });
    expect(await t.ok('node.get', {})).toBeNull();
    const identity = await t.ok('node.init', { role: 'district', name: '塘桥分局', districtId: 'seed-district-03' });
    expect(identity).toMatchObject({ role: 'district', name: '塘桥分局', districtId: 'seed-district-03' });
    expect(await t.ok('node.get', {})).toEqual(identity);
    expect(await t.core.call('node.init', { role: 'bureau', name: '市局' })).toMatchObject({ ok: false, code: 'ALREADY_INITIALIZED' });
  });

  it('refuses an unknown district and an unknown role', async () => {
    t = await districtCore({ init: false });
    expect(await t.core.call('node.init', { role: 'district', name: 'x', districtId: 'nope' })).toMatchObject({ ok: false, details: { field: 'districtId' } });
    expect(await t.core.call('node.init', { role: 'admin', name: 'x' })).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(await t.ok('node.get', {})).toBeNull();
  });
});

describe('districts', () => {
  it('lists the seeded districts, pilots first', async () => {
    t = await districtCore();
    const list = await t.ok('districts.list', {});
    expect(list.slice(0, 6).map((d) => d.name)).toEqual(['开发区', '东城', '塘桥', '锦丰', '南丰', '乐余']);
    expect(list.every((d) => d.active)).toBe(true);
  });

  it('lets only the bureau edit the list', async () => {
    t = await districtCore();
    expect(await t.core.call('districts.save', { name: '新区' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    t.cleanup();

    t = await districtCore({ init: false });
    await t.ok('node.init', { role: 'bureau', name: '张家港市市场监督管理局' });
    const created = await t.ok('districts.save', { name: '高新区', sortOrder: 50 });
    expect(created).toMatchObject({ name: '高新区', version: 1, active: true });
    const renamed = await t.ok('districts.save', { id: created.id, version: 1, name: '高新技术区', sortOrder: 50 });
    expect(renamed).toMatchObject({ name: '高新技术区', version: 2 });
    expect(await t.core.call('districts.save', { name: '塘桥' })).toMatchObject({ ok: false, code: 'DUPLICATE' });
    const hidden = await t.ok('districts.save', { id: created.id, version: 2, name: '高新技术区', active: false });
    expect((await t.ok('districts.list', {})).some((d) => d.id === hidden.id)).toBe(false);
    expect((await t.ok('districts.list', { includeInactive: true })).some((d) => d.id === hidden.id)).toBe(true);
  });
});
