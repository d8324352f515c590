import { afterEach, describe, expect, it } from 'vitest';
import { districtCore, type TestCore } from '../../tests/support/core.ts';
import { nameInitials } from '../../electron/core/pinyin.ts';
import { generateDistrict } from './generate.ts';
import { insertModel } from './insert.ts';

let t: TestCore;
afterEach(() => t?.cleanup());

describe('insertModel', () => {
  it('puts the whole model into a district database, in the app’s own terms', async () => {
    t = await districtCore();
    const model = generateDistrict({ seed: 3, units: 40 });
    const { sqlite } = t.core.ctx.database;
    const node = (await t.ok('node.get', {}))!;
    const result = insertModel(sqlite, model, { nodeId: node.id, districtId: 'seed-district-03', now: new Date('2026-12-01T08:00:00Z') });
    expect(result).toMatchObject({ units: 40, equipment: model.equipment.length, managers: model.managers.length });

    const count = (sql: string) => (sqlite.prepare(sql).get() as { n: number }).n;
    expect(count(`SELECT count(*) AS n FROM units WHERE district_id = 'seed-district-03' AND origin_node = '${node.id}'`)).toBe(40);
    expect(count('SELECT count(*) AS n FROM equipment')).toBe(model.equipment.length);
    expect(count('SELECT count(*) AS n FROM safety_managers')).toBe(model.managers.length);
    expect(count("SELECT count(*) AS n FROM equipment WHERE status = 'in_use'")).toBe(model.equipment.filter((e) => e.status === '在用').length);
    expect(count("SELECT count(*) AS n FROM equipment WHERE status NOT IN ('in_use','stopped','scrapped','cancelled')")).toBe(0);
    expect(count("SELECT count(*) AS n FROM units WHERE name_initials IS NULL OR name_initials NOT GLOB '[a-z][a-z]*'")).toBe(0);
    expect(sqlite.prepare('SELECT name_initials AS i FROM units WHERE name = ?').get(model.units[0]!.name)).toEqual({ i: nameInitials(model.units[0]!.name) });
    expect(count("SELECT count(*) AS n FROM safety_managers WHERE name_initials IS NULL OR length(name_initials) < 2")).toBe(0);
    expect(count("SELECT count(*) AS n FROM equipment WHERE next_inspection_date IS NOT NULL AND next_inspection_date NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'")).toBe(0);
    expect(count("SELECT count(*) AS n FROM equipment WHERE extra IS NOT NULL AND json_extract(extra, '$.维保单位') IS NULL AND json_extract(extra, '$.备注') IS NULL")).toBe(0);
    // each unit's equipment lands on that unit
    const first = model.units[0]!;
    expect(count(`SELECT count(*) AS n FROM equipment e JOIN units u ON u.id = e.unit_id WHERE u.uscc = '${first.uscc}'`)).toBe(model.equipment.filter((e) => e.unitIndex === 0).length);
    // and the app's own query sees them
    expect((await t.ok('units.query', { startRow: 0, endRow: 10 })).total).toBe(40);
    // a second seed goes into the same database without clashing identifiers
    const second = generateDistrict({ seed: 4, units: 10 });
    insertModel(sqlite, second, { nodeId: node.id, districtId: 'seed-district-03' });
    expect(count('SELECT count(*) AS n FROM equipment')).toBe(model.equipment.length + second.equipment.length);
  });
});
