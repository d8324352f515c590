import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName, maskPhone } from './mask.ts';

describe('masking', () => {
  it('masks ID numbers as 3205**********123X', () => {
    expect(maskIdNumber('32058219900101123X')).toBe('3205**********123X');
    expect(maskIdNumber(null)).toBeNull();
    expect(maskIdNumber('12345')).toBe('*****');
  });

  it('masks phone numbers keeping the last four', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0512-58681234')).toBe('051******1234');
    expect(maskPhone('')).toBeNull();
  });

  it('masks names as 王** whatever their length', () => {
    expect(maskName('王小明')).toBe('王**');
    expect(maskName('王五')).toBe('王**');
    expect(maskName(' 欧阳娜娜 ')).toBe('欧**');
    expect(maskName('𠀋一')).toBe('𠀋**');
    expect(maskName('Zhang Wei')).toBe('Z**');
    expect(maskName('  ')).toBeNull();
    expect(maskName(undefined)).toBeNull();
  });
});
