import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { districtCore } from '../../tests/support/core.ts';
import { schemaLabel } from './schema-labels.ts';

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
});
