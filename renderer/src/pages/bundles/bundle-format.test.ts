import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { zhCN } from '../../i18n/zh-CN.ts';
import { formatSize, orderedTables, rowCountsText } from './bundle-format.ts';

/** A stand-in for i18next's t over the Chinese messages (interpolation of {{name}} only). */
const t = ((key: string, values: Record<string, unknown> = {}) => {
  const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], zhCN) as string;
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));
}) as unknown as TFunction;

describe('bundle formatting', () => {
  it('shows sizes in MB, a small bundle as < 0.01 MB', () => {
    expect(formatSize(t, 5 * 1024 * 1024 + 300 * 1024)).toBe('5.29 MB');
    expect(formatSize(t, 2048)).toBe('< 0.01 MB');
    expect(formatSize(t, 0)).toBe('0.00 MB');
  });

  it('names the tables in Chinese, in bundle order, leaving out empty ones', () => {
    expect(orderedTables(['safety_managers', 'zz_new', 'units', 'files'])).toEqual(['units', 'safety_managers', 'files', 'zz_new']);
    expect(rowCountsText(t, { equipment: 24, units: 3, districts: 0, files: 2 })).toBe('使用单位 3 行，特种设备 24 行，附件文件 2 行');
    expect(rowCountsText(t, { units: 0 })).toBe('无数据变化');
  });
});
