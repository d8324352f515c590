import { afterEach, describe, expect, it, vi } from 'vitest';
import { districtCore, type TestCore } from '../../tests/support/core.ts';
import { AppError } from '../api/errors.ts';
import { createCore, toEnvelope } from './dispatch.ts';
import { handlers } from './handlers.ts';

let t: TestCore;
afterEach(() => {
  vi.restoreAllMocks();
  t?.cleanup();
});

describe('dispatch', () => {
  it('refuses a name outside the contract', async () => {
    t = await districtCore();
    expect(await t.core.callByName('units.drop', {})).toMatchObject({ ok: false, code: 'UNKNOWN_CALL' });
    expect(await t.core.callByName('__proto__', {})).toMatchObject({ ok: false, code: 'UNKNOWN_CALL' });
  });

  it('validates input against the contract with a Chinese message naming the field', async () => {
    t = await districtCore();
    const result = await t.core.call('units.create', { districtId: 'seed-district-03', name: '', uscc: 'x' });
    expect(result).toEqual({ ok: false, code: 'VALIDATION', message: '请填写使用单位名称', details: { field: 'name', issues: [{ field: 'name', path: 'name', message: '请填写使用单位名称' }] } });
  });

  it('returns every problem of an input at once, each with its field path, and lists them in the message', async () => {
    t = await districtCore();
    const result = await t.core.call('complaints.create', {
      receivedOn: '2026-13-01',
      channel: 'fax',
      reporter: { name: '王'.repeat(51) },
      content: '举'.repeat(4001),
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const issues = result.details!['issues'] as Array<{ field: string; path: string; message: string }>;
    expect(issues.map((i) => i.path)).toEqual(['receivedOn', 'channel', 'reporter.name', 'content']);
    expect(issues.find((i) => i.path === 'content')).toEqual({ field: 'content', path: 'content', message: '举报内容不能超过 4000 个字符' });
    expect(result.details!.field).toBe('receivedOn');
    for (const issue of issues) expect(result.message).toContain(issue.message);
  });

  it('hides internal errors behind a Chinese message and reports them to the host', async () => {
    t = await districtCore();
    const onInternalError = vi.fn();
    const core = createCore(t.core.ctx, { onInternalError });
    vi.spyOn(handlers, 'stats.get').mockImplementation(() => {
      throw new Error('secret /home/path stack');
    });
    const result = await core.call('stats.get', {});
    expect(result).toMatchObject({ ok: false, code: 'INTERNAL' });
    expect(JSON.stringify(result)).not.toContain('secret');
    expect(onInternalError).toHaveBeenCalledOnce();
  });

  it('treats a handler that breaks its output contract as an internal error', async () => {
    t = await districtCore();
    vi.spyOn(handlers, 'stats.get').mockReturnValue({ units: 'many' } as never);
    expect(await t.core.call('stats.get', {})).toMatchObject({ ok: false, code: 'INTERNAL' });
  });

  it('passes AppError codes and details through', () => {
    expect(toEnvelope(new AppError('CONFLICT', '已被修改', { field: 'name' }))).toEqual({ code: 'CONFLICT', message: '已被修改', details: { field: 'name' } });
  });
});
