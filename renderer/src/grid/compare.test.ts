import { describe, expect, it } from 'vitest';
import { compareCells } from './compare.ts';

describe('cells sorted in memory', () => {
  it('orders Chinese by pinyin, numbers in text by value, empty cells last', () => {
    expect(['先锋', '张三', '阿里', '西安', '白云'].sort(compareCells)).toEqual(['阿里', '白云', '西安', '先锋', '张三']);
    expect(['第10号', '第2号', '第1号'].sort(compareCells)).toEqual(['第1号', '第2号', '第10号']);
    expect([3, null, 10, '', 1].sort(compareCells)).toEqual([1, 3, 10, null, '']);
  });
});
