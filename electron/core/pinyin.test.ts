import { describe, expect, it } from 'vitest';
import { nameInitials } from './pinyin.ts';

describe('nameInitials', () => {
  it('gives the pinyin initials of Chinese names', () => {
    expect(nameInitials('张三')).toBe('zs');
    expect(nameInitials('张家港市塘桥机械有限公司')).toBe('zjgstqjxyxgs');
  });

  it('keeps letters and digits and drops punctuation', () => {
    expect(nameInitials('江苏ABC（张家港）1号厂')).toBe('jsabczjg1hc');
  });
});
