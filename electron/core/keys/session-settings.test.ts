import { afterEach, describe, expect, it } from 'vitest';
import { districtCore, type TestCore } from '../../../tests/support/core.ts';
import { openCore } from '../open-core.ts';

let t: TestCore;
afterEach(() => t?.cleanup());

describe('how long the page keeps the passphrase', () => {
  it('is 15 minutes by default, changed within 1–240, kept in the database and audited', async () => {
    t = await districtCore();
    expect(await t.ok('keys.sessionSettings', {})).toEqual({ forgetAfterMinutes: 15 });
    for (const bad of [0, 241, 2.5]) {
      const refused = await t.core.call('keys.updateSessionSettings', { forgetAfterMinutes: bad });
      expect(refused).toMatchObject({ ok: false, code: 'VALIDATION', message: expect.stringContaining('口令记忆时长') });
    }
    expect(await t.ok('keys.updateSessionSettings', { forgetAfterMinutes: 5 })).toEqual({ forgetAfterMinutes: 5 });
    const audit = t.core.ctx.database.sqlite.prepare("SELECT before, after FROM audit_log WHERE call = 'keys.updateSessionSettings'").all();
    expect(audit).toEqual([{ before: JSON.stringify({ forgetAfterMinutes: 15 }), after: JSON.stringify({ forgetAfterMinutes: 5 }) }]);
    // another host on the same file (the desktop after a restart) reads the same
    const other = openCore({ file: t.file, host: 'test', actor: 'tester' });
    try {
      expect(await other.call('keys.sessionSettings', {})).toEqual({ ok: true, value: { forgetAfterMinutes: 5 } });
    } finally {
      other.close();
    }
  });
});
