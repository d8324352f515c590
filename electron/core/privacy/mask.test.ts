import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskPhone } from './mask.ts';

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
});
