import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { zhCN } from './zh-CN.ts';

/** Every key path of a message tree ("units.title", "bundles.table.units"). */
function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'object' && value !== null && !Array.isArray(value) ? keys(value as object, `${prefix}${key}.`) : [`${prefix}${key}`]));
}

describe('the two languages', () => {
  it('have exactly the same keys, area by area', () => {
    const zh = keys(zhCN).sort();
    expect(zh.length).toBeGreaterThan(2000);
    expect(keys(en).sort()).toEqual(zh);
  });
});
