import { describe, expect, it } from 'vitest';
import { checkIdNumber } from './id-card.ts';

describe('居民身份证号 (GB 11643)', () => {
  it('accepts the published example and normalises case and width', () => {
    expect(checkIdNumber('11010519491231002X')).toEqual({ ok: true, value: '11010519491231002X', birthDate: '1949-12-31' });
    expect(checkIdNumber(' １１０１０５１９４９１２３１００２ｘ ')).toMatchObject({ ok: true, value: '11010519491231002X' });
  });

  it('names the expected check character', () => {
    expect(checkIdNumber('110105194912310021')).toMatchObject({ ok: false, message: expect.stringContaining('第 18 位应为“X”') });
  });

  it('refuses impossible birth dates and wrong shapes', () => {
    expect(checkIdNumber('110105194902300010')).toMatchObject({ ok: false, message: expect.stringContaining('19490230') });
    expect(checkIdNumber('1101051949123100')).toMatchObject({ ok: false, message: expect.stringContaining('18 位') });
    expect(checkIdNumber('110105290001010010', new Date('2026-11-28'))).toMatchObject({ ok: false });
  });
});
