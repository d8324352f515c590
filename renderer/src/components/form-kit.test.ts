import { beforeAll, describe, expect, it, vi } from 'vitest';
import type * as ClientModule from '../api/client.ts';
import type * as FormErrorsModule from './form-errors.ts';
import type * as TabBarModule from './TabBar.tsx';
import type * as LoadModule from './useLoad.ts';

// The client module starts i18next, which reads the stored language and sets <html lang>.
let kit: typeof FormErrorsModule;
let client: typeof ClientModule;
let load: typeof LoadModule;
let tabs: typeof TabBarModule;
beforeAll(async () => {
  vi.stubGlobal('localStorage', { getItem: () => 'zh-CN', setItem: () => undefined });
  vi.stubGlobal('document', { documentElement: {} });
  client = await import('../api/client.ts');
  kit = await import('./form-errors.ts');
  load = await import('./useLoad.ts');
  tabs = await import('./TabBar.tsx');
});

describe('a refused save on a form', () => {
  it('puts every issue at its field, the unplaced ones at the top, and keeps what the page found itself', () => {
    const refused = new client.ApiError('VALIDATION', '共 3 处问题', undefined, {
      issues: [
        { field: 'description', path: 'description', message: '请填写隐患描述' },
        { field: 'unitId', path: 'unitId', message: '单位不存在' },
        { field: 'version', path: 'version', message: '记录已被修改，请刷新' },
      ],
    });
    const found = kit.toFormErrors(refused, ['unitId', 'description']);
    expect(found).toEqual({ fields: { description: '请填写隐患描述', unitId: '单位不存在' }, general: ['记录已被修改，请刷新'] });
    // the page said which unit is missing in its own words before the refusal came back
    const own = { fields: { unitId: '请选择单位' }, general: ['记录已被修改，请刷新'] };
    const shown = kit.withOwnErrors(own, found);
    expect(shown.fields).toEqual({ description: '请填写隐患描述', unitId: '请选择单位' });
    expect(shown.general).toEqual(['记录已被修改，请刷新']);
    expect(kit.errorCount(shown)).toBe(3);
  });
});

describe('a load as a page state', () => {
  const reload = () => Promise.resolve();
  it('is loading until the current read answers, then ready or refused', () => {
    expect(load.loadState({ value: null, error: null, loading: true, reload })).toEqual({ kind: 'loading' });
    expect(load.loadState({ value: { n: 1 }, error: null, loading: false, reload })).toEqual({ kind: 'ready', value: { n: 1 } });
    expect(load.loadState({ value: null, error: '没有这条记录', loading: false, reload })).toEqual({ kind: 'failed', message: '没有这条记录' });
    // a newer read is running: the old value is not shown as the answer to it
    expect(load.loadState({ value: { n: 1 }, error: null, loading: true, reload })).toEqual({ kind: 'loading' });
  });
});

describe('the tab an address asks for', () => {
  it('is one of the page tabs, or the first when the address names none', () => {
    const pageTabs = ['plans', 'records', 'orders'] as const;
    expect(tabs.tabFrom('orders', pageTabs, 'plans')).toBe('orders');
    expect(tabs.tabFrom('nonsense', pageTabs, 'plans')).toBe('plans');
    expect(tabs.tabFrom(null, pageTabs, 'plans')).toBe('plans');
  });
});
