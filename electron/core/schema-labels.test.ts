import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { districtCore } from '../../tests/support/core.ts';
import { contract } from '../api/contract.ts';
import { fieldPaths, schemaLabel } from './schema-labels.ts';

/** "units.update: data.address" for every input field without a label. */
function unlabelled(calls: Record<string, { input: z.ZodType }>): string[] {
  return Object.entries(calls).flatMap(([name, spec]) =>
    fieldPaths(spec.input)
      .filter((path) => !schemaLabel(spec.input, path))
      .map((path) => `${name}: ${path.join('.')}`),
  );
}

describe('field labels from the schemas', () => {
  it('finds the label attached to a field through wrappers, nested objects, arrays and unions', () => {
    const input = z.object({
      id: z.string(),
      data: z.object({ title: z.string().max(5).meta({ label: '名称' }).optional() }),
      items: z.array(z.object({ comment: z.string().meta({ label: '意见' }) })).meta({ label: '检查项' }),
      scope: z.discriminatedUnion('kind', [z.object({ kind: z.literal('units'), unitIds: z.array(z.string()).meta({ label: '使用单位' }) }), z.object({ kind: z.literal('all') })]),
    });
    expect(schemaLabel(input, ['data', 'title'])).toBe('名称');
    expect(schemaLabel(input, ['items', 2, 'comment'])).toBe('意见');
    expect(schemaLabel(input, ['items', 2])).toBe('检查项');
    expect(schemaLabel(input, ['scope', 'unitIds', 0])).toBe('使用单位');
    expect(schemaLabel(input, ['id'])).toBeUndefined();
    expect(schemaLabel(input, ['nothing'])).toBeUndefined();
  });

  it('names a field by its own schema’s label in the message: a publicity activity’s title is its 名称', async () => {
    const t = await districtCore();
    try {
      const result = await t.core.call('publicity.save', { kind: 'publicity_day', title: 5, heldOn: '2026-06-16', participants: 1 });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      const issues = result.details!['issues'] as Array<{ field: string; message: string }>;
      expect(issues.find((i) => i.field === 'title')?.message).toMatch(/^名称：/);
    } finally {
      t.cleanup();
    }
  });

  it('has a label on every field of every call’s input, so no message shows a programme name', () => {
    const fields = Object.values(contract).flatMap((spec) => fieldPaths(spec.input));
    expect(fields.length).toBeGreaterThan(800);
    expect(unlabelled(contract)).toEqual([]);
  });

  it('would see a field without a label, however deep it sits', () => {
    const input = z.object({
      name: z.string().meta({ label: '名称' }),
      reporter: z.object({ phone: z.string().optional() }).meta({ label: '举报人' }),
      items: z.array(z.object({ note: z.string().meta({ label: '说明' }), code: z.string() })).meta({ label: '检查项' }),
      scope: z.union([z.object({ unitIds: z.array(z.string()) }), z.object({ all: z.literal(true).meta({ label: '全部' }) })]).meta({ label: '范围' }),
    });
    expect(unlabelled({ 'x.save': { input } })).toEqual(['x.save: reporter.phone', 'x.save: items.0.code', 'x.save: scope.unitIds']);
  });

  it('names a field by its label in the message when zod’s own words do not', async () => {
    const t = await districtCore();
    try {
      const result = await t.core.call('units.create', { districtId: 'seed-district-03', name: '塘桥机械', uscc: '', address: '路'.repeat(300), contactPhone: '12' });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      const issues = result.details!['issues'] as Array<{ field: string; message: string }>;
      expect(issues.find((i) => i.field === 'address')?.message).toMatch(/^地址：/);
      expect(issues.find((i) => i.field === 'contactPhone')?.message).toMatch(/^联系电话：电话号码格式不正确/);
    } finally {
      t.cleanup();
    }
  });
});
