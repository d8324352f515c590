import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { qkl } from '../../../tests/support/cli.ts';
import { tempDir } from '../../../tests/support/temp.ts';

// A ledger whose unit-name column has a header the importer cannot know: the CLI
// refuses it with a hint, takes --map for it, and --remember keeps the choice.

const t = tempDir();
afterAll(() => t.cleanup());

const csv = ['单位叫法,统一社会信用代码,设备类别,设备代码,设备状态', '张家港市塘桥甲机械有限公司,91330100716105852F,3100,31103205822019000001,在用', '张家港市塘桥甲机械有限公司,91330100716105852F,3100,31103205822019000002,在用'].join('\r\n');

describe('qkl import-ledger --map', () => {
  it('maps an unknown header, remembers it, and refuses a bad --map as a usage error', async () => {
    const db = t.file('塘桥.sqlite');
    const file = t.file('台账.csv');
    writeFileSync(file, `\ufeff${csv}\r\n`);
    expect((await qkl('init', '--db', db, '--role', 'district', '--name', '塘桥分局')).code).toBe(0);

    const unmapped = await qkl('import-ledger', '--db', db, file);
    expect(unmapped.code).toBe(1);
    expect(unmapped.err).toContain('--map');

    const bad = await qkl('import-ledger', '--db', db, file, '--map', '单位叫法=名称');
    expect(bad.code).toBe(2);

    const mapped = await qkl('import-ledger', '--db', db, file, '--map', '单位叫法=unitName', '--remember', '--json');
    expect(mapped.code, mapped.err).toBe(0);
    expect(JSON.parse(mapped.out)).toMatchObject({ units: { inserted: 1 }, equipment: { inserted: 2 } });

    // remembered: the same file goes through without --map, and changes nothing now
    const again = await qkl('import-ledger', '--db', db, file, '--json');
    expect(again.code, again.err).toBe(0);
    expect(JSON.parse(again.out)).toMatchObject({ units: { inserted: 0, unchanged: 1 }, equipment: { inserted: 0, unchanged: 2 } });
  }, 60_000);
});
