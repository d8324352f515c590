import { afterAll, describe, expect, it } from 'vitest';
import { districtCore } from '../../../tests/support/core.ts';
import { requireIdentity } from '../node/node-service.ts';
import { DistrictResolver } from './districts.ts';
import { rowDeps } from './row-context.ts';
import { cleanText } from './values.ts';

// sharedText remembers each raw text's cleaned, interned form: it must give what cleaning and
// interning each time gives, for texts that need work and texts that do not, every time.

const t = await districtCore();
afterAll(() => t.cleanup());

describe('rowDeps.sharedText', () => {
  it('is intern(cleanText(cell)) for every kind of text, the first time and after', () => {
    const deps = rowDeps(new DistrictResolver(t.core.ctx, requireIdentity(t.core.ctx)), new Date());
    const reference = rowDeps(new DistrictResolver(t.core.ctx, requireIdentity(t.core.ctx)), new Date());
    const texts = ['场（厂）内专用机动车辆', '张家港市  塘桥\u3000机械', ' 叉车 ', 'ＡＢＣ１２３', '无', '—', '/', 'N/A', '', '   ', '诺力智能装备股份有限公司', 'DT-01', '一二三四五六七八九十一二三'];
    const cells = [...texts, 3000, 12.5, true, new Date(Date.UTC(2024, 4, 1)), { problem: 'error' as const, text: '#N/A' }, null];
    for (let round = 0; round < 3; round++) {
      for (const cell of cells) {
        // a fresh copy of the text each time, as the reader gives it
        const given = typeof cell === 'string' ? (cell + ' ').slice(0, -1) : cell;
        const expected = reference.intern(cleanText(given, false));
        const got = deps.sharedText(given);
        expect(got).toBe(expected);
        // the one interned copy: the same string as intern gives, also on a later call
        if (got !== null) expect(got).toBe(deps.intern(got));
      }
    }
  });
});
