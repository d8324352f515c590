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

describe('half width without copying', () => {
  it('gives what the two replacements give, for text with and without full-width characters', () => {
    const plain = (value: string) => value.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
    // the edges of the range and its neighbours
    const chars = ['\uFF00', '\uFF01', '\uFF10', '\uFF21', '\uFF5E', '\uFF5F', '\u3000', '\u3001', '\u00a0', 'a', '对', ' ', '（'];
    const texts = ['', ...chars, ...chars.flatMap((a) => chars.map((b) => `x${a}y${b}`))];
    for (const t of texts) expect([t, toHalfWidth(t)]).toEqual([t, plain(t)]);
    const untouched = 'ABC 张家港【塘桥】a、c';
    expect(toHalfWidth(untouched)).toBe(untouched);
  });
});
