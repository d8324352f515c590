import { describe, expect, it } from 'vitest';
import { checkUscc, normalizeUscc, usccCheckChar } from './uscc.ts';

describe('统一社会信用代码 (GB 32100)', () => {
  it('accepts the published examples', () => {
    for (const code of ['91110000600037341L', '91330100716105852F']) {
      expect(checkUscc(code)).toEqual({ ok: true, value: code, legacy: false });
    }
  });

  it('computes the check character from the first 17', () => {
    expect(usccCheckChar('91110000600037341')).toBe('L');
    expect(usccCheckChar('91330100716105852')).toBe('F');
  });

  it('normalises full-width, lower case and spaces before checking', () => {
    expect(normalizeUscc(' ９１１１００００６０００３７３４１ｌ ')).toBe('91110000600037341L');
    expect(checkUscc('9111 0000 6000 3734 1l')).toMatchObject({ ok: true, value: '91110000600037341L' });
  });

  it('names the expected check character when it is wrong', () => {
    const r = checkUscc('91110000600037341K');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('第 18 位应为“L”');
  });

  it('rejects letters outside the alphabet, naming the position', () => {
    const r = checkUscc('91110000600O37341L');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('第 12 位“O”');
  });

  it('rejects a wrong length and an empty value', () => {
    expect(checkUscc('9111000060003734')).toMatchObject({ ok: false, message: expect.stringContaining('当前为 16 位') });
    expect(checkUscc('  ')).toMatchObject({ ok: false });
  });

  it('accepts a 15-digit legacy registration number with a warning', () => {
    expect(checkUscc('320582000123456')).toMatchObject({ ok: true, legacy: true, warning: expect.any(String) });
  });

  it('catches every single-character substitution of a valid code', () => {
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const valid = '91330100716105852F';
    for (let i = 0; i < 18; i++) {
      for (const c of alphabet) {
        if (c === valid[i]) continue;
        const mutated = valid.slice(0, i) + c + valid.slice(i + 1);
        expect(checkUscc(mutated).ok, mutated).toBe(false);
      }
    }
  });
});
