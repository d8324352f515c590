import { describe, expect, it } from 'vitest';
import { normalizeText, toHalfWidth } from './text.ts';

describe('text normalisation', () => {
  it('turns full-width letters, digits and spaces half-width', () => {
    expect(toHalfWidth('ＡＢＣ１２３　ｘ')).toBe('ABC123 x');
  });

  it('keeps names in their registered form: full-width brackets, single spaces', () => {
    expect(normalizeText('  张家港市(塘桥)  机械有限公司 ')).toBe('张家港市（塘桥） 机械有限公司');
    expect(normalizeText('张家港市（塘桥）机械有限公司')).toBe('张家港市（塘桥）机械有限公司');
  });
});
